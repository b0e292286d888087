import { unwrap, type IDBPObjectStore } from 'idb';
import { caseText, statsBucketHash, sumsFormat, textSumOf, type TextSum } from './case-text';
import { caseRowOf } from './derived';
import { caseDigest } from './digest';
import type { MendDB } from './schema';
import { BucketEdits, bucketOf, statsEntryOf, type BucketEntry, type PackedBucket, type StatsEntry } from './stats-entry';
import type { Case } from './types';

type CaseStoreName = 'cases' | 'case-rows' | 'case-stats' | 'case-texts' | 'case-text-sums';
type Store<Name extends CaseStoreName> = IDBPObjectStore<MendDB, any, Name, 'readwrite'>;

/** Every store a case write keeps in step; a transaction for case writes spans them all. */
export const CASE_WRITE_STORES: Array<CaseStoreName> = ['cases', 'case-rows', 'case-stats', 'case-texts', 'case-text-sums'];

/**
 * Writes inside a readwrite transaction that spans the case, row, statistics and text stores, so a
 * case, its compact row, its statistics entry and its export text can never disagree: they commit or
 * fail together.
 */
export interface CaseWriter {
  get(id: string): Promise<Case | undefined>;
  put(c: Case): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Queues many writes without waiting on each: bulk paths (import, seeding) would otherwise pay a
   * promise and a round trip per request. Failures surface when the transaction completes.
   * `digest` gives each case's caseDigest when the caller already knows it.
   */
  putMany(list: readonly Case[], digest?: (c: Case) => number | null): Promise<void>;
}

/** Above this many buckets one read of all of them beats reading them one by one. */
const READ_ALL_BUCKETS_FROM = 16;

/**
 * One in-memory copy of each touched bucket of a packed store per transaction: every edit lands there
 * and the whole bucket is written again, so two writes to one bucket in the same transaction cannot
 * undo each other.
 */
class PackedBuckets<E extends BucketEntry> {
  private readonly loading = new Map<number, Promise<void>>();

  constructor(
    private readonly store: Store<'case-stats'> | Store<'case-text-sums'>,
    readonly edits: BucketEdits<E>,
  ) {}

  load(bucket: number): Promise<void> {
    let pending = this.loading.get(bucket);
    if (!pending) {
      pending = this.store.get(bucket).then((packed) => this.edits.load(bucket, packed));
      this.loading.set(bucket, pending);
    }
    return pending;
  }

  async loadMany(buckets: Set<number>): Promise<void> {
    if (buckets.size < READ_ALL_BUCKETS_FROM) {
      await Promise.all([...buckets].map((bucket) => this.load(bucket)));
      return;
    }
    const [keys, values] = await Promise.all([this.store.getAllKeys(), this.store.getAll()]);
    keys.forEach((bucket, i) => this.edits.load(bucket, values[i]));
    for (const bucket of buckets) this.edits.load(bucket, undefined);
  }

  /** Writes the changed buckets; `written` sees each as it is written. */
  write(written?: (bucket: number, packed: PackedBucket | undefined) => void): Promise<unknown> {
    const writes: Promise<unknown>[] = [];
    for (const [bucket, packed] of this.edits.takeChanged()) {
      written?.(bucket, packed);
      writes.push(packed === undefined ? this.store.delete(bucket) : this.store.put(packed, bucket));
    }
    return Promise.all(writes);
  }
}

/**
 * The text stores of the writer's transaction, or null when it does not span them (see below). Each
 * sums bucket is packed with the hash of the statistics bucket as this transaction writes it.
 */
function textStoresOf(
  cases: Store<'cases'>,
  entries: PackedBuckets<StatsEntry>,
): { texts: Store<'case-texts'>; sums: PackedBuckets<TextSum>; statsHashes: Map<number, number> } | null {
  const tx = cases.transaction;
  if (!tx.objectStoreNames.contains('case-texts') || !tx.objectStoreNames.contains('case-text-sums')) return null;
  const stores = tx as unknown as { objectStore(name: 'case-texts'): Store<'case-texts'>; objectStore(name: 'case-text-sums'): Store<'case-text-sums'> };
  const statsHashes = new Map<number, number>();
  // Every case write changes its statistics bucket too, so the hash is normally already known.
  const format = sumsFormat((bucket) => statsHashes.get(bucket) ?? statsBucketHash(entries.edits.packedNow(bucket)));
  return { texts: stores.objectStore('case-texts'), sums: new PackedBuckets(stores.objectStore('case-text-sums'), new BucketEdits(format)), statsHashes };
}

/**
 * The texts are written whenever the transaction spans their stores, which every transaction of the
 * repository and the import does. One that does not (a test's own) leaves a text behind its case;
 * its sum then names an older source digest than the statistics entry, and export and import treat
 * the text as stale (see text-export.ts and matched-import.ts).
 */
export function caseWriter(cases: Store<'cases'>, rows: Store<'case-rows'>, stats: Store<'case-stats'>): CaseWriter {
  const entries = new PackedBuckets<StatsEntry>(stats, new BucketEdits());
  const text = textStoresOf(cases, entries);
  const load = (bucket: number) => Promise.all([entries.load(bucket), text?.sums.load(bucket)]);
  // The statistics first: the sums buckets are packed with the hashes of what they wrote.
  const writeBuckets = () => Promise.all([entries.write((bucket, packed) => text?.statsHashes.set(bucket, statsBucketHash(packed))), text?.sums.write()]);
  const note = (c: Case, digest: number | null): Uint8Array | null => {
    entries.edits.set(statsEntryOf(c, digest));
    if (!text) return null;
    const bytes = caseText(c);
    text.sums.edits.set(textSumOf(c.id, bytes, digest));
    return bytes;
  };
  return {
    get: (id) => cases.get(id),
    put: async (c) => {
      await load(bucketOf(c.id));
      const bytes = note(c, caseDigest(c));
      await Promise.all([cases.put(c), rows.put(caseRowOf(c)), bytes && text!.texts.put(bytes, c.id), writeBuckets()]);
    },
    delete: async (id) => {
      await load(bucketOf(id));
      entries.edits.remove(id);
      text?.sums.edits.remove(id);
      await Promise.all([cases.delete(id), rows.delete(id), text?.texts.delete(id), writeBuckets()]);
    },
    putMany: async (list, digest = caseDigest) => {
      if (list.length === 0) return;
      const buckets = new Set(list.map((c) => bucketOf(c.id)));
      await Promise.all([entries.loadMany(buckets), text?.sums.loadMany(buckets)]);
      const rawCases = unwrap(cases);
      const rawRows = unwrap(rows);
      const rawTexts = text && unwrap(text.texts);
      for (const c of list) {
        rawCases.put(c);
        rawRows.put(caseRowOf(c));
        const bytes = note(c, digest(c));
        if (bytes) rawTexts!.put(bytes, c.id);
      }
      // Failures show in the transaction's outcome, which the caller awaits.
      writeBuckets().catch(() => undefined);
    },
  };
}
