import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { caseRowOf } from '../../../lib/cases/derived';
import { caseDigest } from '../../../lib/cases/digest';
import { statsEntryOf } from '../../../lib/cases/stats-entry';
import { openCasesDb, type CasesRepository } from '../../../lib/cases/repository';
import { computeStats } from '../../../lib/cases/stats';
import { importCasesJson, exportCasesJson } from '../../../lib/cases/transfer';
import { analysis, populatedRepo, snapshot } from './fixtures';

const T0 = Date.parse('2026-11-21T08:00:00Z');

async function rowsMatchCases(repo: CasesRepository) {
  const cases = (await repo.all()).sort((a, b) => a.id.localeCompare(b.id));
  const rows = (await repo.rows()).sort((a, b) => a.id.localeCompare(b.id));
  expect(rows).toEqual(cases.map(caseRowOf));
  const entries = (await repo.statsEntries()).sort((a, b) => a[0].localeCompare(b[0]));
  expect(entries).toEqual(cases.map((c) => statsEntryOf(c, caseDigest(c))));
}

describe('compact rows', () => {
  it('follow every kind of write, in the same transaction as the case', async () => {
    const repo = await populatedRepo();
    await rowsMatchCases(repo);
    await repo.recordSeen(snapshot({ reviewId: 'a', text: '新的文字' }), analysis(), { autoOpen: true, now: T0 + 1 });
    await repo.setRisk('qianniu:a', { band: 'high', score: 90, signals: [], assessedAt: T0 });
    await repo.delete('kuaishou:b');
    await rowsMatchCases(repo);
    const target = await openCasesDb({ factory: new IDBFactory() });
    await importCasesJson(target, await exportCasesJson(repo));
    await rowsMatchCases(target);
  });

  it('give the same statistics as the full cases', async () => {
    const repo = await populatedRepo();
    const options = { now: T0 + 100 * 3_600_000, utcOffsetMinutes: 480 };
    expect(computeStats(await repo.statsEntries(), options)).toEqual(computeStats(await repo.all(), options));
  });

  it('are rebuilt on open when cases were written around the repository', async () => {
    const factory = new IDBFactory();
    const repo = await populatedRepo(factory);
    const extra = (await repo.all())[0];
    // A raw seeding helper: cases without their rows.
    const tx = repo.rawDatabase.transaction('cases', 'readwrite');
    await tx.store.put({ ...extra, id: 'qianniu:raw', reviewId: 'raw', text: '原始写入' });
    await tx.done;
    repo.close();

    let reopened = await openCasesDb({ factory });
    await rowsMatchCases(reopened);
    expect((await reopened.list({ search: '原始写入' })).map((c) => c.id)).toEqual(['qianniu:raw']);
    expect((await reopened.get('qianniu:raw'))!.urgencyKey[2]).toBe('qianniu:raw');

    // And a row whose case is gone.
    const rowTx = reopened.rawDatabase.transaction('case-rows', 'readwrite');
    await rowTx.store.put({ ...caseRowOf(extra), id: 'qianniu:ghost' });
    await rowTx.done;
    reopened.close();
    reopened = await openCasesDb({ factory });
    await rowsMatchCases(reopened);
  });

  it('let search and filters find cases without reading every case in full', async () => {
    const repo = await populatedRepo();
    expect((await repo.list({ search: '还是坏的' })).map((c) => c.id)).toEqual(['kuaishou:b']);
    expect((await repo.list({ risk: 'watch' })).map((c) => c.id)).toEqual(['kuaishou:b']);
    expect((await repo.list({ group: 'revised' })).map((c) => c.id)).toEqual(['qianniu:g']);
    // A page of full cases, not rows.
    expect((await repo.list({ platform: 'kuaishou' }))[0].contacts).toEqual([]);
  });
});
