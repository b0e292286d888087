import type { Case } from './types';

/**
 * The store's name and version without its upgrade steps: the popup's first script opens the store
 * with them and must stay a few hundred bytes. schema.ts checks that UPGRADES matches the version.
 */
export const CASES_DB_NAME = 'mend';
export const CASES_DB_VERSION = 7;

/** Where the popup's first script leaves its connection for the popup's main module. */
export const EARLY_OPEN_KEY = '__mendEarlyOpen';

/**
 * A connection opened before the popup's own code has loaded, and the first page read on it.
 * Opened without upgrade steps: when the store needs an upgrade the early open aborts it, and the
 * main module opens (and upgrades) the store the usual way.
 */
export interface EarlyOpen {
  request: IDBOpenDBRequest;
  /** The connection closed (an upgrade elsewhere asked for it, or the browser dropped it) before it was adopted. */
  closed: boolean;
  /** Set once the main module takes the connection: from then on its own handlers answer versionchange. */
  adopted: boolean;
  /** The first open cases in urgency order, or null when the connection could not read them. */
  firstPage: Promise<Case[] | null>;
}

/** Every open case's urgencyKey starts with 0: [0] ≤ key < [1]. Built on use: IDBKeyRange may not exist at import. */
export const openCaseKeys = () => IDBKeyRange.bound([0], [1], false, true);

/**
 * The `limit` most urgent open cases, read with IndexedDB itself: the same answer as
 * `repository.list({ states: OPEN_STATES, limit })` (a unit test holds them together), in one
 * read-only transaction.
 */
export function readFirstOpenCases(db: IDBDatabase, limit: number): Promise<Case[]> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['case-rows', 'cases'], 'readonly');
    const cases = tx.objectStore('cases');
    const found: Array<Case | undefined> = [];
    const ids = tx.objectStore('case-rows').index('by-urgency').getAllKeys(openCaseKeys(), limit);
    ids.onsuccess = () => {
      (ids.result as string[]).forEach((id, i) => {
        const read = cases.get(id);
        read.onsuccess = () => (found[i] = read.result as Case | undefined);
      });
    };
    tx.oncomplete = () => resolve(found.filter((c): c is Case => c !== undefined));
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Starts opening the store and reading its first page; never throws (the main module falls back). */
export function startEarlyOpen(factory: IDBFactory, limit: number, name = CASES_DB_NAME): EarlyOpen {
  const request = factory.open(name, CASES_DB_VERSION);
  const early: EarlyOpen = { request, closed: false, adopted: false, firstPage: Promise.resolve(null) };
  early.firstPage = new Promise<IDBDatabase | null>((resolve) => {
    // Upgrades belong to code that knows them: roll this one back (a new store is not even created).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      // The abort above, or a real failure: either way the main module opens the store itself.
      event.preventDefault();
      resolve(null);
    };
    request.onsuccess = () => {
      const db = request.result;
      const letGo = () => {
        if (early.adopted) return;
        early.closed = true;
        db.close();
      };
      db.addEventListener('versionchange', letGo);
      db.addEventListener('close', letGo);
      resolve(db);
    };
  }).then((db) => (db && !early.closed ? readFirstOpenCases(db, limit).catch(() => null) : null));
  return early;
}

/**
 * Takes over an early connection: resolves with it once it is open, or with null when it failed,
 * closed, waits behind an upgrade, or was already taken — then the caller opens the store itself.
 */
export function adoptEarlyOpen(early: EarlyOpen): Promise<IDBDatabase | null> {
  const take = (): IDBDatabase | null => {
    if (early.adopted || early.closed || early.request.error) return null;
    early.adopted = true;
    return early.request.result;
  };
  if (early.request.readyState === 'done') return Promise.resolve(early.request.error ? null : take());
  return new Promise((resolve) => {
    early.request.addEventListener('success', () => resolve(take()));
    early.request.addEventListener('error', () => resolve(null));
    // Another connection holds an older version: this open can only end in the aborted upgrade.
    early.request.addEventListener('blocked', () => resolve(null));
  });
}
