import { bucketsOf, currentSums, type TextSum } from './case-text';
import { hashBytes } from './digest';
import { askOurCases, ourDigests, sortIncomingCases, type IncomingCases } from './incoming-cases';
import { mergeIntoUnchangedStore } from './parallel-import';
import type { CasesRepository } from './repository';
import { joinHalves, parseSecondHalf, type FirstHalf } from './split-import';
import { checkEnvelope, readBlacklist, type ImportReport } from './transfer';

/**
 * An import that reads a file case by case, as byte slices: a slice that is exactly the stored text
 * of one of our cases (same length, same digest of its bytes, text made from the case as it is now)
 * is that case unchanged, and is neither decoded nor parsed; every other slice is parsed and checked
 * on its own, as the whole-file import would. Every step either proves that the slices mean what the
 * whole file means to JSON.parse, or gives up (null): the caller then imports the plain way, which
 * also gives the exact message for a file it refuses.
 */

const ch = (s: string) => s.charCodeAt(0);
const QUOTE = ch('"');
const BACKSLASH = ch('\\');
const COMMA = ch(',');
const OPEN_OBJECT = ch('{');
const CLOSE_OBJECT = ch('}');
const OPEN_LIST = ch('[');
const CLOSE_LIST = ch(']');
const CASE_START = [...'{"id":"'].map(ch);
const CASES_OPEN = [...'"cases":['].map(ch);
/** The envelope before the cases is a few hundred bytes; a file with more is read the plain way. */
const HEAD_SEARCH_BYTES = 4096;

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function matchesAt(bytes: Uint8Array, at: number, pattern: readonly number[]): boolean {
  if (at + pattern.length > bytes.length) return false;
  for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return false;
  return true;
}

function indexOfPattern(bytes: Uint8Array, pattern: readonly number[], end: number): number {
  for (let at = bytes.indexOf(pattern[0]); at >= 0 && at < end; at = bytes.indexOf(pattern[0], at + 1)) {
    if (matchesAt(bytes, at, pattern)) return at;
  }
  return -1;
}

/**
 * The file's top level up to its cases list, parsed with a one-off marker as the list's only element:
 * parsing at all proves the text ends inside a list in the top-level object, and finding the marker
 * as the whole of `cases` proves that list is `cases` (the last one, as JSON.parse would keep it).
 */
export function parseHead(text: string, marker: string): FirstHalf | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let root: unknown;
  try {
    root = JSON.parse(`${body}${JSON.stringify(marker)}]}`);
  } catch {
    return null;
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return null;
  const cases = (root as { cases?: unknown }).cases;
  if (!Array.isArray(cases) || cases.length !== 1 || cases[0] !== marker) return null;
  cases.pop();
  return { root: root as Record<string, unknown>, cases };
}

/**
 * Index just past the object that starts at `start`, counting brackets outside strings; -1 when it
 * does not close. It proves nothing about the object: the slice is parsed afterwards.
 */
export function objectEnd(bytes: Uint8Array, start: number): number {
  let depth = 0;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) {
      for (i++; i < bytes.length && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
    } else if (b === OPEN_OBJECT || b === OPEN_LIST) {
      depth++;
    } else if ((b === CLOSE_OBJECT || b === CLOSE_LIST) && --depth === 0) {
      return i + 1;
    }
  }
  return -1;
}

/** The id a case's text starts with, when it has no escapes (ours never have); else null. */
function plainIdAt(bytes: Uint8Array, start: number): string | null {
  if (!matchesAt(bytes, start, CASE_START)) return null;
  const from = start + CASE_START.length;
  const end = bytes.indexOf(QUOTE, from);
  if (end < 0) return null;
  let ascii = true;
  for (let i = from; i < end; i++) {
    if (bytes[i] === BACKSLASH) return null;
    if (bytes[i] >= 0x80) ascii = false;
  }
  return ascii ? String.fromCharCode(...bytes.subarray(from, end)) : decoder.decode(bytes.subarray(from, end));
}

/** The file's cases read slice by slice: how many matched our texts, the others parsed, and where the cases end. */
export interface SlicedCases {
  matched: number;
  matchedIds: Set<string>;
  others: unknown[];
  /** Index of the `]` that closes the cases list. */
  end: number;
}

/**
 * Past this many cases that match no text of ours, and more of them than matched, a file is mostly
 * new to us (a first import, another seller's store): parsing it whole, on two threads, is quicker
 * than slice by slice.
 */
const MOSTLY_NEW_FROM = 1000;

/**
 * Reads the cases list from just after its `[`; null when the file is not laid out as an export
 * writes it, or is mostly new to us (see above).
 */
export function sliceCases(bytes: Uint8Array, start: number, texts: ReadonlyMap<string, TextSum>): SlicedCases | null {
  const sliced: SlicedCases = { matched: 0, matchedIds: new Set(), others: [], end: -1 };
  let at = start;
  if (bytes[at] === CLOSE_LIST) return { ...sliced, end: at };
  for (;;) {
    if (bytes[at] !== OPEN_OBJECT) return null;
    const id = plainIdAt(bytes, at);
    const sum = id === null ? undefined : texts.get(id);
    let next: number;
    if (sum && at + sum[1] <= bytes.length && hashBytes(bytes, at, at + sum[1]) === sum[2] && !sliced.matchedIds.has(sum[0])) {
      next = at + sum[1];
      sliced.matched++;
      sliced.matchedIds.add(sum[0]);
    } else {
      if (sliced.others.length >= MOSTLY_NEW_FROM && sliced.others.length > sliced.matched) return null;
      next = objectEnd(bytes, at);
      if (next < 0) return null;
      try {
        sliced.others.push(JSON.parse(decoder.decode(bytes.subarray(at, next))));
      } catch {
        return null;
      }
    }
    if (bytes[next] === CLOSE_LIST) return { ...sliced, end: next };
    if (bytes[next] !== COMMA) return null;
    at = next + 1;
  }
}

/**
 * Imports `file` reading it slice by slice (see above): the same report and the same store as
 * importCasesJson of the file's text, or null when the file cannot be read this way, anything in it
 * is refused, or our store changed between the reads. The unchanged cases are recognized against one
 * read transaction; cases to write are written in a fresh one that first checks our ids and digests
 * are still as read, as the two-thread import does.
 */
export async function importMatchingTexts(repo: CasesRepository, file: Blob): Promise<ImportReport | null> {
  const snapshot = repo.rawDatabase.transaction(['cases', 'case-stats', 'case-text-sums'], 'readonly');
  snapshot.done.catch(() => undefined);
  const statsStore = snapshot.objectStore('case-stats');
  const sumsStore = snapshot.objectStore('case-text-sums');
  const oursRead = askOurCases(snapshot.objectStore('cases'), statsStore);
  const bucketsRead = Promise.all([statsStore.getAllKeys(), sumsStore.getAllKeys(), sumsStore.getAll()]);
  bucketsRead.catch(() => undefined);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const ours = await oursRead;
  const [statsKeys, sumsKeys, sums] = await bucketsRead;
  const texts = currentSums(bucketsOf(statsKeys, ours.buckets), bucketsOf(sumsKeys, sums));
  // A text whose case was deleted around the repository must not pass a file's copy as unchanged.
  const held = new Set(ours.keys);
  for (const id of texts.keys()) if (!held.has(id)) texts.delete(id);

  const opened = indexOfPattern(bytes, CASES_OPEN, HEAD_SEARCH_BYTES);
  if (opened < 0) return null;
  const casesStart = opened + CASES_OPEN.length;
  const head = parseHead(decoder.decode(bytes.subarray(0, casesStart)), `\u0000mend-head-${crypto.randomUUID()}`);
  if (!head) return null;
  const sliced = sliceCases(bytes, casesStart, texts);
  if (!sliced) return null;
  const tailKey = `\u0000mend-tail-${crypto.randomUUID()}`;
  const tail = parseSecondHalf(decoder.decode(bytes.subarray(sliced.end)), tailKey);
  if (!tail || (tail.cases as unknown[]).length !== 0) return null;
  const whole = joinHalves(head, tail.rest);
  if (!whole) return null;
  let blacklist: ReturnType<typeof readBlacklist>;
  let others: IncomingCases;
  try {
    blacklist = readBlacklist(checkEnvelope(whole).blacklist);
    // Our digests are unpacked only when some case did not match its text.
    others = sortIncomingCases(sliced.others, sliced.others.length ? ourDigests(ours) : new Map());
  } catch {
    return null;
  }
  if (others.cases.some((c) => sliced.matchedIds.has(c.id))) return null;
  if (sliced.others.some((value) => sliced.matchedIds.has((value as { id: string }).id))) return null;

  return mergeIntoUnchangedStore(repo, ours, { ...others, unchanged: others.unchanged + sliced.matched }, blacklist);
}
