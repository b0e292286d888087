import { IDBFactory } from 'fake-indexeddb';
import { wrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { caseWriter } from '../../../lib/cases/case-writer';
import { bucketsOf, caseText, currentSums, statsBucketHash, unpackSums } from '../../../lib/cases/case-text';
import { caseRowOf } from '../../../lib/cases/derived';
import { caseDigest } from '../../../lib/cases/digest';
import { importMatchingTexts } from '../../../lib/cases/matched-import';
import { openCasesDb, type CasesRepository } from '../../../lib/cases/repository';
import { UPGRADES, type MendDatabase, type UpgradeTransaction } from '../../../lib/cases/schema';
import { bucketOf, packBucket, statsEntryOf } from '../../../lib/cases/stats-entry';
import { exportCaseTexts } from '../../../lib/cases/text-export';
import { exportCasesJson, importCasesJson } from '../../../lib/cases/transfer';
import type { Case } from '../../../lib/cases/types';
import { generateCases } from '../../tools/generate-cases';
import { analysis, makeCase, populatedRepo, snapshot } from './fixtures';

const NOW = Date.parse('2026-11-23T06:00:00Z');
const HOUR = 3_600_000;

async function textExport(repo: CasesRepository, now = NOW): Promise<string> {
  const made = await exportCaseTexts(repo, now);
  if (!made) throw new Error('the texts were not usable');
  return new Blob(made.parts).text();
}

/**
 * The stored texts hold exactly what a fresh serialization of every stored case gives, none is stale,
 * and the export made from them is the export made from the cases, byte for byte.
 */
async function expectTextsCurrent(repo: CasesRepository): Promise<void> {
  const db = repo.rawDatabase;
  const tx = db.transaction(['cases', 'case-texts', 'case-stats', 'case-text-sums'], 'readonly');
  const [cases, textKeys, texts, statsKeys, stats, sumsKeys, sums] = await Promise.all([
    tx.objectStore('cases').getAll(),
    tx.objectStore('case-texts').getAllKeys(),
    tx.objectStore('case-texts').getAll(),
    tx.objectStore('case-stats').getAllKeys(),
    tx.objectStore('case-stats').getAll(),
    tx.objectStore('case-text-sums').getAllKeys(),
    tx.objectStore('case-text-sums').getAll(),
  ]);
  expect(textKeys).toEqual(cases.map((c) => c.id));
  const decoder = new TextDecoder();
  expect(texts.map((t) => decoder.decode(t))).toEqual(cases.map((c) => decoder.decode(caseText(c))));
  const current = currentSums(bucketsOf(statsKeys, stats), bucketsOf(sumsKeys, sums));
  expect([...current.keys()].sort()).toEqual(cases.map((c) => c.id));
  // Every sums bucket carries the hash of its statistics bucket: none needs the statistics unpacked.
  for (const [i, packed] of sums.entries()) expect(unpackSums(packed).statsHash).toBe(statsBucketHash(stats[statsKeys.indexOf(sumsKeys[i])]));
  expect(await textExport(repo)).toBe(await exportCasesJson(repo, NOW));
}

describe('stored case texts', () => {
  it('stay exactly the export text of every case through each write path', async () => {
    const repo = await populatedRepo();
    await expectTextsCurrent(repo);
    // Seen again on a page: the existing case is refreshed.
    await repo.recordSeen(snapshot({ reviewId: 'a', text: '快递太慢了，已经换货' }), analysis(), { autoOpen: true, now: NOW });
    await expectTextsCurrent(repo);
    await repo.logContact('kuaishou:b', { channel: 'phone', outcome: 'answered', note: '"引号"\\和换行\n' }, NOW + HOUR);
    await expectTextsCurrent(repo);
    await repo.setState('kuaishou:b', 'remedy_offered', NOW + 2 * HOUR);
    await expectTextsCurrent(repo);
    await repo.setRisk('kuaishou:b', null, NOW + 2 * HOUR);
    await repo.snooze('qianniu:a', NOW + 5 * HOUR, NOW + 2 * HOUR);
    await repo.setFollowUp('qianniu:a', null, NOW + 3 * HOUR);
    await repo.markEvidence('kuaishou:b', 'chat_log', false, NOW + 3 * HOUR);
    await expectTextsCurrent(repo);
    await repo.saveMany(generateCases(40, { seed: 3, now: NOW }));
    await expectTextsCurrent(repo);
    await repo.delete(['qianniu:a', 'qianniu:g']);
    await expectTextsCurrent(repo);
  });

  it('stay current through an import that adds and replaces cases', async () => {
    const repo = await populatedRepo();
    const source = await populatedRepo();
    await source.logContact('kuaishou:b', { channel: 'chat', outcome: 'agreed' }, NOW + 10 * HOUR);
    await source.recordSeen(snapshot({ reviewId: 'new-one' }), analysis(), { autoOpen: true, now: NOW });
    const report = await importCasesJson(repo, await exportCasesJson(source, NOW));
    expect(report).toMatchObject({ added: 1, updated: 1 });
    await expectTextsCurrent(repo);
  });

  it('come with a v6 database opened in v7, filled for every case', async () => {
    const factory = new IDBFactory();
    const cases = generateCases(120, { seed: 6, now: NOW });
    await createV6Database(factory, cases);
    const repo = await openCasesDb({ factory });
    expect((await repo.all()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([...cases].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await repo.statsEntries()).toHaveLength(120);
    await expectTextsCurrent(repo);
    // The migrated store re-imports its own export slice by slice: every case recognized unchanged.
    const file = new Blob([await exportCasesJson(repo, NOW)]);
    expect(await importMatchingTexts(repo, file)).toMatchObject({ added: 0, updated: 0, unchanged: 120, conflicts: [] });
  });

  it('come with a v1 database opened in v7, filled after every earlier step', async () => {
    const factory = new IDBFactory();
    await createV1Database(factory, [
      { id: 'qianniu:v1a', platform: 'qianniu', reviewId: 'v1a', rating: 'bad', causes: ['quality'], evidence: {}, extortion: false, text: '质量差', pageUrl: '', state: 'new', createdAt: NOW, updatedAt: NOW },
      { id: 'jd:v1b', platform: 'jd', reviewId: 'v1b', rating: 'medium', causes: [], evidence: {}, extortion: false, text: '一般', pageUrl: '', state: 'revised', createdAt: NOW, updatedAt: NOW + HOUR },
    ]);
    const repo = await openCasesDb({ factory });
    expect((await repo.all()).map((c) => c.id)).toEqual(['jd:v1b', 'qianniu:v1a']);
    await expectTextsCurrent(repo);
  });

  it('are rebuilt by the reconcile for cases written around the repository', async () => {
    const repo = await openCasesDb({ factory: new IDBFactory() });
    await repo.saveMany(generateCases(10, { seed: 8, now: NOW }));
    const extra = makeCase({ reviewId: 'raw' });
    await repo.rawDatabase.put('cases', extra);
    expect(await exportCaseTexts(repo, NOW)).toBeNull();
    expect(await repo.reconcileRows()).toEqual({ added: 1, removed: 0 });
    await expectTextsCurrent(repo);
  });

  it('are not trusted once a write left them behind their case', async () => {
    const repo = await openCasesDb({ factory: new IDBFactory() });
    await repo.saveMany(generateCases(10, { seed: 9, now: NOW }));
    const [first] = await repo.all();
    const before = await exportCasesJson(repo, NOW);
    const changed: Case = { ...first, notes: [...first.notes, { id: 'n-x', text: '只改了案例', at: NOW }] };
    // A writer whose transaction does not span the text stores: the case and its statistics change, the text not.
    const tx = repo.rawDatabase.transaction(['cases', 'case-rows', 'case-stats'], 'readwrite');
    await caseWriter(tx.objectStore('cases'), tx.objectStore('case-rows'), tx.objectStore('case-stats')).put(changed);
    await tx.done;
    // The export still writes the case as it is now.
    expect(await textExport(repo)).toBe(await exportCasesJson(repo, NOW));
    // And an import of the case as it was (its stored text, byte for byte) does not pass it as unchanged.
    const expected = await importCasesJson(await copyOf(repo), before, { dryRun: true });
    expect(expected.conflicts).toHaveLength(1);
    expect(await importMatchingTexts(repo, new Blob([before]))).toEqual(expected);
  });
});

describe('import slice by slice', () => {
  it('recognizes a re-imported export without writing, and reports as the plain import does', async () => {
    const repo = await openCasesDb({ factory: new IDBFactory() });
    await repo.saveMany(generateCases(200, { seed: 12, now: NOW }));
    await repo.putBlacklist([{ platform: 'qianniu', nick: '赵**', reason: '职业差评', addedAt: '2026-10-01', addedBy: 'ops' }]);
    const text = await exportCasesJson(repo, NOW);
    const before = await exportCasesJson(repo, NOW);
    const report = await importMatchingTexts(repo, new Blob([text]));
    expect(report).toEqual(await importCasesJson(repo, text, { dryRun: true }));
    expect(report).toMatchObject({ unchanged: 200, added: 0, blacklistUnchanged: 1 });
    expect(await exportCasesJson(repo, NOW)).toBe(before);
  });

  it('parses and merges the cases that differ, leaving the store as the plain import would', async () => {
    const cases = generateCases(60, { seed: 13, now: NOW });
    const repo = await openCasesDb({ factory: new IDBFactory() });
    await repo.saveMany(cases);
    const source = await copyOf(repo);
    const [a, b] = await source.all();
    await source.addNote(a.id, '新的备注', NOW + HOUR);
    await source.setFlags(b.id, { publicReplyPosted: !b.flags.publicReplyPosted }, NOW - 400 * 24 * HOUR);
    await source.recordSeen(snapshot({ reviewId: 'brand-new' }), analysis(), { autoOpen: true, now: NOW });
    const text = await exportCasesJson(source, NOW);
    // The same cases stored the same way (key order included), for the plain import to merge into.
    const plain = await openCasesDb({ factory: new IDBFactory() });
    await plain.saveMany(cases);
    const expected = await importCasesJson(plain, text);
    const report = await importMatchingTexts(repo, new Blob([text]));
    expect(report).toEqual(expected);
    expect(report).toMatchObject({ added: 1, updated: 1, unchanged: 58 });
    expect(report!.conflicts).toHaveLength(2);
    expect(await exportCasesJson(repo, NOW)).toBe(await exportCasesJson(plain, NOW));
    await expectTextsCurrent(repo);
  });

  it('gives up, changing nothing, on every file it cannot prove it reads as the whole-file parse does', async () => {
    const repo = await openCasesDb({ factory: new IDBFactory() });
    await repo.saveMany(generateCases(30, { seed: 14, now: NOW }));
    const text = await exportCasesJson(repo, NOW);
    const before = text;
    const firstCase = text.indexOf('{"id":"', 10);
    const secondCase = text.indexOf(',{"id":"', firstCase) + 1;
    const damaged = [
      text.slice(0, text.length >> 1), // truncated
      text.replace('"format":"mend-cases"', '"format":"other"'), // foreign
      `${text.slice(0, secondCase)}${text.slice(firstCase, secondCase)}${text.slice(secondCase)}`, // an id twice
      text.replace(/"rating":"[a-z]+"/, '"rating":"awful"'), // an invalid case
      `${text.slice(0, secondCase - 1)}}${text.slice(secondCase - 1)}`, // a stray brace
      `{"x":1,${text.slice(1)}`.replace('"format"', '"format"'), // an unknown field
      `${text} []`, // trailing content
    ];
    for (const file of damaged) {
      expect(await importMatchingTexts(repo, new Blob([file]))).toBeNull();
      await expect(importCasesJson(repo, file)).rejects.toThrow();
    }
    // Valid JSON laid out otherwise than an export writes it is left to the plain import.
    const unusual = [
      `${text.slice(0, secondCase)} ${text.slice(secondCase)}`, // a space between cases
      `${text.slice(0, -1)},"cases":[]}`, // cases given again after the list: JSON.parse keeps the last
    ];
    for (const file of unusual) expect(await importMatchingTexts(repo, new Blob([file]))).toBeNull();
    expect(await exportCasesJson(repo, NOW)).toBe(before);
  });

  it('leaves a file mostly new to the store to the whole-file import', async () => {
    const source = await openCasesDb({ factory: new IDBFactory() });
    await source.saveMany(generateCases(1200, { seed: 16, now: NOW }));
    const text = await exportCasesJson(source, NOW);
    const empty = await openCasesDb({ factory: new IDBFactory() });
    expect(await importMatchingTexts(empty, new Blob([text]))).toBeNull();
    expect(await exportCasesJson(empty, NOW)).toBe(await exportCasesJson(await openCasesDb({ factory: new IDBFactory() }), NOW));
  });

  it('reads a byte-order mark and an empty cases list as the plain import does', async () => {
    const repo = await openCasesDb({ factory: new IDBFactory() });
    await repo.saveMany(generateCases(5, { seed: 15, now: NOW }));
    const text = `\ufeff${await exportCasesJson(repo, NOW)}`;
    expect(await importMatchingTexts(repo, new Blob([text]))).toEqual(await importCasesJson(repo, text, { dryRun: true }));
    const empty = await openCasesDb({ factory: new IDBFactory() });
    const none = await exportCasesJson(empty, NOW);
    expect(await importMatchingTexts(repo, new Blob([none]))).toEqual(await importCasesJson(repo, none, { dryRun: true }));
  });
});

/** A second store holding the same cases (and blacklist), through its own import. */
async function copyOf(repo: CasesRepository): Promise<CasesRepository> {
  const copy = await openCasesDb({ factory: new IDBFactory() });
  await importCasesJson(copy, await exportCasesJson(repo, NOW));
  return copy;
}

/** A version-6 database as that release wrote it: cases without indexes, rows, packed statistics. */
async function createV6Database(factory: IDBFactory, cases: Case[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open('mend', 6);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('cases', { keyPath: 'id' });
      const rows = request.result.createObjectStore('case-rows', { keyPath: 'id' });
      rows.createIndex('by-urgency', 'urgencyKey');
      rows.createIndex('by-recent', 'recentKey');
      rows.createIndex('by-buyer', ['platform', 'buyerNick']);
      request.result.createObjectStore('case-stats');
      request.result.createObjectStore('blacklist', { keyPath: ['platform', 'nick'] });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const buckets = new Map<number, ReturnType<typeof statsEntryOf>[]>();
  for (const c of cases) {
    const bucket = bucketOf(c.id);
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), statsEntryOf(c, caseDigest(c))]);
  }
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['cases', 'case-rows', 'case-stats'], 'readwrite');
    for (const c of cases) {
      tx.objectStore('cases').put(c);
      tx.objectStore('case-rows').put(caseRowOf(c));
    }
    for (const [bucket, entries] of buckets) tx.objectStore('case-stats').put(packBucket(entries), bucket);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** A version-1 database: the first upgrade step alone (the v1 release's), then raw records of that release. */
async function createV1Database(factory: IDBFactory, cases: object[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open('mend', 1);
    request.onupgradeneeded = () => void UPGRADES[0](wrap(request.result) as unknown as MendDatabase, wrap(request.transaction!) as unknown as UpgradeTransaction);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('cases', 'readwrite');
    for (const c of cases) tx.objectStore('cases').put(c);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}
