import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { BlacklistEntry } from './blacklist-codec';
import type { Platform } from '../sites/types';
import type { Case } from './types';
import { upgradeCaseRecord } from './upgrade-record';
import type { CaseRow } from './derived';
import { caseRowOf } from './derived';
import { caseDigest } from './digest';
import { BucketEdits, STATS_BUCKETS, statsEntryOf, type PackedBucket } from './stats-entry';
import { bucketsOf, caseText, statsBucketHash, sumsFormat, textSumOf, type TextSum } from './case-text';

// Name and version live apart from the upgrade steps, for the popup's first script (see early-open.ts).
export { CASES_DB_NAME, CASES_DB_VERSION } from './early-open';

/** The team blacklist in the store: the codec's entry, keyed by [platform, nick]. */
export type StoredBlacklistEntry = BlacklistEntry;

export interface MendDB extends DBSchema {
  /**
   * The full cases, without indexes since v6: every index entry makes each of 50,000 writes dearer,
   * and the compact rows carry the same keys.
   */
  cases: {
    key: string;
    value: Case;
  };
  /** One compact row per case (since v5), written in the same transaction as the case. */
  'case-rows': {
    key: string;
    value: CaseRow;
    indexes: {
      /** urgencyKey: the listing order, unique per case so pages can be read in chunks. */
      'by-urgency': Case['urgencyKey'];
      /** recentKey: most recently changed first. */
      'by-recent': Case['recentKey'];
      /** [platform, buyerNick] (since v6; on the cases before): the buyer's cases, for critic risk. */
      'by-buyer': [Platform, string];
    };
  };
  /**
   * Statistics entries (since v6), packed many to a record: key = bucket number, value = the packed
   * bucket (lib/cases/stats-entry.ts). Written in the same transaction as the case.
   */
  'case-stats': {
    key: number;
    value: PackedBucket;
  };
  /**
   * Each case's export text as UTF-8 (since v7; case-text.ts), key = case id, written in the same
   * transaction as the case: roughly doubles what the cases take on disk.
   */
  'case-texts': {
    key: string;
    value: Uint8Array;
  };
  /** The texts' lengths and digests (since v7), packed by bucket like 'case-stats'. */
  'case-text-sums': {
    key: number;
    value: PackedBucket;
  };
  blacklist: {
    key: [Platform, string];
    value: StoredBlacklistEntry;
  };
}

export type MendDatabase = IDBPDatabase<MendDB>;
export type UpgradeTransaction = IDBPTransaction<MendDB, StoreNames<MendDB>[], 'versionchange'>;

/**
 * One step per schema version: UPGRADES[n] takes a database from version n to n + 1. Steps only ever
 * get appended, so a database of any old version walks the same path a fresh one did. Appending one
 * means raising CASES_DB_VERSION in early-open.ts too (a unit test holds the two together).
 * A step may start cursor work on `tx`; it must only await IndexedDB requests so the transaction lives.
 */
export const UPGRADES: ReadonlyArray<(db: MendDatabase, tx: UpgradeTransaction) => void | Promise<void>> = [
  // 0 → 1: cases with the indexes the listing needs, and the team blacklist.
  (db) => {
    const cases = db.createObjectStore('cases', { keyPath: 'id' });
    // Indexes a later step removed are no longer in MendDB's types.
    const retired = cases as unknown as IDBObjectStore;
    retired.createIndex('by-state', 'state');
    retired.createIndex('by-platform', 'platform');
    retired.createIndex('by-updated', 'updatedAt');
    retired.createIndex('by-open-due', ['isOpen', 'dueAt']);
    retired.createIndex('by-cause', 'causes', { multiEntry: true });
    db.createObjectStore('blacklist', { keyPath: ['platform', 'nick'] });
  },
  // 1 → 2: the buyer index, and v1 records get the workflow fields (contacts, remedies, flags, facts…).
  async (_db, tx) => {
    const cases = tx.objectStore('cases');
    (cases as unknown as IDBObjectStore).createIndex('by-buyer', ['platform', 'buyerNick']);
    for (let cursor = await cases.openCursor(); cursor; cursor = await cursor.continue()) {
      await cursor.update(upgradeCaseRecord(cursor.value as unknown as Record<string, unknown>));
    }
  },
  // 2 → 3: unique listing keys, so listings read the index in chunks instead of one cursor step per
  // case; the platform and updatedAt indexes they replace go, making every write cheaper.
  async (_db, tx) => {
    const cases = tx.objectStore('cases');
    const retired = cases as unknown as IDBObjectStore;
    retired.createIndex('by-urgency', 'urgencyKey');
    retired.createIndex('by-recent', 'recentKey');
    retired.deleteIndex('by-platform');
    retired.deleteIndex('by-updated');
    for (let cursor = await cases.openCursor(); cursor; cursor = await cursor.continue()) {
      await cursor.update(upgradeCaseRecord(cursor.value as unknown as Record<string, unknown>));
    }
  },
  // 3 → 4: the urgency key also answers "open cases" and "due before" queries, so the older open/due,
  // state and cause indexes go: every write maintains three indexes instead of six.
  (_db, tx) => {
    const retired = tx.objectStore('cases') as unknown as IDBObjectStore;
    retired.deleteIndex('by-open-due');
    retired.deleteIndex('by-state');
    retired.deleteIndex('by-cause');
  },
  // 4 → 5: compact rows for filters, search and statistics, filled from every existing case.
  async (db, tx) => {
    const rowStore = db.createObjectStore('case-rows', { keyPath: 'id' });
    rowStore.createIndex('by-urgency', 'urgencyKey');
    rowStore.createIndex('by-recent', 'recentKey');
    const cases = tx.objectStore('cases');
    const rows = tx.objectStore('case-rows');
    for (let cursor = await cases.openCursor(); cursor; cursor = await cursor.continue()) {
      const current = upgradeCaseRecord(cursor.value as unknown as Record<string, unknown>);
      await cursor.update(current);
      await rows.put(caseRowOf(current));
    }
  },
  // 5 → 6: statistics get their own packed store and the rows lose the statistics-only fields; the
  // case store drops its indexes (the rows carry the listing keys, and now the buyer key too).
  async (db, tx) => {
    const retired = tx.objectStore('cases') as unknown as IDBObjectStore;
    for (const name of ['by-buyer', 'by-urgency', 'by-recent']) retired.deleteIndex(name);
    tx.objectStore('case-rows').createIndex('by-buyer', ['platform', 'buyerNick']);
    db.createObjectStore('case-stats');
    const cases = tx.objectStore('cases');
    const rows = tx.objectStore('case-rows');
    const edits = new BucketEdits();
    for (let bucket = 0; bucket < STATS_BUCKETS; bucket++) edits.load(bucket, undefined);
    for (let cursor = await cases.openCursor(); cursor; cursor = await cursor.continue()) {
      const current = cursor.value;
      await rows.put(caseRowOf(current));
      edits.set(statsEntryOf(current, caseDigest(current)));
    }
    const stats = tx.objectStore('case-stats');
    for (const [bucket, packed] of edits.takeChanged()) if (packed !== undefined) await stats.put(packed, bucket);
  },
  // 6 → 7: every case's export text and its sum, so exports read text and imports hash bytes.
  async (db, tx) => {
    db.createObjectStore('case-texts');
    db.createObjectStore('case-text-sums');
    const texts = tx.objectStore('case-texts');
    const statsStore = tx.objectStore('case-stats');
    const [keys, values] = await Promise.all([statsStore.getAllKeys(), statsStore.getAll()]);
    const stats = bucketsOf(keys, values);
    const edits = new BucketEdits<TextSum>(sumsFormat((bucket) => statsBucketHash(stats.get(bucket))));
    for (let bucket = 0; bucket < STATS_BUCKETS; bucket++) edits.load(bucket, undefined);
    for (let cursor = await tx.objectStore('cases').openCursor(); cursor; cursor = await cursor.continue()) {
      const text = caseText(cursor.value);
      await texts.put(text, cursor.value.id);
      edits.set(textSumOf(cursor.value.id, text, caseDigest(cursor.value)));
    }
    const sums = tx.objectStore('case-text-sums');
    for (const [bucket, packed] of edits.takeChanged()) if (packed !== undefined) await sums.put(packed, bucket);
  },
];
