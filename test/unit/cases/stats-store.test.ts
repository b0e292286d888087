import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { caseWriter } from '../../../lib/cases/case-writer';
import { caseRowOf } from '../../../lib/cases/derived';
import { caseDigest, normalizedDigest } from '../../../lib/cases/digest';
import { openCasesDb } from '../../../lib/cases/repository';
import { computeStats } from '../../../lib/cases/stats';
import { bucketOf, packBucket, STATS_BUCKETS, unpackBucket } from '../../../lib/cases/stats-entry';
import { exportCases, exportCasesJson, importCasesJson } from '../../../lib/cases/transfer';
import type { Case } from '../../../lib/cases/types';
import { readExportedCase } from '../../../lib/cases/validate';
import { generateCases } from '../../tools/generate-cases';
import { makeCase, populatedRepo } from './fixtures';

const NOW = Date.parse('2026-11-23T06:00:00Z');

/** A version-5 database as that release wrote it: indexed cases, rows with the statistics fields. */
async function createV5Database(factory: IDBFactory, cases: Case[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open('mend', 5);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('cases', { keyPath: 'id' });
      store.createIndex('by-buyer', ['platform', 'buyerNick']);
      store.createIndex('by-urgency', 'urgencyKey');
      store.createIndex('by-recent', 'recentKey');
      const rows = request.result.createObjectStore('case-rows', { keyPath: 'id' });
      rows.createIndex('by-urgency', 'urgencyKey');
      rows.createIndex('by-recent', 'recentKey');
      request.result.createObjectStore('blacklist', { keyPath: ['platform', 'nick'] });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['cases', 'case-rows'], 'readwrite');
    for (const c of cases) {
      tx.objectStore('cases').put(c);
      // The v5 row: statistics fields and search text side by side.
      tx.objectStore('case-rows').put({ id: c.id, platform: c.platform, state: c.state, start: 0, search: c.text, remedies: [], urgencyKey: c.urgencyKey, recentKey: c.recentKey });
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Two review ids of one platform whose cases share a statistics bucket. */
function sameBucketIds(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const id = `gen-${i}`;
    const bucket = bucketOf(`qianniu:${id}`);
    const other = seen.get(bucket);
    if (other) return [other, id];
    seen.set(bucket, id);
  }
}

describe('statistics entries', () => {
  it('come with a v5 database opened in v6: every case kept, rows slimmed, entries and the buyer index filled', async () => {
    const factory = new IDBFactory();
    const cases = generateCases(300, { seed: 5, now: NOW });
    await createV5Database(factory, cases);
    const repo = await openCasesDb({ factory });
    const all = (await repo.all()).sort((a, b) => a.id.localeCompare(b.id));
    expect(all).toEqual([...cases].sort((a, b) => a.id.localeCompare(b.id)));
    const rows = (await repo.rows()).sort((a, b) => a.id.localeCompare(b.id));
    expect(rows).toEqual(all.map(caseRowOf));
    const entries = await repo.statsEntries();
    expect(entries).toHaveLength(300);
    const options = { now: NOW, utcOffsetMinutes: 480 };
    expect(computeStats(entries, options)).toEqual(computeStats(all, options));
    const withNick = all.find((c) => c.buyerNick)!;
    const sameBuyer = all.filter((c) => c.platform === withNick.platform && c.buyerNick === withNick.buyerNick).map((c) => c.id);
    expect((await repo.listByBuyer(withNick.platform, withNick.buyerNick!)).map((c) => c.id).sort()).toEqual(sameBuyer.sort());
    // A migrated store merges its own export without reading a case in full: every case unchanged.
    const report = await importCasesJson(repo, await exportCasesJson(repo, NOW));
    expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 300, conflicts: [] });
  });

  it('keep both of two writes to one bucket in the same transaction', async () => {
    const repo = await openCasesDb({ factory: new IDBFactory() });
    const [first, second] = sameBucketIds();
    const cases = [makeCase({ reviewId: first }), makeCase({ reviewId: second })];
    const db = repo.rawDatabase;
    const tx = db.transaction(['cases', 'case-rows', 'case-stats'], 'readwrite');
    const writer = caseWriter(tx.objectStore('cases'), tx.objectStore('case-rows'), tx.objectStore('case-stats'));
    // Not awaited one after the other: both read the bucket before either writes it.
    await Promise.all(cases.map((c) => writer.put(c)));
    await tx.done;
    expect((await repo.statsEntries()).map((e) => e[0]).sort()).toEqual(cases.map((c) => c.id).sort());
    await repo.delete(cases[0].id);
    expect((await repo.statsEntries()).map((e) => e[0])).toEqual([cases[1].id]);
    await repo.delete(cases[1].id);
    // An emptied bucket leaves no record behind.
    expect(await db.count('case-stats')).toBe(0);
  });

  it('spread a large store over a bounded number of records', async () => {
    const repo = await openCasesDb({ factory: new IDBFactory() });
    await repo.saveMany(generateCases(3000, { seed: 11, now: NOW }));
    const records = await repo.rawDatabase.count('case-stats');
    expect(records).toBeGreaterThan(STATS_BUCKETS / 2);
    expect(records).toBeLessThanOrEqual(STATS_BUCKETS);
    expect(await repo.statsEntries()).toHaveLength(3000);
  });
});

describe('case digests', () => {
  const [c] = generateCases(1, { seed: 21, now: NOW });

  it('ignore key order and match the digest an import computes for the exported case', () => {
    const reordered = Object.fromEntries(Object.entries(structuredClone(c)).reverse()) as unknown as Case;
    expect(caseDigest(reordered)).toBe(caseDigest(c));
    const { isOpen: _o, dueAt: _d, urgencyKey: _u, recentKey: _r, ...exported } = c;
    const imported = readExportedCase(JSON.parse(JSON.stringify(exported)), 'cases[0]');
    expect(normalizedDigest(imported)).toBe(caseDigest(c));
  });

  it('change with any field, nested ones too', () => {
    const variants: Array<(x: Case) => void> = [
      (x) => (x.text += '。'),
      (x) => (x.updatedAt += 1),
      (x) => x.contacts.push({ id: 'k', channel: 'sms', at: NOW, outcome: 'answered' }),
      (x) => (x.flags.appealFiled = !x.flags.appealFiled),
      (x) => (x.manualFacts.price = 12),
      (x) => (x.product = { ...x.product!, sku: 'other' }),
    ];
    for (const change of variants) {
      const copy = structuredClone(c);
      change(copy);
      expect(caseDigest(copy)).not.toBe(caseDigest(c));
    }
  });

  it('are null for a case an export could not carry, which an import then compares in full', () => {
    expect(caseDigest({ ...c, surprise: 1 } as unknown as Case)).toBeNull();
  });

  it('that are stale never make an import skip a changed case or report an unchanged one', async () => {
    const repo = await populatedRepo();
    const file = await exportCasesJson(repo);
    // Corrupt every stored digest: the import must fall back to comparing the cases themselves.
    const tx = repo.rawDatabase.transaction('case-stats', 'readwrite');
    for (const key of await tx.store.getAllKeys()) {
      const entries = unpackBucket(await tx.store.get(key));
      for (const entry of entries) entry[1] = 1;
      await tx.store.put(packBucket(entries), key);
    }
    await tx.done;
    expect(await importCasesJson(repo, file)).toMatchObject({ added: 0, updated: 0, unchanged: 3, conflicts: [] });
    const edited = JSON.parse(file);
    edited.cases[0].text = '被改过的文字';
    edited.cases[0].updatedAt += 1;
    const report = await importCasesJson(repo, JSON.stringify(edited));
    expect(report).toMatchObject({ updated: 1, unchanged: 2 });
    expect((await repo.get(edited.cases[0].id))!.text).toBe('被改过的文字');
  });
});

describe('chunked export', () => {
  it('writes exactly what one JSON.stringify of the whole export would, across chunk boundaries', async () => {
    const repo = await openCasesDb({ factory: new IDBFactory() });
    await repo.saveMany(generateCases(4100, { seed: 13, now: NOW }));
    await repo.putBlacklist([{ platform: 'jd', nick: 'x', reason: 'r', addedAt: '2026-11-01T00:00:00.000Z', addedBy: 'A' }]);
    const streamed = await exportCasesJson(repo, NOW);
    expect(streamed).toBe(JSON.stringify(await exportCases(repo, NOW)));
    const empty = await openCasesDb({ factory: new IDBFactory() });
    expect(JSON.parse(await exportCasesJson(empty, NOW)).cases).toEqual([]);
  }, 60_000);
});
