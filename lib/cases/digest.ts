import type { Case } from './types';
import { readExportedCase } from './validate';

/**
 * 53-bit string hash (cyrb53). Not cryptographic: it only has to tell two versions of one case apart,
 * and a mismatch is always confirmed by comparing the cases themselves.
 */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Digest of a case as the import reader builds it (readExportedCase: fixed key order, no undefined
 * keys, derived fields recomputed). Only meaningful for such a normalized case.
 */
export function normalizedDigest(c: Case): number {
  return hash53(JSON.stringify(c));
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
