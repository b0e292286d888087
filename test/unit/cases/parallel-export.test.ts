import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { writeCasesFrom } from '../../../lib/cases/export-text';
import { exportCasesInParallel, splitKey, type CaseRangeWriter } from '../../../lib/cases/parallel-export';
import { openCasesDb, type CasesRepository } from '../../../lib/cases/repository';
import { exportCasesJson, importCasesJson } from '../../../lib/cases/transfer';
import { generateCases } from '../../tools/generate-cases';

const NOW = Date.parse('2026-11-23T06:00:00Z');
const SPLIT_FROM = 2;

/** The worker's half, run in place on a second connection to the same database. */
async function inPlaceWriter(factory: IDBFactory): Promise<CaseRangeWriter> {
  const second = await openCasesDb({ factory, reconcile: false });
  return {
    writeFrom(lower) {
      let started!: () => void;
      const startedPromise = new Promise<void>((resolve) => (started = resolve));
      const done = writeCasesFrom(second.rawDatabase, lower, started).then(({ pieces, count }) => ({ parts: pieces, count }));
      return { started: startedPromise, done };
    },
  };
}

async function seeded(count: number): Promise<{ repo: CasesRepository; factory: IDBFactory }> {
  const factory = new IDBFactory();
  const repo = await openCasesDb({ factory });
  await repo.saveMany(generateCases(count, { seed: 7, now: NOW }));
  await repo.putBlacklist([{ platform: 'jd', nick: '张**', reason: '多次索要', addedAt: '2026-11-01T00:00:00.000Z', addedBy: 'A' }]);
  return { repo, factory };
}

const textOf = (parts: BlobPart[]) => new Blob(parts).text();

describe('splitKey', () => {
  it('gives the middle key when there are enough cases, else none', () => {
    expect(splitKey(['a', 'b', 'c', 'd'], 2)).toBe('c');
    expect(splitKey(['a', 'b', 'c'], 2)).toBe('b');
    expect(splitKey(['a'], 1)).toBeNull();
    expect(splitKey(['a', 'b', 'c'], 4)).toBeNull();
  });
});

describe('export on two threads', () => {
  it('writes exactly the text of the one-thread export, and that text imports back unchanged', async () => {
    for (const count of [2, 3, 2100, 4500]) {
      const { repo, factory } = await seeded(count);
      const parallel = await exportCasesInParallel(repo, await inPlaceWriter(factory), NOW, { splitFrom: SPLIT_FROM });
      expect(parallel, `${count} cases`).not.toBeNull();
      expect(parallel!.count).toBe(count);
      const text = await textOf(parallel!.parts);
      expect(text).toBe(await exportCasesJson(repo, NOW));
      expect(await importCasesJson(repo, text)).toMatchObject({ added: 0, updated: 0, unchanged: count, conflicts: [] });
    }
  }, 120_000);

  it('leaves a small store to one thread', async () => {
    const { repo, factory } = await seeded(3);
    expect(await exportCasesInParallel(repo, await inPlaceWriter(factory), NOW)).toBeNull();
  });

  it('gives up when the helper fails or never starts, so the caller exports on one thread', async () => {
    const { repo } = await seeded(10);
    const failing: CaseRangeWriter = {
      writeFrom: () => ({ started: Promise.reject(new Error('no worker')), done: Promise.reject(new Error('no worker')) }),
    };
    expect(await exportCasesInParallel(repo, failing, NOW, { splitFrom: SPLIT_FROM })).toBeNull();
    const silent: CaseRangeWriter = { writeFrom: () => ({ started: new Promise(() => undefined), done: new Promise(() => undefined) }) };
    expect(await exportCasesInParallel(repo, silent, NOW, { splitFrom: SPLIT_FROM, helperStartWaitMs: 50 })).toBeNull();
  });

  /**
   * Exports 40 cases while another 40 are written, the write starting at `when`:
   * returns the export (null if refused) and the store's text before the write.
   */
  async function exportDuringWrite(when: 'before the helper starts' | 'once the helper has started', helperStartWaitMs?: number) {
    const { repo, factory } = await seeded(40);
    const before = await exportCasesJson(repo, NOW);
    const inner = await inPlaceWriter(factory);
    let write: Promise<unknown> = Promise.resolve();
    const startWrite = () => (write = repo.saveMany(generateCases(40, { seed: 99, now: NOW + 1 })));
    const racing: CaseRangeWriter = {
      writeFrom(lower) {
        if (when === 'before the helper starts') startWrite();
        const half = inner.writeFrom(lower);
        if (when === 'once the helper has started') void half.started.then(startWrite);
        return half;
      },
    };
    const parallel = await exportCasesInParallel(repo, racing, NOW, { splitFrom: SPLIT_FROM, helperStartWaitMs });
    await write;
    expect(await exportCasesJson(repo, NOW)).not.toBe(before);
    return { parallel, before };
  }

  it('never mixes two states of the store when a write comes in between the two transactions', async () => {
    // The helper's read waits for that write, which waits for ours: the page must not use its half.
    expect((await exportDuringWrite('before the helper starts', 200)).parallel).toBeNull();
  });

  it('exports the state before a write that comes once both transactions are running', async () => {
    const { parallel, before } = await exportDuringWrite('once the helper has started');
    expect(await textOf(parallel!.parts)).toBe(before);
  });
});
