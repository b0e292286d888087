import Papa from 'papaparse';
import { caseWriter } from './case-writer';
import { abortWith } from './errors';
import type { CasesRepository } from './repository';
import type { StoredBlacklistEntry } from './schema';
import { CASES_DB_VERSION } from './schema';
import { firstResponseSla, replyWindow } from './time';
import type { Case } from './types';
import { DERIVED_FIELDS } from './types';
import { InvalidRecordError, readBlacklistEntry, readExportedCase } from './validate';

export const EXPORT_FORMAT = 'mend-cases';
/** Version of the file format (not of the database); bumped only when the file shape changes. */
export const EXPORT_VERSION = 1;

/** A case as written to a file: the derived index fields are left out (and `Infinity` has no JSON form). */
export type ExportedCase = Omit<Case, (typeof DERIVED_FIELDS)[number]>;

export interface CasesExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** The database schema the cases came from, for support questions. */
  schemaVersion: number;
  exportedAt: string;
  cases: ExportedCase[];
  blacklist: StoredBlacklistEntry[];
}

export type ImportRejection = 'not_json' | 'foreign' | 'newer_version' | 'invalid';

/** The whole file was refused; nothing was written. `detail` names the offending place. */
export class ImportRejectedError extends Error {
  constructor(
    readonly reason: ImportRejection,
    readonly detail: string,
  ) {
    super(`Import rejected (${reason}): ${detail}`);
    this.name = 'ImportRejectedError';
  }
}

export interface ImportConflict {
  id: string;
  /** Which side is in the store after the import: the newer `updatedAt` wins, a tie keeps ours. */
  kept: 'existing' | 'imported';
  existingUpdatedAt: number;
  importedUpdatedAt: number;
}

export interface ImportReport {
  added: number;
  /** Existing cases replaced by a newer imported version (each also listed in `conflicts`). */
  updated: number;
  unchanged: number;
  conflicts: ImportConflict[];
  blacklistAdded: number;
  blacklistUnchanged: number;
  /** Entries that differ from ours; ours are kept. */
  blacklistConflicts: Array<{ platform: string; nick: string }>;
}

function exportable(c: Case): ExportedCase {
  const rest: Partial<Case> = { ...c };
  for (const field of DERIVED_FIELDS) delete rest[field];
  return rest as ExportedCase;
}

export async function exportCases(repo: CasesRepository, now = Date.now()): Promise<CasesExport> {
  const db = repo.rawDatabase;
  // One read transaction: the cases and the blacklist are a consistent snapshot.
  const tx = db.transaction(['cases', 'blacklist'], 'readonly');
  const [cases, blacklist] = await Promise.all([tx.objectStore('cases').getAll(), tx.objectStore('blacklist').getAll()]);
  await tx.done;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    schemaVersion: CASES_DB_VERSION,
    exportedAt: new Date(now).toISOString(),
    cases: cases.map(exportable),
    blacklist,
  };
}

export async function exportCasesJson(repo: CasesRepository, now = Date.now()): Promise<string> {
  return JSON.stringify(await exportCases(repo, now));
}

/**
 * Parses and checks a whole file before anything is written. Throws ImportRejectedError with a
 * precise place for anything that is not a Mend export of a version this code understands.
 */
export function parseCasesExport(text: string): { cases: Case[]; blacklist: StoredBlacklistEntry[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ImportRejectedError('not_json', (error as Error).message);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new ImportRejectedError('foreign', `not a Mend case export (no "format": "${EXPORT_FORMAT}")`);
  }
  const file = data as Record<string, unknown>;
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
    throw new ImportRejectedError('invalid', 'version: expected a positive whole number');
  }
  if (file.version > EXPORT_VERSION) {
    throw new ImportRejectedError('newer_version', `file version ${file.version}, this Mend reads up to ${EXPORT_VERSION}`);
  }
  for (const key of Object.keys(file)) {
    if (!['format', 'version', 'schemaVersion', 'exportedAt', 'cases', 'blacklist'].includes(key)) {
      throw new ImportRejectedError('invalid', `${key}: unknown field`);
    }
  }
  if (!Array.isArray(file.cases)) throw new ImportRejectedError('invalid', 'cases: expected a list');
  if (file.blacklist !== undefined && !Array.isArray(file.blacklist)) {
    throw new ImportRejectedError('invalid', 'blacklist: expected a list');
  }
  try {
    const cases = file.cases.map((c, i) => readExportedCase(c, `cases[${i}]`));
    const ids = new Set<string>();
    cases.forEach((c, i) => {
      if (ids.has(c.id)) throw new InvalidRecordError(`cases[${i}].id`, `"${c.id}" appears twice`);
      ids.add(c.id);
    });
    const blacklist = ((file.blacklist as unknown[] | undefined) ?? []).map((b, i) => readBlacklistEntry(b, `blacklist[${i}]`));
    return { cases, blacklist };
  } catch (error) {
    if (error instanceof InvalidRecordError) throw new ImportRejectedError('invalid', error.message);
    throw error;
  }
}

const DERIVED = new Set<string>(DERIVED_FIELDS);

/**
 * Deep equality of two stored/imported values, ignoring key order, keys holding `undefined` and, at
 * the top level, the derived fields. Cheaper than serializing both sides for every one of 50,000 cases.
 */
function sameContent(a: unknown, b: unknown, skip?: Set<string>): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], other[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let leftKeys = 0;
  for (const key in left) {
    if (left[key] === undefined || skip?.has(key)) continue;
    leftKeys++;
    if (!sameContent(left[key], right[key])) return false;
  }
  let rightKeys = 0;
  for (const key in right) if (right[key] !== undefined && !skip?.has(key)) rightKeys++;
  return leftKeys === rightKeys;
}

/**
 * Merges a file into the store: new cases are added, identical ones left alone, differing ones
 * resolved by the newer `updatedAt` and reported. Validation happens first and the writes share
 * one transaction, so a bad file or a failing write leaves the store exactly as it was.
 * With `dryRun` the report is computed and nothing is written.
 */
export async function importCasesJson(
  repo: CasesRepository,
  text: string,
  options: { dryRun?: boolean } = {},
): Promise<ImportReport> {
  const parsed = parseCasesExport(text);
  const report: ImportReport = {
    added: 0,
    updated: 0,
    unchanged: 0,
    conflicts: [],
    blacklistAdded: 0,
    blacklistUnchanged: 0,
    blacklistConflicts: [],
  };
  const db = repo.rawDatabase;
  // A dry run never writes, so its readonly transaction is typed like the real one.
  const tx = db.transaction(['cases', 'case-rows', 'blacklist'], (options.dryRun ? 'readonly' : 'readwrite') as 'readwrite');
  tx.done.catch(() => undefined);
  try {
    const cases = caseWriter(tx.objectStore('cases'), tx.objectStore('case-rows'));
    const blacklist = tx.objectStore('blacklist');
    // Only cases present on both sides need reading in full: one by one when few, all at once when many.
    const known = new Set(await tx.objectStore('cases').getAllKeys());
    const overlap = parsed.cases.reduce((n, c) => n + (known.has(c.id) ? 1 : 0), 0);
    const preloaded = overlap > 500 ? new Map((await tx.objectStore('cases').getAll()).map((c) => [c.id, c])) : null;
    const writes: Promise<unknown>[] = [];
    const toWrite: Case[] = [];
    for (const incoming of parsed.cases) {
      const ours = !known.has(incoming.id) ? undefined : preloaded ? preloaded.get(incoming.id) : await cases.get(incoming.id);
      if (!ours) {
        report.added++;
        toWrite.push(incoming);
        continue;
      }
      if (sameContent(ours, incoming, DERIVED)) {
        report.unchanged++;
        continue;
      }
      const importedWins = incoming.updatedAt > ours.updatedAt;
      report.conflicts.push({
        id: incoming.id,
        kept: importedWins ? 'imported' : 'existing',
        existingUpdatedAt: ours.updatedAt,
        importedUpdatedAt: incoming.updatedAt,
      });
      if (importedWins) {
        report.updated++;
        toWrite.push(incoming);
      }
    }
    for (const entry of parsed.blacklist) {
      const ours = await blacklist.get([entry.platform, entry.nick]);
      if (!ours) {
        report.blacklistAdded++;
        if (!options.dryRun) writes.push(blacklist.put(entry));
      } else if (sameContent(ours, entry)) {
        report.blacklistUnchanged++;
      } else {
        report.blacklistConflicts.push({ platform: entry.platform, nick: entry.nick });
      }
    }
    if (!options.dryRun) cases.putMany(toWrite);
    await Promise.all(writes);
    await tx.done;
  } catch (error) {
    throw abortWith(tx, error);
  }
  return report;
}

const CSV_COLUMNS = [
  'id',
  'platform',
  'reviewId',
  'rating',
  'initialRating',
  'stars',
  'state',
  'outcome',
  'causes',
  'buyerNick',
  'buyerCredit',
  'orderId',
  'productTitle',
  'productId',
  'sku',
  'reviewDate',
  'text',
  'followUp',
  'firstSeenAt',
  'firstResponseAt',
  'slaDeadline',
  'replyDeadline',
  'contacts',
  'lastContactAt',
  'lastContactOutcome',
  'remedies',
  'publicReplyPosted',
  'appealFiled',
  'riskBand',
  'riskScore',
  'nextFollowUpAt',
  'rootCause',
  'improvement',
  'notes',
  'pageUrl',
  'createdAt',
  'updatedAt',
] as const;

/** Papaparse's own pattern (`^[=+\-@\t\r].*$`) misses multi-line cells; any leading trigger is enough. */
const FORMULA_START = /^[=+\-@\t\r]/;

const isoOrEmpty = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

function csvRow(c: Case, now: number): Record<(typeof CSV_COLUMNS)[number], string | number> {
  const last = c.contacts[c.contacts.length - 1];
  return {
    id: c.id,
    platform: c.platform,
    reviewId: c.reviewId,
    rating: c.rating,
    initialRating: c.initialRating,
    stars: c.stars ?? '',
    state: c.state,
    outcome: c.outcome ?? '',
    causes: c.causes.join(' '),
    buyerNick: c.buyerNick ?? '',
    buyerCredit: c.buyerCredit ?? '',
    orderId: c.orderId ?? '',
    productTitle: c.product?.title ?? '',
    productId: c.product?.id ?? '',
    sku: c.product?.sku ?? '',
    reviewDate: c.reviewDate ?? '',
    text: c.text,
    followUp: c.followUp ?? '',
    firstSeenAt: isoOrEmpty(c.firstSeenAt),
    firstResponseAt: isoOrEmpty(c.firstResponseAt),
    slaDeadline: isoOrEmpty(firstResponseSla({ ...c, firstResponseAt: undefined }, now)?.deadline),
    replyDeadline: isoOrEmpty(replyWindow(c, now)?.deadline),
    contacts: c.contacts.length,
    lastContactAt: isoOrEmpty(last?.at),
    lastContactOutcome: last?.outcome ?? '',
    remedies: c.remedies
      .map((r) => [r.kind, r.amount, r.currency].filter((part) => part !== undefined && part !== '').join(' '))
      .join('; '),
    publicReplyPosted: String(c.flags.publicReplyPosted),
    appealFiled: String(c.flags.appealFiled),
    riskBand: c.risk?.band ?? '',
    riskScore: c.risk?.score ?? '',
    nextFollowUpAt: isoOrEmpty(c.nextFollowUpAt),
    rootCause: c.lesson?.rootCause ?? '',
    improvement: c.lesson?.improvement ?? '',
    notes: c.notes.map((n) => n.text).join('\n'),
    pageUrl: c.pageUrl,
    createdAt: isoOrEmpty(c.createdAt),
    updatedAt: isoOrEmpty(c.updatedAt),
  };
}

/**
 * A flat sheet for spreadsheets. Starts with a UTF-8 BOM so Excel reads Chinese correctly, and
 * neutralizes cells starting with = + - @ because buyer text could otherwise run as a formula.
 */
export function casesToCsv(cases: Iterable<Case>, now = Date.now()): string {
  const rows = Array.from(cases, (c) => csvRow(c, now));
  return `\ufeff${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((row) => CSV_COLUMNS.map((k) => row[k])) }, { escapeFormulae: FORMULA_START, newline: '\r\n' })}`;
}
