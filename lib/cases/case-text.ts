import { hashBytes } from './digest';
import { exportable } from './export-text';
import type { Case } from './types';

/**
 * Each case's export text, kept next to it (since schema v7): an export then reads bytes that need no
 * decoding into objects nor serializing again, and an import recognizes an unchanged case by hashing
 * its bytes in the file instead of parsing them.
 */

/**
 * What an import needs of one stored text, packed by bucket like the statistics: [id, byte length,
 * hashBytes of the text, caseDigest of the case the text was made from (null when it has none)].
 * The last one ties the text to its case: the statistics entry, written with every case, holds the
 * case's current digest, so a text whose source digest differs from it is stale and is not trusted.
 */
export type TextSum = [id: string, length: number, digest: number, source: number | null];

const encoder = new TextEncoder();

/**
 * The case as the export file writes it, UTF-8: exactly the bytes exportCasesJson writes for it
 * (JSON.stringify of the case without its derived fields, keys in stored order). A shallow copy
 * keeps the caller's case whole and its key order.
 */
export function caseText(c: Case): Uint8Array {
  return encoder.encode(JSON.stringify(exportable({ ...c })));
}

export function textSumOf(id: string, text: Uint8Array, source: number | null): TextSum {
  return [id, text.length, hashBytes(text), source];
}
