import { unwrap, type IDBPObjectStore } from 'idb';
import { caseRowOf } from './derived';
import { caseDigest } from './digest';
import type { MendDB } from './schema';
import { BucketEdits, bucketOf, statsEntryOf } from './stats-entry';
import type { Case } from './types';

type Store<Name extends 'cases' | 'case-rows' | 'case-stats'> = IDBPObjectStore<MendDB, any, Name, 'readwrite'>;

/**
 * Writes inside a readwrite transaction that spans the case, row and statistics stores, so a case,
 * its compact row and its statistics entry can never disagree: they commit or fail together.
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

export function caseWriter(cases: Store<'cases'>, rows: Store<'case-rows'>, stats: Store<'case-stats'>): CaseWriter {
  // One in-memory copy of each bucket per transaction: every edit lands there and the whole bucket
  // is written again, so two writes to one bucket in the same transaction cannot undo each other.
  const edits = new BucketEdits();
  const loading = new Map<number, Promise<void>>();
  const load = (bucket: number): Promise<void> => {
    let pending = loading.get(bucket);
    if (!pending) {
      pending = stats.get(bucket).then((packed) => edits.load(bucket, packed));
      loading.set(bucket, pending);
    }
    return pending;
  };
  const loadMany = async (buckets: Set<number>): Promise<void> => {
    if (buckets.size < READ_ALL_BUCKETS_FROM) {
      await Promise.all([...buckets].map(load));
      return;
    }
    const [keys, values] = await Promise.all([stats.getAllKeys(), stats.getAll()]);
    keys.forEach((bucket, i) => edits.load(bucket, values[i]));
    for (const bucket of buckets) edits.load(bucket, undefined);
  };
  const writeBuckets = (): Promise<unknown> => {
    const writes: Promise<unknown>[] = [];
    for (const [bucket, packed] of edits.takeChanged()) writes.push(packed === undefined ? stats.delete(bucket) : stats.put(packed, bucket));
    return Promise.all(writes);
  };
  return {
    get: (id) => cases.get(id),
    put: async (c) => {
      await load(bucketOf(c.id));
      edits.set(statsEntryOf(c, caseDigest(c)));
      await Promise.all([cases.put(c), rows.put(caseRowOf(c)), writeBuckets()]);
    },
    delete: async (id) => {
      await load(bucketOf(id));
      edits.remove(id);
      await Promise.all([cases.delete(id), rows.delete(id), writeBuckets()]);
    },
    putMany: async (list, digest = caseDigest) => {
      if (list.length === 0) return;
      await loadMany(new Set(list.map((c) => bucketOf(c.id))));
      const rawCases = unwrap(cases);
      const rawRows = unwrap(rows);
      for (const c of list) {
        rawCases.put(c);
        rawRows.put(caseRowOf(c));
        edits.set(statsEntryOf(c, digest(c)));
      }
      // Failures show in the transaction's outcome, which the caller awaits.
      writeBuckets().catch(() => undefined);
    },
  };
}
