import { digestsIn } from './incoming-cases';
import { hashBytes } from './digest';
import { exportable } from './export-text';
import type { BucketFormat, PackedBucket } from './stats-entry';
import type { Case } from './types';

/**
 * Each case's export text, kept next to it (since schema v7): an export then reads bytes that need no
 * decoding into objects nor serializing again, and an import recognizes an unchanged case by hashing
 * its bytes in the file instead of parsing them.
 */

/**
 * What an import needs of one stored text, packed by bucket like the statistics: [id, byte length,
 * hashBytes of the text, caseDigest of the case the text was made from (null when it has none)].
 */
export type TextSum = [id: string, length: number, digest: number, source: number | null];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

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

/** Hash of a statistics bucket as stored; 0 for one that is not there. */
export const statsBucketHash = (packed: PackedBucket | undefined): number => (packed ? hashBytes(packed) : 0);

/**
 * A bucket of text sums is stored with the hash of the statistics bucket written in the same
 * transaction, as JSON `[hash, sums]`. Every write of a case rewrites its statistics bucket; a write
 * that did not span the text stores leaves the hash behind, so a bucket whose hash still matches holds
 * only current texts, without unpacking the statistics. `statsHashOf` gives the hash for a bucket.
 */
export function sumsFormat(statsHashOf: (bucket: number) => number): BucketFormat<TextSum> {
  return {
    unpack: (packed) => (packed ? unpackSums(packed).sums : []),
    pack: (sums, bucket) => encoder.encode(JSON.stringify([statsHashOf(bucket), sums])),
  };
}

export function unpackSums(packed: PackedBucket): { statsHash: number; sums: TextSum[] } {
  const [statsHash, sums] = JSON.parse(decoder.decode(packed)) as [number, TextSum[]];
  return { statsHash, sums };
}

/** Records of a packed store with their keys, as read by getAllKeys and getAll in one transaction. */
export type Buckets = ReadonlyMap<number, PackedBucket>;

export const bucketsOf = (keys: readonly number[], values: readonly PackedBucket[]): Buckets => new Map(keys.map((key, i) => [key, values[i]]));

/**
 * The sums of the texts that are current: all of a bucket whose statistics hash matches; in any other
 * bucket, those made from the digest the statistics entry holds now (none when it has no digest).
 */
export function currentSums(stats: Buckets, sums: Buckets): Map<string, TextSum> {
  const current = new Map<string, TextSum>();
  for (const [bucket, packed] of sums) {
    const { statsHash, sums: entries } = unpackSums(packed);
    const statsPacked = stats.get(bucket);
    if (statsHash === statsBucketHash(statsPacked)) {
      for (const sum of entries) if (sum[3] !== null) current.set(sum[0], sum);
      continue;
    }
    const digests = digestsIn(statsPacked ? [statsPacked] : []);
    for (const sum of entries) if (sum[3] !== null && digests.get(sum[0]) === sum[3]) current.set(sum[0], sum);
  }
  return current;
}
