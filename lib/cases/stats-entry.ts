import type { CauseId } from '../analysis/types';
import type { Platform, Rating } from '../sites/types';
import { hash53 } from './digest';
import { reviewStart } from './time';
import type { Case, CaseOutcome, CaseState, RiskBand } from './types';

/**
 * What the statistics (and an import's "is this case unchanged?") need of one case, as a tuple:
 * no field names to store or read 50,000 times, and no search text.
 */
export type StatsEntry = [
  id: string,
  /** caseDigest of the case, null if it has none. */
  digest: number | null,
  platform: Platform,
  state: CaseState,
  isOpen: 0 | 1,
  initialRating: Rating,
  outcome: CaseOutcome | null,
  causes: CauseId[],
  /** The platform's product id, else the title. */
  productKey: string | null,
  productTitle: string | null,
  sku: string | null,
  /** When the review was written (or first seen), epoch ms. */
  start: number,
  firstResponseAt: number | null,
  closedAt: number | null,
  /** [currency or '', amount or null] per remedy. */
  remedies: Array<[string, number | null]>,
  riskBand: RiskBand | null,
];

/** The entry of a case whose derived fields are current. */
export function statsEntryOf(c: Case, digest: number | null): StatsEntry {
  return [
    c.id,
    digest,
    c.platform,
    c.state,
    c.isOpen,
    c.initialRating,
    c.outcome ?? null,
    c.causes,
    c.product ? c.product.id || c.product.title : null,
    c.product ? c.product.title : null,
    c.product?.sku || null,
    reviewStart(c),
    c.firstResponseAt ?? null,
    c.closedAt ?? null,
    c.remedies.map((r) => [r.currency ?? '', r.amount ?? null]),
    c.risk?.band ?? null,
  ];
}

/**
 * The entries live packed, many to a record: a bucket holds, as UTF-8 JSON bytes, the entries of the
 * cases whose id hashes to it. Reading a few hundred byte arrays and parsing them costs a fraction of
 * reading 50,000 records, each with its own overhead in the store and across the process boundary;
 * bytes rather than a string because one Chinese product title makes a whole string two bytes per
 * character, and the store's reading time grows with the bytes.
 */
export const STATS_BUCKETS = 256;

export type PackedBucket = Uint8Array;

export function bucketOf(id: string): number {
  return hash53(id) % STATS_BUCKETS;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Entries keyed by case id, kept packed by bucket: the statistics, and the text sums (case-text.ts). */
export type BucketEntry = [id: string, ...rest: any[]];

export function unpackBucket<E extends BucketEntry = StatsEntry>(packed: PackedBucket | undefined): E[] {
  return packed ? (JSON.parse(decoder.decode(packed)) as E[]) : [];
}

export function packBucket(entries: readonly BucketEntry[]): PackedBucket {
  return encoder.encode(JSON.stringify(entries));
}

/** How a kind of bucket is stored: the statistics as plain packed entries, the text sums with more. */
export interface BucketFormat<E extends BucketEntry> {
  unpack(packed: PackedBucket | undefined): E[];
  pack(entries: E[], bucket: number): PackedBucket;
}

const plainFormat = { unpack: unpackBucket, pack: packBucket } as BucketFormat<any>;

/** Bucket contents being changed in memory: entries by id, per bucket. */
export class BucketEdits<E extends BucketEntry = StatsEntry> {
  private readonly buckets = new Map<number, Map<string, E>>();
  private readonly changed = new Set<number>();

  constructor(private readonly format: BucketFormat<E> = plainFormat) {}

  /** Starts from a bucket as stored; a bucket already loaded keeps its edits. */
  load(bucket: number, packed: PackedBucket | undefined): void {
    if (this.buckets.has(bucket)) return;
    this.buckets.set(bucket, new Map(this.format.unpack(packed).map((entry) => [entry[0], entry])));
  }

  set(entry: E): void {
    this.entriesOf(bucketOf(entry[0])).set(entry[0], entry);
  }

  remove(id: string): void {
    this.entriesOf(bucketOf(id)).delete(id);
  }

  /** The buckets changed since the last call, packed again; an emptied one packs to undefined. */
  takeChanged(): Array<[number, PackedBucket | undefined]> {
    const out: Array<[number, PackedBucket | undefined]> = [];
    for (const bucket of this.changed) {
      const entries = this.buckets.get(bucket)!;
      out.push([bucket, entries.size ? this.format.pack([...entries.values()], bucket) : undefined]);
    }
    this.changed.clear();
    return out;
  }

  /** A loaded bucket packed as it stands now (undefined when empty), whether changed or not. */
  packedNow(bucket: number): PackedBucket | undefined {
    const entries = this.buckets.get(bucket);
    if (!entries) throw new Error(`bucket ${bucket} was not loaded`);
    return entries.size ? this.format.pack([...entries.values()], bucket) : undefined;
  }

  private entriesOf(bucket: number): Map<string, E> {
    const entries = this.buckets.get(bucket);
    if (!entries) throw new Error(`stats bucket ${bucket} was not loaded before editing`);
    this.changed.add(bucket);
    return entries;
  }
}
