import type { Case } from './types';
import { readExportedCase } from './validate';

/**
 * 53-bit string hash (cyrb53). Not cryptographic: spreads ids over buckets, and tells two versions
 * of a case apart. Equal digests are trusted (odds of a false match about 1 in 2^53 per case);
 * different ones are always confirmed by comparing the cases themselves.
 */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish(h1, h2);
}

/**
 * hash53 of a range of bytes, two bytes per step: an import compares the UTF-8 bytes of a file's case
 * with the stored text of ours without decoding the file into a string first.
 */
export function hashBytes(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h1 = Math.imul(0xdeadbeef ^ (end - start), 2654435761);
  let h2 = Math.imul(0x41c6ce57 ^ (end - start), 1597334677);
  const even = start + ((end - start) & ~1);
  for (let i = start; i < even; i += 2) {
    const pair = bytes[i] | (bytes[i + 1] << 8);
    h1 = Math.imul(h1 ^ pair, 2654435761);
    h2 = Math.imul(h2 ^ pair, 1597334677);
  }
  if (even < end) {
    h1 = Math.imul(h1 ^ bytes[even], 2654435761);
    h2 = Math.imul(h2 ^ bytes[even], 1597334677);
  }
  return finish(h1, h2);
}

/** cyrb53's final avalanche of the two lanes into one 53-bit number. */
function finish(a: number, b: number): number {
  const h1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  const h2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The two 32-bit lanes of the running hash; digests are computed one at a time, synchronously. */
let lane1 = 0;
let lane2 = 0;
const numberBits = new Float64Array(1);
const numberWords = new Uint32Array(numberBits.buffer);

function mix(word: number): void {
  lane1 = Math.imul(lane1 ^ word, 2654435761);
  lane2 = Math.imul(lane2 ^ word, 1597334677);
}

/** Two characters per step, in locals: the text is most of what a case holds, so this is the hot loop. */
function mixText(text: string): void {
  let a = Math.imul(lane1 ^ text.length, 2654435761);
  let b = Math.imul(lane2 ^ text.length, 1597334677);
  const even = text.length & ~1;
  for (let i = 0; i < even; i += 2) {
    const pair = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    a = Math.imul(a ^ pair, 2654435761);
    b = Math.imul(b ^ pair, 1597334677);
  }
  if (even < text.length) {
    const last = text.charCodeAt(even);
    a = Math.imul(a ^ last, 2654435761);
    b = Math.imul(b ^ last, 1597334677);
  }
  lane1 = a;
  lane2 = b;
}

/**
 * Folds a JSON-like value into the hash: every key and value in order, with type tags and lengths so
 * that different shapes cannot line up. Walking the object costs about half of JSON.stringify plus a
 * hash of the text, and leaves no 60 MB of strings behind for the collector.
 */
function mixValue(value: unknown): void {
  switch (typeof value) {
    case 'string':
      mix(1);
      mixText(value);
      return;
    case 'number':
      mix(2);
      numberBits[0] = value;
      mix(numberWords[0]);
      mix(numberWords[1]);
      return;
    case 'boolean':
      mix(value ? 3 : 4);
      return;
    case 'object':
      if (value === null) return mix(5);
      if (Array.isArray(value)) {
        mix(6);
        mix(value.length);
        for (let i = 0; i < value.length; i++) mixValue(value[i]);
        return;
      }
      mix(7);
      for (const key in value) {
        const field = (value as Record<string, unknown>)[key];
        // Absent and undefined are the same to a case (JSON drops undefined).
        if (field === undefined) continue;
        mixText(key);
        mixValue(field);
      }
      return mix(8);
    default:
      // Functions and symbols never occur in a case.
      return mix(9);
  }
}

/**
 * Digest of a case as the import reader builds it (readExportedCase: fixed key order, no undefined
 * keys, derived fields recomputed). Only meaningful for such a normalized case.
 */
export function normalizedDigest(c: Case): number {
  lane1 = 0xdeadbeef;
  lane2 = 0x41c6ce57;
  mixValue(c);
  return finish(lane1, lane2);
}

/**
 * Digest of any stored case: normalized first, so a case the workflow wrote (keys in whatever order
 * its edits left them) digests like the same case read back from an export. Null when the case is
 * not something an export could carry; an import then compares it in full.
 */
export function caseDigest(c: Case): number | null {
  try {
    return normalizedDigest(readExportedCase(c, 'case'));
  } catch {
    return null;
  }
}
