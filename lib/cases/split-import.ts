import { fileText } from './file-text';
import { ourDigestsOnArrival, sortIncomingCases, type IncomingCases, type OurCases } from './incoming-cases';

/**
 * Splitting an export file in two at a boundary between cases, so that two threads decode and
 * parse one half each. Every step either proves that the halves mean exactly what the whole file
 * means to JSON.parse, or gives up (null), and the caller reads the whole file the plain way: a
 * file of any other layout, or a damaged one, is read and refused exactly as before.
 */

const CASE_START = [...'},{"id":"'].map((ch) => ch.charCodeAt(0));
const AFTER_ID = [...'","platform":"'].map((ch) => ch.charCodeAt(0));
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function matchesAt(bytes: Uint8Array, at: number, pattern: readonly number[]): boolean {
  if (at + pattern.length > bytes.length) return false;
  for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return false;
  return true;
}

/**
 * Index in `bytes` (UTF-8) of the `}` that ends one case where the next begins, as an export writes
 * them: `},{"id":"…","platform":"`. The id followed by the platform tells a case apart from the
 * objects nested in it, which the parse of the halves would catch anyway. -1 when there is none.
 * ASCII bytes never occur inside a multi-byte UTF-8 character, so the halves decode as the whole does.
 */
export function findCaseBoundary(bytes: Uint8Array, from = 0): number {
  for (let at = bytes.indexOf(CASE_START[0], from); at >= 0; at = bytes.indexOf(CASE_START[0], at + 1)) {
    if (!matchesAt(bytes, at, CASE_START)) continue;
    const idEnd = bytes.indexOf(QUOTE, at + CASE_START.length);
    if (idEnd < 0) return -1;
    if (bytes[idEnd - 1] !== BACKSLASH && matchesAt(bytes, idEnd, AFTER_ID)) return at;
  }
  return -1;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface FirstHalf {
  /** The file's top level up to the split; its `cases` holds the first half's cases. */
  root: Record<string, unknown>;
  cases: unknown[];
}

/**
 * Parses the text before the boundary (through the `}`), closed by a one-off marker as the last case.
 * Parsing at all proves the text ends right after an element of a list directly inside the top-level
 * object; the marker at the end of `cases`, a string the file cannot hold by chance, proves that
 * list is `cases` (and not, say, the blacklist, or an earlier `cases` given twice).
 */
export function parseFirstHalf(text: string, marker: string): FirstHalf | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let root: unknown;
  try {
    root = JSON.parse(`${body},${JSON.stringify(marker)}]}`);
  } catch {
    return null;
  }
  if (!isPlainObject(root) || !Array.isArray(root.cases) || root.cases[root.cases.length - 1] !== marker) return null;
  root.cases.pop();
  return { root, cases: root.cases };
}

export interface SecondHalfText {
  cases: unknown[];
  /** The file's top-level fields after `cases`. */
  rest: Record<string, unknown>;
}

/**
 * Parses the text after the boundary's comma (from the `{` of the next case to the end) as the
 * continuation of a list inside an object, opened under a one-off key the file cannot hold.
 */
export function parseSecondHalf(text: string, key: string): SecondHalfText | null {
  let root: unknown;
  try {
    root = JSON.parse(`{${JSON.stringify(key)}:[${text}`);
  } catch {
    return null;
  }
  if (!isPlainObject(root) || !Array.isArray(root[key])) return null;
  const { [key]: cases, ...rest } = root;
  return { cases: cases as unknown[], rest };
}

/**
 * The top level of the whole file from its two halves, as JSON.parse of the whole gives it, or null
 * when a field appears in both halves (or `cases` again after the split): JSON.parse would keep the
 * later value, which the halves alone cannot tell apart. `cases` is the first half's list only; the
 * caller holds the second half's cases separately.
 */
export function joinHalves(first: FirstHalf, rest: Record<string, unknown>): Record<string, unknown> | null {
  for (const key of Object.keys(rest)) if (key === 'cases' || Object.prototype.hasOwnProperty.call(first.root, key)) return null;
  return { ...first.root, ...rest };
}

/** What the second thread hands back: its cases sorted against ours, their ids, the fields after. */
export interface SecondHalf {
  sorted: IncomingCases;
  ids: string[];
  rest: Record<string, unknown>;
}

/**
 * The second thread's part of a split import: decode, parse and sort the second half against our
 * digests (as packed in the statistics store, for the ids we hold). Null when the half cannot be read
 * this way, a case is invalid or an id repeats within the half: the caller then reads the whole file
 * the plain way.
 */
export async function readSecondHalf(part: Blob, key: string, ours: Promise<OurCases | null>): Promise<SecondHalf | null> {
  const digests = ourDigestsOnArrival(ours);
  const half = parseSecondHalf(await fileText(part), key);
  const held = await digests;
  if (!half || !held) return null;
  try {
    const sorted = sortIncomingCases(half.cases, held);
    return { sorted, ids: half.cases.map((c) => (c as { id: string }).id), rest: half.rest };
  } catch {
    return null;
  }
}
