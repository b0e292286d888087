import Papa from 'papaparse';
import { CASE_WRITE_STORES, caseWriter } from './case-writer';
import { abortWith as abortStoreWith } from './errors';
import type { IDBPTransaction } from 'idb';
import type { CasesRepository } from './repository';
import type { MendDB, StoredBlacklistEntry } from './schema';
import { CASES_DB_VERSION } from './schema';
import { firstResponseSla, replyWindow } from './time';
import type { Case } from './types';
import { DERIVED_FIELDS } from './types';
import { EXPORT_FORMAT, EXPORT_VERSION, exportable, exportHead, exportTail, writeCaseRange, type ExportedCase } from './export-text';
import { askOurCases, ourDigests, sortIncomingCases, type IncomingCases } from './incoming-cases';
import { InvalidRecordError, readBlacklistEntry, readParsedCases } from './validate';

export { EXPORT_FORMAT, EXPORT_VERSION, type ExportedCase } from './export-text';

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

/**
 * Writes the export file as pieces of JSON text, in order, to `write`: the cases are read and
 * written a chunk at a time, so no 60 MB string and no array of 50,000 objects is ever held at once.
 * The pieces joined are exactly JSON.stringify of exportCases(). `write` runs while the store reads
 * further chunks, so it must not wait on anything. Resolves to the number of cases written.
 */
export async function exportCasesInto(repo: CasesRepository, write: (piece: string) => void, now = Date.now()): Promise<number> {
  const db = repo.rawDatabase;
  // One read transaction for every chunk and the blacklist: a consistent snapshot.
  const tx = db.transaction(['cases', 'blacklist'], 'readonly');
  tx.done.catch(() => undefined);
  write(exportHead(now));
  const blacklist = tx.objectStore('blacklist').getAll();
  const count = await writeCaseRange(tx.objectStore('cases'), null, write);
  write(exportTail(await blacklist));
  await tx.done;
  return count;
}

export async function exportCasesJson(repo: CasesRepository, now = Date.now()): Promise<string> {
  const parts: string[] = [];
  await exportCasesInto(repo, (piece) => parts.push(piece), now);
  return parts.join('');
}

/** A file whose envelope (format, version, fields) was checked; its cases and blacklist are still unread. */
export interface CheckedEnvelope {
  cases: unknown[];
  blacklist: unknown[];
}

/** Parses a file and checks everything but its cases and blacklist entries. */
function parseEnvelope(text: string): CheckedEnvelope {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ImportRejectedError('not_json', (error as Error).message);
  }
  return checkEnvelope(data);
}

/** Checks a parsed file's envelope (format, version, fields); its cases and blacklist are left unread. */
export function checkEnvelope(data: unknown): CheckedEnvelope {
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
  return { cases: file.cases, blacklist: (file.blacklist as unknown[] | undefined) ?? [] };
}

/** Runs a reader of file content, turning what it refuses into the import's rejection. */
function rejectingInvalid<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InvalidRecordError) throw new ImportRejectedError('invalid', error.message);
    throw error;
  }
}

export const readBlacklist = (values: unknown[]) => values.map((b, i) => readBlacklistEntry(b, `blacklist[${i}]`));

/**
 * Parses and checks a whole file before anything is written. Throws ImportRejectedError with a
 * precise place for anything that is not a Mend export of a version this code understands.
 */
export function parseCasesExport(text: string): { cases: Case[]; blacklist: StoredBlacklistEntry[] } {
  const file = parseEnvelope(text);
  return rejectingInvalid(() => {
    const cases = readParsedCases(file.cases, 'cases');
    const ids = new Set<string>();
    cases.forEach((c, i) => {
      if (ids.has(c.id)) throw new InvalidRecordError(`cases[${i}].id`, `"${c.id}" appears twice`);
      ids.add(c.id);
    });
    return { cases, blacklist: readBlacklist(file.blacklist) };
  });
}

/**
 * The file's cases sorted against ours, and its blacklist, all checked. When something is refused,
 * the whole file is read again the plain way: the message then names the first bad place in file
 * order, exactly as parseCasesExport reports it, however the quicker reading met the problem.
 */
function readAgainstOurs(
  text: string,
  file: CheckedEnvelope,
  ours: ReadonlyMap<string, number | null>,
): IncomingCases & { blacklist: StoredBlacklistEntry[] } {
  try {
    const incoming = sortIncomingCases(file.cases, ours);
    return { ...incoming, blacklist: readBlacklist(file.blacklist) };
  } catch (error) {
    parseCasesExport(text);
    return rejectingInvalid(() => {
      throw error;
    });
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
 * resolved by the newer `updatedAt` and reported. The whole file is checked before anything is
 * written and the writes share one transaction, so a bad file or a failing write leaves the store
 * exactly as it was.
 * With `dryRun` the report is computed and nothing is written.
 */
export async function importCasesJson(
  repo: CasesRepository,
  text: string,
  options: { dryRun?: boolean } = {},
): Promise<ImportReport> {
  const report = emptyReport();
  // Our ids and digests are asked for before the file is parsed: the store reads them while the
  // page parses, instead of after. A refused file then aborts a transaction that wrote nothing.
  const { tx, oursRead } = openImportTransaction(repo, options.dryRun);
  let file: CheckedEnvelope;
  try {
    file = parseEnvelope(text);
  } catch (error) {
    throw abortWith(tx, error);
  }
  try {
    const ours = await oursRead;
    const known = new Set(ours.keys);
    // Digests of both sides tell unchanged cases apart without reading ours in full; only cases whose
    // digests differ (or that have none) are read and compared field by field.
    const parsed = readAgainstOurs(text, file, ourDigests(ours));
    await mergeSorted(tx, parsed, known, report, options);
  } catch (error) {
    throw abortWith(tx, error);
  }
  return report;
}

export function emptyReport(): ImportReport {
  return { added: 0, updated: 0, unchanged: 0, conflicts: [], blacklistAdded: 0, blacklistUnchanged: 0, blacklistConflicts: [] };
}

/** The import's transaction: a readwrite one, or a readonly one typed alike for a dry run. */
export type ImportTransaction = IDBPTransaction<MendDB, [...typeof CASE_WRITE_STORES, 'blacklist'], 'readwrite'>;

/**
 * Opens the import's transaction and asks for our ids and digests at once. A dry run never writes,
 * so its readonly transaction is typed like the real one.
 */
export function openImportTransaction(repo: CasesRepository, dryRun = false) {
  const tx = repo.rawDatabase.transaction([...CASE_WRITE_STORES, 'blacklist'], (dryRun ? 'readonly' : 'readwrite') as 'readwrite');
  tx.done.catch(() => undefined);
  return { tx, oursRead: askOurCases(tx.objectStore('cases'), tx.objectStore('case-stats')) };
}

/**
 * Writes the sorted, checked cases and blacklist of a file into the import's transaction, which has
 * read `known` (our ids) in the state the sorting was done against, and completes it. Counts into `report`.
 */
export async function mergeSorted(
  tx: ImportTransaction,
  parsed: IncomingCases & { blacklist: StoredBlacklistEntry[] },
  known: ReadonlySet<string>,
  report: ImportReport,
  options: { dryRun?: boolean },
): Promise<void> {
  const caseStore = tx.objectStore('cases');
  const cases = caseWriter(caseStore, tx.objectStore('case-rows'), tx.objectStore('case-stats'));
  const blacklist = tx.objectStore('blacklist');
  report.unchanged += parsed.unchanged;
  const ours = await readCases(caseStore, parsed.cases.filter((c) => known.has(c.id)).map((c) => c.id), known.size);
  const writes: Promise<unknown>[] = [];
  const toWrite: Case[] = [];
  const toWriteDigests = new Map<Case, number>();
  parsed.cases.forEach((incoming, i) => {
    if (!known.has(incoming.id)) {
      report.added++;
      toWrite.push(incoming);
      toWriteDigests.set(incoming, parsed.digests[i]);
      return;
    }
    const existing = ours.get(incoming.id);
    if (!existing || sameContent(existing, incoming, DERIVED)) {
      report.unchanged++;
      return;
    }
    const importedWins = incoming.updatedAt > existing.updatedAt;
    report.conflicts.push({
      id: incoming.id,
      kept: importedWins ? 'imported' : 'existing',
      existingUpdatedAt: existing.updatedAt,
      importedUpdatedAt: incoming.updatedAt,
    });
    if (importedWins) {
      report.updated++;
      toWrite.push(incoming);
      toWriteDigests.set(incoming, parsed.digests[i]);
    }
  });
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
  if (!options.dryRun) await cases.putMany(toWrite, (c) => toWriteDigests.get(c) ?? null);
  await Promise.all(writes);
  await tx.done;
}

/** Ends the import's transaction; a refused file is reported as such, a store failure wrapped. */
export function abortWith(tx: { abort(): void }, error: unknown): Error {
  const asStoreError = abortStoreWith(tx, error);
  return error instanceof ImportRejectedError ? error : asStoreError;
}

/** Some of our cases in full: one by one when few, in one read of all when many. */
async function readCases(
  store: { get(id: string): Promise<Case | undefined>; getAll(): Promise<Case[]> },
  ids: string[],
  storeSize: number,
): Promise<Map<string, Case>> {
  if (ids.length === 0) return new Map();
  if (ids.length > 500 && ids.length > storeSize / 4) return new Map((await store.getAll()).map((c) => [c.id, c]));
  const found = await Promise.all(ids.map((id) => store.get(id)));
  return new Map(found.filter((c): c is Case => c !== undefined).map((c) => [c.id, c]));
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
