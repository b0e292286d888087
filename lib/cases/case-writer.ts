import { unwrap, type IDBPObjectStore } from 'idb';
import { caseRowOf } from './derived';
import type { MendDB } from './schema';
import type { Case } from './types';

/**
 * Writes inside a readwrite transaction that spans both stores, so a case and its compact row can
 * never disagree: they commit or fail together.
 */
export interface CaseWriter {
  get(id: string): Promise<Case | undefined>;
  put(c: Case): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Queues many writes without waiting on each: bulk paths (import, seeding) would otherwise pay a
   * promise and a round trip per request. Failures surface when the transaction completes.
   */
  putMany(list: Iterable<Case>): void;
}

export function caseWriter(
  cases: IDBPObjectStore<MendDB, any, 'cases', 'readwrite'>,
  rows: IDBPObjectStore<MendDB, any, 'case-rows', 'readwrite'>,
): CaseWriter {
  return {
    get: (id) => cases.get(id),
    put: async (c) => {
      await Promise.all([cases.put(c), rows.put(caseRowOf(c))]);
    },
    delete: async (id) => {
      await Promise.all([cases.delete(id), rows.delete(id)]);
    },
    putMany: (list) => {
      const rawCases = unwrap(cases);
      const rawRows = unwrap(rows);
      for (const c of list) {
        rawCases.put(c);
        rawRows.put(caseRowOf(c));
      }
    },
  };
}
