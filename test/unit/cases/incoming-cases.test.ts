import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { caseDigest } from '../../../lib/cases/digest';
import { sortIncomingCases } from '../../../lib/cases/incoming-cases';
import { openCasesDb } from '../../../lib/cases/repository';
import { ImportRejectedError, exportCasesJson, importCasesJson, parseCasesExport } from '../../../lib/cases/transfer';
import { InvalidRecordError } from '../../../lib/cases/validate';
import { generateCases } from '../../tools/generate-cases';

const NOW = Date.parse('2026-11-21T08:00:00Z');
const [extra, ...ours] = generateCases(7, { seed: 31, now: NOW });
const digestsOfOurs = new Map(ours.map((c) => [c.id, caseDigest(c)]));

/** The cases as an export file holds them, parsed afresh (the reader may change what it is given). */
async function exportedCases(): Promise<any[]> {
  const repo = await openCasesDb({ factory: new IDBFactory() });
  await repo.saveMany(structuredClone(ours));
  return JSON.parse(await exportCasesJson(repo, NOW)).cases;
}

describe('sorting a file’s cases against ours', () => {
  it('skips cases identical to ours and keeps new ones, validated, with their digests', async () => {
    const file = await exportedCases();
    const { isOpen: _o, dueAt: _d, urgencyKey: _u, recentKey: _r, ...exported } = extra;
    const sorted = sortIncomingCases([...file, JSON.parse(JSON.stringify(exported))], digestsOfOurs);
    expect(sorted.unchanged).toBe(ours.length);
    expect(sorted.cases.map((c) => c.id)).toEqual([extra.id]);
    expect(sorted.cases[0]).toEqual(extra);
    expect(sorted.digests).toEqual([caseDigest(extra)]);
  });

  it('validates a case of ours that changed, and refuses it when it is invalid', async () => {
    const file = await exportedCases();
    file[2].text += '（补充）';
    const sorted = sortIncomingCases(file, digestsOfOurs);
    expect(sorted.unchanged).toBe(ours.length - 1);
    expect(sorted.digests).toEqual([caseDigest(sorted.cases[0])]);
    file[3].state = 'archived';
    expect(() => sortIncomingCases(file, digestsOfOurs)).toThrow(InvalidRecordError);
    expect(() => sortIncomingCases(file, digestsOfOurs)).toThrow('cases[3].state: expected one of');
  });

  it('counts a case of ours with its keys in another order as unchanged, once normalized', async () => {
    const file = await exportedCases();
    file[1] = Object.fromEntries(Object.entries(file[1]).reverse());
    expect(sortIncomingCases(file, digestsOfOurs)).toMatchObject({ unchanged: ours.length, cases: [] });
  });

  it('validates every case when ours have no digest, and refuses a repeated id even among unchanged ones', async () => {
    const file = await exportedCases();
    const without = new Map(ours.map((c) => [c.id, null]));
    expect(sortIncomingCases(file, without).cases).toHaveLength(ours.length);
    expect(() => sortIncomingCases([...file, file[0]], digestsOfOurs)).toThrow(`cases[${ours.length}].id`);
  });

  it('never lets an edited case of ours pass unvalidated: any invalid edit is refused', async () => {
    const file = await exportedCases();
    // Replace one value by something of another type or an unknown enum member.
    const replacements = [null, 0, -1, 1.5, '', 'archived', true, [], {}, [[3, 1]]];
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...replacements), (at, replacement) => {
        const edited = structuredClone(file[0]);
        const paths: Array<[any, string | number]> = [];
        const collect = (node: any) => {
          for (const key of Object.keys(node)) {
            paths.push([node, Array.isArray(node) ? Number(key) : key]);
            if (node[key] && typeof node[key] === 'object') collect(node[key]);
          }
        };
        collect(edited);
        const [holder, key] = paths[at % paths.length];
        holder[key] = structuredClone(replacement);
        const values = [edited];
        let strict: unknown = null;
        try {
          parseCasesExport(JSON.stringify({ format: 'mend-cases', version: 1, cases: values }));
        } catch (error) {
          strict = error;
        }
        let quick: unknown = null;
        try {
          sortIncomingCases(structuredClone(values), digestsOfOurs);
        } catch (error) {
          quick = error;
        }
        // Both refuse, or both accept.
        expect(quick === null).toBe(strict === null);
      }),
      { numRuns: 300 },
    );
  });
});

describe('an import that skips unchanged cases', () => {
  it('names the same first bad place as the strict reader, and changes nothing', async () => {
    const repo = await openCasesDb({ factory: new IDBFactory() });
    await repo.saveMany(structuredClone(ours));
    const before = await repo.all();
    const file = JSON.parse(await exportCasesJson(repo, NOW));
    // A repeated unchanged case before an invalid one: the strict reader reports the invalid one first.
    file.cases.splice(1, 0, file.cases[0]);
    file.cases[4].rating = 'superb';
    const text = JSON.stringify(file);
    const strict = (() => {
      try {
        parseCasesExport(text);
      } catch (error) {
        return error as ImportRejectedError;
      }
      throw new Error('the strict reader accepted a bad file');
    })();
    expect(strict.message).toContain('cases[4].rating');
    const error = (await importCasesJson(repo, text).catch((e) => e)) as ImportRejectedError;
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect(error.message).toBe(strict.message);
    expect(await repo.all()).toEqual(before);
  });

  it('reports re-importing its own export as all unchanged and writes nothing', async () => {
    const repo = await openCasesDb({ factory: new IDBFactory() });
    await repo.saveMany(structuredClone(ours));
    const text = await exportCasesJson(repo, NOW);
    const statsBefore = await repo.rawDatabase.getAll('case-stats');
    expect(await importCasesJson(repo, text)).toMatchObject({ added: 0, updated: 0, unchanged: ours.length, conflicts: [] });
    expect(await repo.rawDatabase.getAll('case-stats')).toEqual(statsBefore);
    expect(await exportCasesJson(repo, NOW)).toBe(text);
  });
});
