import { deriveIndexFields } from './derived';
import { normalizedDigest } from './digest';
import { unpackBucket, type PackedBucket } from './stats-entry';
import type { Case } from './types';
import { InvalidRecordError, readParsedCase } from './validate';

/** The cases of a file that the import has to look at, sorted out from those it can skip. */
export interface IncomingCases {
  /** Validated, in file order: new to the store, or differing from ours by digest. */
  cases: Case[];
  /** normalizedDigest of each of `cases`, same order. */
  digests: number[];
  /** Cases identical to ours by digest: counted, neither kept nor written. */
  unchanged: number;
}

/**
 * Digest of a parsed case taken as it stands, derived fields added, or null if it cannot have one.
 * If it equals the digest of our stored case, the two are the same case field for field and in the
 * same key order (odds of a false match as for any digest, 1 in 2^53), and ours passed validation
 * when its digest was taken (caseDigest is null otherwise): so the incoming one is valid too and
 * validating it again would only spend time. Adds the derived fields to `value`, which the caller owns.
 */
function digestAsParsed(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  try {
    return normalizedDigest(deriveIndexFields(value as Case));
  } catch {
    // Not shaped like a case: the validator will say where.
    return null;
  }
}

/**
 * Sorts the parsed cases of a file (values the caller owns) against the digests of our cases
 * (`ours`: id → digest, null for a case without one). Unchanged cases are recognized before any
 * validation, so re-importing one's own export validates nothing; every other case is validated
 * strictly. Throws InvalidRecordError (path from `cases[i]`) for an invalid case or a repeated id.
 */
export function sortIncomingCases(values: readonly unknown[], ours: ReadonlyMap<string, number | null>): IncomingCases {
  const sorted: IncomingCases = { cases: [], digests: [], unchanged: 0 };
  const ids = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const id = (value as { id?: unknown } | null)?.id;
    const stored = typeof id === 'string' ? ours.get(id) : undefined;
    let incoming: Case;
    if (typeof stored === 'number' && digestAsParsed(value) === stored) {
      incoming = value as Case;
      sorted.unchanged++;
    } else {
      incoming = readParsedCase(value, `cases[${i}]`);
      const digest = normalizedDigest(incoming);
      if (ours.get(incoming.id) === digest) {
        sorted.unchanged++;
      } else {
        sorted.cases.push(incoming);
        sorted.digests.push(digest);
      }
    }
    if (ids.has(incoming.id)) throw new InvalidRecordError(`cases[${i}].id`, `"${incoming.id}" appears twice`);
    ids.add(incoming.id);
  }
  return sorted;
}

/** Every case's digest as the statistics entries hold it. */
export function digestsIn(buckets: readonly PackedBucket[]): Map<string, number | null> {
  const digests = new Map<string, number | null>();
  for (const packed of buckets) for (const entry of unpackBucket(packed)) digests.set(entry[0], entry[1]);
  return digests;
}

/** Our case ids and statistics buckets, read in one transaction: what a file is sorted against. */
export interface OurCases {
  keys: readonly string[];
  buckets: readonly PackedBucket[];
}

/**
 * Asks the cases and statistics stores of one transaction for our ids and buckets, both at once. A
 * failure surfaces where the answer is awaited, never as an unhandled rejection.
 */
export function askOurCases(cases: { getAllKeys(): Promise<string[]> }, stats: { getAll(): Promise<PackedBucket[]> }): Promise<OurCases> {
  const asked = Promise.all([cases.getAllKeys(), stats.getAll()]).then(([keys, buckets]): OurCases => ({ keys, buckets }));
  asked.catch(() => undefined);
  return asked;
}

/**
 * The digests of the cases we hold. A statistics entry without its case (one deleted around the
 * repository) must not count: a file's copy of that case would pass as unchanged and never be
 * written. The entries normally match the ids one for one, and the check costs one lookup per id.
 */
export function ourDigests({ keys, buckets }: OurCases): Map<string, number | null> {
  if (keys.length === 0) return new Map();
  const all = digestsIn(buckets);
  if (all.size === keys.length && keys.every((id) => all.has(id))) return all;
  const held = new Map<string, number | null>();
  for (const id of keys) if (all.has(id)) held.set(id, all.get(id)!);
  return held;
}

/**
 * ourDigests as soon as `ours` arrives, null when it failed (or is null, or the buckets do not
 * unpack). Started before the file's text is read, the unpacking runs while the thread would wait
 * for the file instead of after parsing it.
 */
export function ourDigestsOnArrival(ours: Promise<OurCases | null>): Promise<Map<string, number | null> | null> {
  return ours.then((held) => (held ? ourDigests(held) : null)).catch(() => null);
}
