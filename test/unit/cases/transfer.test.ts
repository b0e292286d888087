import { IDBFactory } from 'fake-indexeddb';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openCasesDb, type CasesRepository } from '../../../lib/cases/repository';
import {
  EXPORT_FORMAT,
  ImportRejectedError,
  casesToCsv,
  exportCases,
  exportCasesInto,
  exportCasesJson,
  importCasesJson,
  parseCasesExport,
} from '../../../lib/cases/transfer';
import { generateCases } from '../../tools/generate-cases';
import { analysis, populatedRepo, snapshot } from './fixtures';

const T0 = Date.parse('2026-11-21T08:00:00Z');
const HOUR = 3_600_000;

const sorted = async (repo: CasesRepository) => (await repo.all()).sort((x, y) => x.id.localeCompare(y.id));

describe('JSON export and import', () => {
  it('round-trips every field into a fresh store', async () => {
    const source = await populatedRepo();
    const json = await exportCasesJson(source, T0);
    const file = JSON.parse(json);
    expect(file).toMatchObject({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-11-21T08:00:00.000Z' });
    expect(file.cases).toHaveLength(3);
    expect(file.cases[0]).not.toHaveProperty('dueAt');

    const target = await openCasesDb({ factory: new IDBFactory() });
    const report = await importCasesJson(target, json);
    expect(report).toMatchObject({ added: 3, updated: 0, unchanged: 0, conflicts: [], blacklistAdded: 1 });
    expect(await sorted(target)).toEqual(await sorted(source));
    expect(await target.listBlacklist()).toEqual(await source.listBlacklist());
    // The closed case's "no deadline" survives even though JSON has no Infinity.
    expect((await target.get('qianniu:g'))!.dueAt).toBe(Number.POSITIVE_INFINITY);
  });

  it('importing the same file twice changes nothing', async () => {
    const repo = await populatedRepo();
    const before = await sorted(repo);
    const report = await importCasesJson(repo, await exportCasesJson(repo));
    expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 3, conflicts: [], blacklistUnchanged: 1 });
    expect(await sorted(repo)).toEqual(before);
  });

  it('merges by id: newer wins, ties keep ours, every difference is reported', async () => {
    const factory = new IDBFactory();
    const ours = await openCasesDb({ factory });
    await ours.recordSeen(snapshot({ reviewId: 'old' }), analysis(), { autoOpen: true, now: T0 });
    await ours.recordSeen(snapshot({ reviewId: 'new' }), analysis(), { autoOpen: true, now: T0 });
    await ours.recordSeen(snapshot({ reviewId: 'tie' }), analysis(), { autoOpen: true, now: T0 });
    await ours.addNote('qianniu:new', 'ours, later', T0 + 5 * HOUR);
    await ours.addNote('qianniu:tie', 'ours', T0 + HOUR);

    const theirs = await openCasesDb({ factory: new IDBFactory() });
    await theirs.recordSeen(snapshot({ reviewId: 'old' }), analysis(), { autoOpen: true, now: T0 });
    await theirs.recordSeen(snapshot({ reviewId: 'new' }), analysis(), { autoOpen: true, now: T0 });
    await theirs.recordSeen(snapshot({ reviewId: 'tie' }), analysis(), { autoOpen: true, now: T0 });
    await theirs.recordSeen(snapshot({ reviewId: 'extra' }), analysis(), { autoOpen: true, now: T0 });
    await theirs.logContact('qianniu:old', { channel: 'sms', outcome: 'answered' }, T0 + 2 * HOUR);
    await theirs.addNote('qianniu:new', 'theirs, earlier', T0 + HOUR);
    await theirs.addNote('qianniu:tie', 'theirs', T0 + HOUR);
    await theirs.putBlacklist([{ platform: 'jd', nick: 'x', reason: 'a', addedAt: '2026-11-01T00:00:00.000Z', addedBy: 'A' }]);
    await ours.putBlacklist([{ platform: 'jd', nick: 'x', reason: 'b', addedAt: '2026-11-01T00:00:00.000Z', addedBy: 'B' }]);

    const file = await exportCasesJson(theirs);
    const preview = await importCasesJson(ours, file, { dryRun: true });
    expect(await ours.get('qianniu:extra')).toBeUndefined();
    const report = await importCasesJson(ours, file);
    expect(report).toEqual(preview);
    expect(report).toMatchObject({ added: 1, updated: 1, unchanged: 0, blacklistConflicts: [{ platform: 'jd', nick: 'x' }] });
    expect(report.conflicts.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'qianniu:new', kept: 'existing', existingUpdatedAt: T0 + 5 * HOUR, importedUpdatedAt: T0 + HOUR },
      { id: 'qianniu:old', kept: 'imported', existingUpdatedAt: T0, importedUpdatedAt: T0 + 2 * HOUR },
      { id: 'qianniu:tie', kept: 'existing', existingUpdatedAt: T0 + HOUR, importedUpdatedAt: T0 + HOUR },
    ]);
    expect((await ours.get('qianniu:old'))!.state).toBe('contacted');
    expect((await ours.get('qianniu:new'))!.notes.map((n) => n.text)).toEqual(['ours, later']);
    expect((await ours.get('qianniu:tie'))!.notes.map((n) => n.text)).toEqual(['ours']);
    expect((await ours.getBlacklisted('jd', 'x'))!.reason).toBe('b');
    expect(await ours.all()).toHaveLength(4);
  });

  it('rejects malformed and foreign files with a clear reason, changing nothing', async () => {
    const repo = await populatedRepo();
    const before = await sorted(repo);
    const good = await exportCases(repo);
    const variant = (change: (file: any) => void) => {
      const file = structuredClone(good) as any;
      change(file);
      return JSON.stringify(file);
    };
    const cases: Array<[string, string, string]> = [
      ['{"cases": [', 'not_json', ''],
      ['', 'not_json', ''],
      ['[1,2,3]', 'foreign', ''],
      ['{"some":"other app"}', 'foreign', ''],
      [variant((f) => (f.version = 99)), 'newer_version', '99'],
      [variant((f) => (f.version = '1')), 'invalid', 'version'],
      [variant((f) => (f.cases = {})), 'invalid', 'cases: expected a list'],
      [variant((f) => (f.cases[1].state = 'archived')), 'invalid', 'cases[1].state'],
      // Cases are exported in id order: kuaishou:b, qianniu:a, qianniu:g.
      [variant((f) => (f.cases[1].contacts[0].channel = 'fax')), 'invalid', 'cases[1].contacts[0].channel'],
      [variant((f) => (f.cases[1].remedies[0].amount = -1)), 'invalid', 'cases[1].remedies[0].amount'],
      [variant((f) => (f.cases[2].injected = '<img onerror>')), 'invalid', 'cases[2].injected: unknown field'],
      [variant((f) => (f.cases[0].id = 'qianniu:zzz')), 'invalid', 'cases[0].id'],
      [variant((f) => f.cases.push(f.cases[0])), 'invalid', 'appears twice'],
      [variant((f) => (f.cases[0].evidence.logistics = [[5, 1]])), 'invalid', 'end before start'],
      [variant((f) => (f.blacklist[0].nick = '')), 'invalid', 'blacklist[0].nick'],
      [variant((f) => delete f.cases[0].createdAt), 'invalid', 'cases[0].createdAt: missing'],
    ];
    for (const [text, reason, detail] of cases) {
      const attempt = importCasesJson(repo, text);
      await expect(attempt, text.slice(0, 60)).rejects.toBeInstanceOf(ImportRejectedError);
      const error = (await attempt.catch((e) => e)) as ImportRejectedError;
      expect(error.reason).toBe(reason);
      expect(error.message).toContain(detail);
    }
    expect(await sorted(repo)).toEqual(before);
    // The store's reads start before the file is checked; a refused file must not leave them holding it.
    await repo.addNote('qianniu:a', 'after the refused files', Date.parse('2026-11-22T08:00:00Z'));
    expect((await repo.get('qianniu:a'))!.notes.at(-1)!.text).toBe('after the refused files');
  });

  it('accepts a file with a byte-order mark', () => {
    const text = `\ufeff${JSON.stringify({ format: EXPORT_FORMAT, version: 1, cases: [] })}`;
    expect(parseCasesExport(text)).toEqual({ cases: [], blacklist: [] });
  });
});

describe('CSV export', () => {
  it('writes a BOM, one row per case, Chinese intact and formulas neutralized', async () => {
    const repo = await populatedRepo();
    await repo.recordSeen(snapshot({ reviewId: 'f', text: '=HYPERLINK("http://x","点我")\n第二行' }), analysis(), {
      autoOpen: true,
      now: T0,
    });
    const csv = casesToCsv(await sorted(repo), T0);
    expect(csv.startsWith('\ufeffid,platform,reviewId')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.id)).toEqual(['kuaishou:b', 'qianniu:a', 'qianniu:f', 'qianniu:g']);
    const a = parsed.data[1];
    expect(a).toMatchObject({
      buyerNick: '王**',
      productTitle: '保温杯 500ml',
      state: 'remedy_offered',
      causes: 'logistics packaging',
      contacts: '2',
      lastContactOutcome: 'agreed',
      remedies: 'partial_refund 12.5 CNY',
      notes: '买家要求换货',
      slaDeadline: '2026-11-21T02:00:00.000Z',
    });
    expect(parsed.data[2].text.startsWith("'=HYPERLINK")).toBe(true);
    expect(parsed.data[2].text).toContain('第二行');
    expect(parsed.data[3]).toMatchObject({ state: 'reviewed', rootCause: 'logistics', improvement: '换快递' });
  });
});

describe('export of more cases than one read holds', { timeout: 60_000 }, () => {
  it('writes, piece by piece, exactly the file of all cases, and imports back unchanged', async () => {
    const repo = await openCasesDb({ factory: new IDBFactory() });
    // 4,100 cases: two full chunks of 2,000 and a short one.
    await repo.saveMany(generateCases(4100, { seed: 11, now: T0 }));
    const pieces: string[] = [];
    const count = await exportCasesInto(repo, (piece) => pieces.push(piece), T0);
    expect(count).toBe(4100);
    expect(pieces.length).toBe(5);
    expect(pieces.join('')).toBe(JSON.stringify(await exportCases(repo, T0)));
    const report = await importCasesJson(repo, pieces.join(''));
    expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 4100, conflicts: [] });
  });
});
