import { CASES_DB_VERSION } from './early-open';
import type { MendDatabase, StoredBlacklistEntry } from './schema';
import type { Case } from './types';
import { DERIVED_FIELDS } from './types';

/**
 * The export file's text, piece by piece. Kept apart from transfer.ts so that a Worker writing half
 * of the cases loads only this (and not the CSV writer, whose library sets itself up inside workers).
 */

export const EXPORT_FORMAT = 'mend-cases';
/** Version of the file format (not of the database); bumped only when the file shape changes. */
export const EXPORT_VERSION = 1;

/** A case as written to a file: the derived index fields are left out (and `Infinity` has no JSON form). */
export type ExportedCase = Omit<Case, (typeof DERIVED_FIELDS)[number]>;

/**
 * The case without its derived fields. Setting them to undefined (JSON leaves such keys out) keeps
 * the object in V8's fast shape; `delete` would turn each of 50,000 objects into a slow dictionary.
 * Only for objects the caller owns, such as those just read from the store.
 */
export function exportable(c: Case): ExportedCase {
  const out = c as Partial<Case>;
  for (const field of DERIVED_FIELDS) out[field] = undefined;
  return out as ExportedCase;
}

/** Cases per read while exporting: large enough to keep requests few, small enough to stream. */
const EXPORT_CHUNK = 2000;

/** The export file up to the first case: the envelope with its cases list opened. */
export function exportHead(now: number): string {
  const header = JSON.stringify({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    schemaVersion: CASES_DB_VERSION,
    exportedAt: new Date(now).toISOString(),
  });
  return `${header.slice(0, -1)},"cases":[`;
}

/** The export file after the last case: the cases list closed, the blacklist, the envelope closed. */
export function exportTail(blacklist: readonly StoredBlacklistEntry[]): string {
  return `],"blacklist":${JSON.stringify(blacklist)}}`;
}

/** What writeCaseRange needs of the cases store, whatever transaction (page or worker) it belongs to. */
export interface CaseReads {
  getAll(query?: IDBKeyRange | null, count?: number): Promise<Case[]>;
}

/**
 * Writes the cases of `range` (all when null), in key order, as JSON text without the enclosing
 * brackets: comma-separated, no comma before the first. Reads a chunk at a time inside the caller's
 * transaction; `onFirstRead` runs once the store has answered the first read. Resolves to the count.
 */
export async function writeCaseRange(
  store: CaseReads,
  range: IDBKeyRange | null,
  write: (piece: string) => void,
  onFirstRead?: () => void,
): Promise<number> {
  let count = 0;
  let pending: Promise<Case[]> | null = store.getAll(range, EXPORT_CHUNK);
  while (pending) {
    const chunk: Case[] = await pending;
    if (count === 0) onFirstRead?.();
    // Ask for the next chunk before turning this one into text: the store reads while we write.
    pending = chunk.length === EXPORT_CHUNK ? store.getAll(rangeAfter(chunk[chunk.length - 1].id, range), EXPORT_CHUNK) : null;
    if (chunk.length === 0) break;
    const text = JSON.stringify(chunk.map(exportable));
    write(count ? `,${text.slice(1, -1)}` : text.slice(1, -1));
    count += chunk.length;
  }
  return count;
}

/** The part of `range` after `key`. */
function rangeAfter(key: string, range: IDBKeyRange | null): IDBKeyRange {
  return range?.upper === undefined
    ? IDBKeyRange.lowerBound(key, true)
    : IDBKeyRange.bound(key, range.upper, true, range.upperOpen);
}


/**
 * A piece of the export as a Blob part, encoded now: made while the next chunk is being read, the
 * UTF-8 encoding of each piece overlaps the store's reading, instead of one 30 MB encoding after the
 * last chunk when the file's Blob is made. Only where a Blob is what the text ends up in.
 */
export const encodedPart = (piece: string): BlobPart => new Blob([piece]);

/**
 * The second thread's part of a parallel export: the cases from `lower` on, in a read transaction
 * of its own on `db` (its own connection). `onStarted` runs once that transaction has answered;
 * `part` turns each piece of text into what is kept of it (the text itself by default).
 */
export async function writeCasesFrom(
  db: MendDatabase,
  lower: string,
  onStarted: () => void,
  part: (piece: string) => BlobPart = (piece) => piece,
): Promise<{ pieces: BlobPart[]; count: number }> {
  const tx = db.transaction('cases', 'readonly');
  const pieces: BlobPart[] = [];
  const count = await writeCaseRange(tx.objectStore('cases'), IDBKeyRange.lowerBound(lower), (piece) => pieces.push(part(piece)), onStarted);
  await tx.done;
  return { pieces, count };
}
