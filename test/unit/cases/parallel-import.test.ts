import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { importCasesInParallel, type SecondHalfReader } from '../../../lib/cases/parallel-import';
import { openCasesDb, type CasesRepository } from '../../../lib/cases/repository';
import { findCaseBoundary, joinHalves, parseFirstHalf, parseSecondHalf, readSecondHalf } from '../../../lib/cases/split-import';
import { exportCasesJson, importCasesJson } from '../../../lib/cases/transfer';
import { generateCases } from '../../tools/generate-cases';

const NOW = Date.parse('2026-11-23T06:00:00Z');
const encoder = new TextEncoder();
const FIRST = '\u0000first-marker';
const SECOND = '\u0000second-key';

/** The worker's part, run in place. */
const inPlace: SecondHalfReader = { read: (part, key, buckets) => readSecondHalf(part, key, buckets) };

async function repoWith(count: number, seed = 5): Promise<CasesRepository> {
  const repo = await openCasesDb({ factory: new IDBFactory() });
  await repo.saveMany(generateCases(count, { seed, now: NOW }));
  await repo.putBlacklist([{ platform: 'jd', nick: '张**', reason: '多次索要', addedAt: '2026-11-01T00:00:00.000Z', addedBy: 'A' }]);
  return repo;
}

/** The whole file's top level as the halves give it, or null when they refuse; `at` indexes the text. */
function readSplit(text: string, at: number): unknown {
  const first = parseFirstHalf(text.slice(0, at + 1), FIRST);
  const second = parseSecondHalf(text.slice(at + 2), SECOND);
  if (!first || !second) return null;
  const whole = joinHalves(first, second.rest);
  return whole && { ...whole, cases: [...first.cases, ...second.cases] };
}

/** Every `},{` in the text: the real boundaries between cases and those between nested objects. */
function objectJoints(text: string): number[] {
  const joints: number[] = [];
  for (let at = text.indexOf('},{'); at >= 0; at = text.indexOf('},{', at + 1)) joints.push(at);
  return joints;
}

describe('splitting an export file between two cases', () => {
  it('finds the boundary between cases, not between objects nested in one', async () => {
    const text = await exportCasesJson(await repoWith(30), NOW);
    const bytes = encoder.encode(text);
    const middle = bytes.length >> 1;
    const at = middle + findCaseBoundary(bytes.subarray(middle));
    const textAt = new TextDecoder().decode(bytes.subarray(0, at)).length;
    expect(text.slice(textAt, textAt + 9)).toBe('},{"id":"');
    expect(readSplit(text, textAt)).toEqual(JSON.parse(text));
    expect(findCaseBoundary(encoder.encode('{"cases":[{"id":"a","channel":"x"},{"id":"b","at":1}]}'))).toBe(-1);
  });

  it('either reads exactly what JSON.parse reads or refuses, wherever the split falls', async () => {
    const text = await exportCasesJson(await repoWith(12), NOW);
    const whole = JSON.parse(text);
    const joints = objectJoints(text);
    let accepted = 0;
    for (const at of joints) {
      const split = readSplit(text, at);
      if (split === null) continue;
      accepted++;
      expect(split).toEqual(whole);
    }
    // Every boundary between two cases is accepted, and only those.
    expect(accepted).toBe(whole.cases.length - 1);
  });

  it('refuses files whose halves could mean something else than the whole', () => {
    const head = '{"format":"mend-cases","version":1,';
    const refused = [
      // cases given again after the split: JSON.parse keeps the later list.
      `${head}"cases":[{"id":"a"},{"id":"b"}],"cases":[]}`,
      // the split falls inside the blacklist, with cases before it.
      `${head}"cases":[],"blacklist":[{"id":"a"},{"id":"b"}]}`,
      // the blacklist both before and after the split.
      `${head}"blacklist":[],"cases":[{"id":"a"},{"id":"b"}],"blacklist":[]}`,
      // not a list of cases at all.
      `${head}"cases":{"x":[{"id":"a"},{"id":"b"}]}}`,
    ];
    for (const text of refused) expect(readSplit(text, text.indexOf('},{')), text).toBeNull();
  });

  it('never reads a different value than JSON.parse from any text cut at any `},{`', () => {
    const value = fc.letrec((tie) => ({
      json: fc.oneof({ depthSize: 'small' }, fc.constantFrom(null, true, 1, 'x', '},{"id":"', '\\"}'), tie('array'), tie('object')),
      array: fc.array(tie('json'), { maxLength: 4 }),
      object: fc.dictionary(fc.constantFrom('id', 'cases', 'blacklist', 'x'), tie('json'), { maxKeys: 3 }),
    })).object;
    fc.assert(
      fc.property(value, (root) => {
        const text = JSON.stringify(root);
        for (const at of objectJoints(text)) {
          const split = readSplit(text, at);
          if (split !== null) expect(split).toEqual(JSON.parse(text));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('import on two threads', () => {
  it('reports and stores exactly what the one-thread import does', async () => {
    const source = await repoWith(60);
    const file = await exportCasesJson(source, NOW);
    const edited = JSON.parse(file);
    edited.cases[5].text += '（补充）';
    edited.cases[5].updatedAt += 1000;
    edited.cases[50].notes = [];
    edited.cases[50].updatedAt -= 1000;
    const editedText = JSON.stringify(edited);
    for (const text of [file, editedText]) {
      const plain = await repoWith(40);
      const parallel = await repoWith(40);
      const expected = await importCasesJson(plain, text);
      const report = await importCasesInParallel(parallel, new Blob([text]), inPlace, { fromBytes: 0 });
      expect(report).toEqual(expected);
      expect(await exportCasesJson(parallel, NOW)).toBe(await exportCasesJson(plain, NOW));
    }
    // Its own export back: nothing to write.
    expect(await importCasesInParallel(source, new Blob([file]), inPlace, { fromBytes: 0 })).toMatchObject({ added: 0, updated: 0, unchanged: 60, conflicts: [] });
  }, 60_000);

  it('leaves refused or unsplittable files to the one-thread import, having changed nothing', async () => {
    const repo = await repoWith(30);
    const file = JSON.parse(await exportCasesJson(repo, NOW));
    const before = await exportCasesJson(repo, NOW);
    const broken = [
      JSON.stringify({ ...file, cases: file.cases.map((c: any, i: number) => (i === 25 ? { ...c, state: 'archived' } : c)) }),
      JSON.stringify({ ...file, cases: [...file.cases, { ...file.cases[2], text: '重复' }] }),
      JSON.stringify({ ...file, version: 99 }),
      JSON.stringify({ ...file, extra: 1 }),
      JSON.stringify(file).slice(0, -40),
      JSON.stringify(file, null, 2),
      JSON.stringify({ ...file, cases: [] }),
    ];
    for (const text of broken) expect(await importCasesInParallel(repo, new Blob([text]), inPlace, { fromBytes: 0 }), text.slice(-80)).toBeNull();
    expect(await exportCasesJson(repo, NOW)).toBe(before);
  });

  it('starts over on one thread when our store changed while the halves were read', async () => {
    const repo = await repoWith(30);
    const text = await exportCasesJson(await repoWith(30, 6), NOW);
    const changing: SecondHalfReader = {
      async read(part, key, buckets) {
        const half = await readSecondHalf(part, key, buckets);
        await repo.addNote((await repo.all())[0].id, '刚加的备注', NOW + 5);
        return half;
      },
    };
    const before = (await repo.all()).length;
    expect(await importCasesInParallel(repo, new Blob([text]), changing, { fromBytes: 0 })).toBeNull();
    expect((await repo.all()).length).toBe(before);
  });
});
