import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ourDigests, ourDigestsOnArrival } from '../../../lib/cases/incoming-cases';
import { importCasesInParallel } from '../../../lib/cases/parallel-import';
import { openCasesDb, type CasesRepository } from '../../../lib/cases/repository';
import { readSecondHalf } from '../../../lib/cases/split-import';
import { packBucket, statsEntryOf } from '../../../lib/cases/stats-entry';
import { caseDigest } from '../../../lib/cases/digest';
import { exportCasesJson, importCasesJson } from '../../../lib/cases/transfer';
import { generateCases } from '../../tools/generate-cases';

const NOW = Date.parse('2026-11-23T06:00:00Z');

/**
 * A store whose statistics still hold entries of cases that were deleted around the repository
 * (devtools, a raw helper): the file holding those cases must bring them back, not skip them as unchanged.
 */
async function storeMissing(count: number, missing: number): Promise<{ repo: CasesRepository; file: string; gone: string[] }> {
  const source = await openCasesDb({ factory: new IDBFactory() });
  await source.saveMany(generateCases(count, { seed: 11, now: NOW }));
  const file = await exportCasesJson(source, NOW);
  const repo = await openCasesDb({ factory: new IDBFactory() });
  await repo.saveMany(generateCases(count, { seed: 11, now: NOW }));
  const gone = (await repo.all()).slice(0, missing).map((c) => c.id);
  for (const id of gone) await repo.rawDatabase.delete('cases', id);
  return { repo, file, gone };
}

describe('import against statistics entries whose case is gone', () => {
  it('adds those cases on one thread', async () => {
    const { repo, file, gone } = await storeMissing(12, 3);
    const report = await importCasesJson(repo, file);
    expect(report).toMatchObject({ added: 3, updated: 0, unchanged: 9, conflicts: [] });
    for (const id of gone) expect(await repo.get(id)).toBeDefined();
  });

  it('adds those cases on two threads, in either half', async () => {
    const { repo, file, gone } = await storeMissing(40, 40);
    // Every case gone: the store is empty of cases but not of statistics.
    const inPlace = { read: readSecondHalf };
    const report = await importCasesInParallel(repo, new Blob([file]), inPlace, { fromBytes: 0 });
    expect(report).toMatchObject({ added: 40, updated: 0, unchanged: 0 });
    expect((await repo.all()).map((c) => c.id).sort()).toEqual([...gone].sort());
    const again = await storeMissing(40, 30);
    expect(await importCasesInParallel(again.repo, new Blob([again.file]), inPlace, { fromBytes: 0 })).toMatchObject({ added: 30, unchanged: 10 });
    for (const id of again.gone) expect(await again.repo.get(id)).toBeDefined();
  });
});

describe('ourDigests', () => {
  const cases = generateCases(5, { seed: 3, now: NOW });
  const buckets = [packBucket(cases.map((c) => statsEntryOf(c, caseDigest(c))))];
  const ids = cases.map((c) => c.id);

  it('gives every digest when the ids and entries match, none when we hold no case', () => {
    expect([...ourDigests({ keys: ids, buckets }).keys()].sort()).toEqual([...ids].sort());
    expect(ourDigests({ keys: [], buckets }).size).toBe(0);
  });

  it('leaves out entries without a case, and ids without an entry', () => {
    const held = ourDigests({ keys: [ids[0], ids[2], 'jd:unknown'], buckets });
    expect([...held.keys()].sort()).toEqual([ids[0], ids[2]].sort());
    expect(held.get(ids[0])).toBe(caseDigest(cases[0]));
  });

  it('on arrival: the same map, or null when our ids and buckets could not be read or unpacked', async () => {
    expect(await ourDigestsOnArrival(Promise.resolve({ keys: ids, buckets }))).toEqual(ourDigests({ keys: ids, buckets }));
    expect(await ourDigestsOnArrival(Promise.resolve(null))).toBeNull();
    expect(await ourDigestsOnArrival(Promise.reject(new Error('store closed')))).toBeNull();
    expect(await ourDigestsOnArrival(Promise.resolve({ keys: ids, buckets: [new TextEncoder().encode('[[')] }))).toBeNull();
  });
});
