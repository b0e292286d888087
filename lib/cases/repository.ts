import { wrap, type IDBPTransaction } from 'idb';
import type { Analysis } from '../analysis/types';
import type { Platform, ReviewSnapshot } from '../sites/types';
import { CASE_WRITE_STORES, caseWriter, type CaseWriter } from './case-writer';
import { CasesError, abortWith, asCasesError } from './errors';
import { adoptEarlyOpen, openCaseKeys, type EarlyOpen } from './early-open';
import type {
  Case,
  CaseFlags,
  CaseLesson,
  CaseNote,
  CaseOutcome,
  CaseRisk,
  CaseState,
  ContactAttempt,
  ManualFacts,
  EvidenceItem,
  Remedy,
} from './types';
import { canTransition, isOpenState } from './types';
import type { CaseQuery } from './query';
import { isFiltered, rangeDecidesMatch, rowPredicate, stateHalves } from './query';
import type { CaseRow } from './derived';
import { deriveIndexFields } from './derived';
import type { MendDatabase, MendDB, StoredBlacklistEntry } from './schema';
import { CASES_DB_NAME, CASES_DB_VERSION, UPGRADES } from './schema';
import { newCase, opensCaseAutomatically, refreshFromSnapshot, withDerived } from './snapshot';
import { unpackBucket, type StatsEntry } from './stats-entry';

export interface OpenCasesDbOptions {
  /** Defaults to the global `indexedDB`; tests pass a fresh fake-indexeddb factory. */
  factory?: IDBFactory;
  name?: string;
  /** Another tab keeps an older version open; the open waits until it closes. Tell the seller. */
  onBlocked?: () => void;
  /** This connection was closed: a newer version wants to upgrade, or the browser dropped it. */
  onClosed?: (reason: 'versionchange' | 'terminated') => void;
  /**
   * Check that the compact rows match the cases (two counts; a rebuild if not). The background,
   * which owns the store, does it when it starts; the popup skips it to open at once.
   */
  reconcile?: boolean;
  /** A connection the popup's first script began opening: taken over if it opened, else ignored. */
  early?: EarlyOpen;
}

export interface RecordSeenResult {
  case: Case | null;
  created: boolean;
}

export interface ContactInput {
  channel: ContactAttempt['channel'];
  outcome: ContactAttempt['outcome'];
  at?: number;
  note?: string;
}

export interface RemedyInput {
  kind: Remedy['kind'];
  amount?: number;
  currency?: string;
  at?: number;
  note?: string;
}

export type CaseChangeListener = (ids: string[]) => void;


/**
 * Opens the database with the whole upgrade path. idb's `openDB` always uses the global factory, so
 * this is the same dance with an injectable one.
 */
async function openDatabase(
  factory: IDBFactory,
  name: string,
  options: OpenCasesDbOptions,
  onVersionChange: () => void,
): Promise<MendDatabase> {
  const adopted = options.early ? await adoptEarlyOpen(options.early) : null;
  const opened = adopted ? Promise.resolve(wrap(adopted) as unknown as MendDatabase) : requestOpen(factory, name, options);
  return opened.then(
    (db) => {
      db.addEventListener('versionchange', () => {
        // Let the newer version proceed; this connection is done.
        db.close();
        onVersionChange();
      });
      db.addEventListener('close', () => options.onClosed?.('terminated'));
      return db;
    },
    (error) => {
      throw asCasesError(error);
    },
  );
}

/** Opens the store, running the upgrade steps from whatever version it is at. */
function requestOpen(factory: IDBFactory, name: string, options: OpenCasesDbOptions): Promise<MendDatabase> {
  const request = factory.open(name, CASES_DB_VERSION);
  const opened = wrap(request) as unknown as Promise<MendDatabase>;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as MendDatabase;
    const tx = wrap(request.transaction!) as unknown as Parameters<(typeof UPGRADES)[number]>[1];
    const steps = (async () => {
      for (let version = event.oldVersion; version < CASES_DB_VERSION; version++) {
        // Only wait on steps that do async work: an idle await could let the transaction commit early.
        const pending = UPGRADES[version](db, tx);
        if (pending) await pending;
      }
    })();
    // A failing step must abort the upgrade rather than leave a half-migrated database behind.
    steps.catch((error) => {
      console.error('Mend: case store upgrade failed', error);
      try {
        request.transaction?.abort();
      } catch {
        // Already finished or aborted: the open request reports the failure itself.
      }
    });
  });
  request.addEventListener('blocked', () => options.onBlocked?.());
  return opened;
}

export async function openCasesDb(options: OpenCasesDbOptions = {}): Promise<CasesRepository> {
  const factory = options.factory ?? globalThis.indexedDB;
  if (!factory) throw new CasesError('storage', 'IndexedDB is not available in this context');
  let repository: CasesRepository | undefined;
  const db = await openDatabase(factory, options.name ?? CASES_DB_NAME, options, () => {
    repository?.markClosed();
    options.onClosed?.('versionchange');
  });
  repository = new CasesRepository(db);
  if (options.reconcile !== false) await repository.reconcileRows();
  return repository;
}


function newId(): string {
  return crypto.randomUUID();
}

function asArray<T>(value: T | readonly T[]): T[] {
  return Array.isArray(value) ? [...value] : [value as T];
}

export class CasesRepository {
  private closed = false;
  private readonly listeners = new Set<CaseChangeListener>();

  constructor(private readonly db: MendDatabase) {}

  /**
   * Makes the compact rows match the cases again if something wrote cases around the repository
   * (a raw seeding helper, devtools). Two counts when all is well, which is every ordinary open.
   */
  async reconcileRows(): Promise<{ added: number; removed: number }> {
    const db = this.database();
    const [caseCount, rowCount] = await Promise.all([db.count('cases'), db.count('case-rows')]);
    if (caseCount === rowCount) return { added: 0, removed: 0 };
    return this.rebuildRows();
  }

  /**
   * Writes again (row, statistics and text) every case missing its row, and deletes what is left of
   * cases that are gone. A case missing only its text needs no rebuild: the export then reads the cases.
   */
  private async rebuildRows(): Promise<{ added: number; removed: number }> {
    const tx = this.database().transaction(CASE_WRITE_STORES, 'readwrite');
    tx.done.catch(() => undefined);
    try {
      const cases = tx.objectStore('cases');
      const rows = tx.objectStore('case-rows');
      const [caseKeys, rowKeys] = await Promise.all([cases.getAllKeys(), rows.getAllKeys()]);
      const haveRow = new Set(rowKeys);
      const haveCase = new Set(caseKeys);
      const writer = writerOf(tx);
      let added = 0;
      let removed = 0;
      for (const id of caseKeys) {
        if (haveRow.has(id)) continue;
        const c = await cases.get(id);
        if (c) {
          await writer.put(deriveIndexFields(c));
          added++;
        }
      }
      for (const id of rowKeys) {
        if (haveCase.has(id)) continue;
        await writer.delete(id);
        removed++;
      }
      await tx.done;
      return { added, removed };
    } catch (error) {
      throw asCasesError(error);
    }
  }

  /** Called when the connection had to close for an upgrade; every later call fails with `closed`. */
  markClosed(): void {
    this.closed = true;
  }

  close(): void {
    this.closed = true;
    this.db.close();
  }

  /** Called after every committed write with the ids that changed (deleted ones included). */
  onChange(listener: CaseChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private database(): MendDatabase {
    if (this.closed) {
      throw new CasesError('closed', 'The case store was closed for an upgrade; reload this page');
    }
    return this.db;
  }

  /**
   * One readwrite transaction around a read-modify-write: IndexedDB serializes overlapping readwrite
   * transactions on a store, across tabs too, so concurrent writers never lose each other's updates.
   * Any failure, ours or the store's, aborts the whole transaction and is rethrown.
   */
  private async writeCases<T>(work: (store: CaseWriter) => Promise<T>, changed: (result: T) => string[]): Promise<T> {
    const tx = this.database().transaction(CASE_WRITE_STORES, 'readwrite');
    // The rejection is observed below through `work` or `tx.done`; this only prevents an unhandled one.
    tx.done.catch(() => undefined);
    let result: T;
    try {
      result = await work(writerOf(tx));
      await tx.done;
    } catch (error) {
      throw abortWith(tx, error);
    }
    const ids = changed(result);
    if (ids.length) for (const listener of this.listeners) listener(ids);
    return result;
  }

  private async read<T>(work: (db: MendDatabase) => Promise<T>): Promise<T> {
    try {
      return await work(this.database());
    } catch (error) {
      throw asCasesError(error);
    }
  }

  /** Read-modify-write of one existing case. */
  private mutate(id: string, change: (c: Case, now: number) => void, now = Date.now()): Promise<Case> {
    return this.writeCases(
      async (store) => {
        const current = await store.get(id);
        if (!current) throw new CasesError('not_found', `No case ${id}`);
        change(current, now);
        withDerived(current, now);
        await store.put(current);
        return current;
      },
      (c) => [c.id],
    );
  }

  /**
   * A review was seen on a page. Updates its case if there is one; otherwise opens one for a
   * medium/bad review when `autoOpen` is on. Never creates a duplicate: the id is the review's.
   */
  async recordSeen(
    snapshot: ReviewSnapshot,
    analysis: Analysis,
    opts: { autoOpen: boolean; now?: number },
  ): Promise<RecordSeenResult> {
    const [result] = await this.recordSeenMany([{ snapshot, analysis }], opts);
    return result;
  }

  /** The same for a whole page of reviews, in one transaction. */
  recordSeenMany(
    items: ReadonlyArray<{ snapshot: ReviewSnapshot; analysis: Analysis }>,
    opts: { autoOpen: boolean; now?: number },
  ): Promise<RecordSeenResult[]> {
    const now = opts.now ?? Date.now();
    return this.writeCases(
      async (store) => {
        const results: RecordSeenResult[] = [];
        for (const { snapshot, analysis } of items) {
          const existing = await store.get(`${snapshot.platform}:${snapshot.reviewId}`);
          if (existing) {
            const updated = refreshFromSnapshot(existing, snapshot, analysis, now);
            await store.put(updated);
            results.push({ case: updated, created: false });
          } else if (opts.autoOpen && opensCaseAutomatically(snapshot, analysis)) {
            const created = newCase(snapshot, analysis, now);
            await store.put(created);
            results.push({ case: created, created: true });
          } else {
            results.push({ case: null, created: false });
          }
        }
        return results;
      },
      (results) => results.flatMap((r) => (r.case ? [r.case.id] : [])),
    );
  }

  /** The seller asked to track this review, whatever its rating. */
  async track(snapshot: ReviewSnapshot, analysis: Analysis, now = Date.now()): Promise<Case> {
    return this.writeCases(
      async (store) => {
        const existing = await store.get(`${snapshot.platform}:${snapshot.reviewId}`);
        const c = existing
          ? refreshFromSnapshot(existing, snapshot, analysis, now)
          : newCase(snapshot, analysis, now);
        await store.put(c);
        return c;
      },
      (c) => [c.id],
    );
  }

  get(id: string): Promise<Case | undefined> {
    return this.read((db) => db.get('cases', id));
  }

  /** Every case in full. For statistics prefer statsEntries(), which reads far less. */
  all(): Promise<Case[]> {
    return this.read((db) => db.getAll('cases'));
  }

  /** The compact row of every case. */
  rows(): Promise<CaseRow[]> {
    return this.read((db) => db.getAll('case-rows'));
  }

  /** The statistics entry of every case: what computeStats needs, a few hundred records to read. */
  statsEntries(): Promise<StatsEntry[]> {
    return this.read(async (db) => (await db.getAll('case-stats')).flatMap((packed) => unpackBucket<StatsEntry>(packed)));
  }

  /**
   * Stores already-built cases as they are (generated data, a restore), derived fields recomputed,
   * in one transaction. Ordinary work goes through the workflow methods instead.
   */
  saveMany(cases: readonly Case[]): Promise<string[]> {
    return this.writeCases(
      async (store) => {
        await store.putMany(cases.map(deriveIndexFields));
        return cases.map((c) => c.id);
      },
      (ids) => ids,
    );
  }

  /**
   * A page of cases in urgency (or recency) order. Reads an index in growing chunks and stops as
   * soon as the page is full, so the first page costs one small read even with 50,000 cases.
   * Filters and search run over the compact rows; only the page's cases are then read in full.
   */
  list(query: CaseQuery = {}): Promise<Case[]> {
    const offset = Math.max(0, query.offset ?? 0);
    const limit = query.limit ?? Number.POSITIVE_INFINITY;
    const filtered = isFiltered(query);
    const halves = stateHalves(query);
    return this.read(async (db) => {
      if (limit <= 0 || (!halves.open && !halves.closed)) return [];
      // urgencyKey starts with 0 for open cases and 1 for closed ones: skip the half no state can match.
      const range =
        query.sort === 'updated' || (halves.open && halves.closed)
          ? null
          : IDBKeyRange.bound([halves.open ? 0 : 1], [halves.closed ? 2 : 1], false, true);
      const indexName = query.sort === 'updated' ? 'by-recent' : 'by-urgency';
      const keyOf = (item: CaseRow) => (query.sort === 'updated' ? item.recentKey : item.urgencyKey);
      const tx = db.transaction(['cases', 'case-rows'], 'readonly');
      const page: CaseRow[] = [];
      const accept = filtered ? rowPredicate(query) : () => true;
      let skipped = 0;
      const take = (row: CaseRow): boolean => {
        if (!accept(row)) return false;
        if (skipped < offset) {
          skipped++;
          return false;
        }
        page.push(row);
        return page.length >= limit;
      };
      // When every row in the range is taken, read exactly the page first (the popup's first rows);
      // otherwise start with a larger chunk, as many rows may be passed over.
      const firstChunk = rangeDecidesMatch(query) ? Math.min(offset + limit, 5000) : 1000;
      await readInChunks(tx.objectStore('case-rows').index(indexName), range, keyOf, firstChunk, take);
      return fullCases(tx.objectStore('cases'), page);
    });
  }

  /** Open cases, for the toolbar badge. */
  countOpen(): Promise<number> {
    return this.read((db) => db.countFromIndex('case-rows', 'by-urgency', openCaseKeys()));
  }

  /** Open cases whose earliest deadline is at or before `until`, most urgent first (for reminders). */
  listDueBefore(until: number): Promise<Case[]> {
    // [0, until, []] sorts after every [0, until, id]: arrays come after strings in key order.
    return this.casesAlong('by-urgency', IDBKeyRange.bound([0], [0, until, []]));
  }

  /** The cases of one buyer on one platform, for the critic-risk history. */
  listByBuyer(platform: Platform, buyerNick: string): Promise<Case[]> {
    return this.casesAlong('by-buyer', IDBKeyRange.only([platform, buyerNick]));
  }

  /** The full cases whose rows an index range holds, in the index's order. */
  private casesAlong(index: 'by-urgency' | 'by-buyer', range: IDBKeyRange): Promise<Case[]> {
    return this.read(async (db) => {
      const tx = db.transaction(['cases', 'case-rows'], 'readonly');
      const ids = await tx.objectStore('case-rows').index(index).getAllKeys(range);
      return fullCases(tx.objectStore('cases'), ids.map((id) => ({ id })));
    });
  }

  /** Logs a contact attempt; the first one answers the SLA and moves a new case to `contacted`. */
  logContact(id: string, input: ContactInput, now = Date.now()): Promise<Case> {
    return this.mutate(
      id,
      (c) => {
        const attempt: ContactAttempt = { id: newId(), channel: input.channel, at: input.at ?? now, outcome: input.outcome };
        if (input.note) attempt.note = input.note;
        c.contacts.push(attempt);
        c.contacts.sort((a, b) => a.at - b.at);
        c.firstResponseAt = Math.min(c.firstResponseAt ?? Number.POSITIVE_INFINITY, attempt.at);
        if (c.state === 'new') moveState(c, 'contacted', now);
      },
      now,
    );
  }

  /** Records a remedy; offering one moves an earlier case to `remedy_offered`. */
  addRemedy(id: string, input: RemedyInput, now = Date.now()): Promise<Case> {
    if (input.amount !== undefined && !(Number.isFinite(input.amount) && input.amount >= 0)) {
      return Promise.reject(new CasesError('invalid_input', `Remedy amount must be a non-negative number`));
    }
    return this.mutate(
      id,
      (c) => {
        const remedy: Remedy = { id: newId(), kind: input.kind, at: input.at ?? now };
        if (input.amount !== undefined) remedy.amount = input.amount;
        if (input.currency) remedy.currency = input.currency.toUpperCase();
        if (input.note) remedy.note = input.note;
        c.remedies.push(remedy);
        if (c.state === 'new' || c.state === 'contacted') moveState(c, 'remedy_offered', now);
      },
      now,
    );
  }

  addNote(id: string, text: string, now = Date.now()): Promise<Case> {
    if (!text.trim()) return Promise.reject(new CasesError('invalid_input', 'A note needs some text'));
    return this.mutate(
      id,
      (c) => {
        const note: CaseNote = { id: newId(), at: now, text };
        c.notes.push(note);
      },
      now,
    );
  }

  /** Moves a case along CASE_TRANSITIONS; anything else is refused. `reviewed` needs a lesson first. */
  setState(id: string, to: CaseState, now = Date.now()): Promise<Case> {
    return this.mutate(
      id,
      (c) => {
        if (to === 'reviewed' && !c.lesson) {
          throw new CasesError('invalid_transition', `Case ${id} needs a root cause and improvement before review`);
        }
        moveState(c, to, now);
      },
      now,
    );
  }

  /**
   * Closes a case with its outcome and, when given, the lesson, which also marks it reviewed.
   * A case already closed may receive its lesson later through this call.
   */
  closeCase(
    id: string,
    closing: { outcome: CaseOutcome; lesson?: Omit<CaseLesson, 'at'> },
    now = Date.now(),
  ): Promise<Case> {
    return this.mutate(
      id,
      (c) => {
        const target: CaseState = closing.outcome === 'revised' ? 'revised' : 'closed_unrevised';
        if (c.state !== target) moveState(c, target, now);
        if (closing.lesson) {
          if (!closing.lesson.improvement.trim()) {
            throw new CasesError('invalid_input', 'The lesson needs an improvement action');
          }
          c.lesson = { rootCause: closing.lesson.rootCause, improvement: closing.lesson.improvement, at: now };
          moveState(c, 'reviewed', now);
        }
      },
      now,
    );
  }

  /** Sets (or clears, with null) the next follow-up; a new time drops any snooze. */
  setFollowUp(id: string, at: number | null, now = Date.now()): Promise<Case> {
    return this.mutate(
      id,
      (c) => {
        if (at === null) delete c.nextFollowUpAt;
        else c.nextFollowUpAt = at;
        delete c.snoozedUntil;
      },
      now,
    );
  }

  snooze(id: string, until: number, now = Date.now()): Promise<Case> {
    return this.mutate(id, (c) => void (c.snoozedUntil = until), now);
  }

  setFlags(id: string, flags: Partial<CaseFlags>, now = Date.now()): Promise<Case> {
    return this.mutate(
      id,
      (c) => {
        Object.assign(c.flags, flags);
        if (flags.publicReplyPosted) c.firstResponseAt ??= now;
      },
      now,
    );
  }

  setRisk(id: string, risk: CaseRisk | null, now = Date.now()): Promise<Case> {
    return this.mutate(
      id,
      (c) => {
        if (risk) c.risk = structuredClone(risk);
        else delete c.risk;
      },
      now,
    );
  }

  setManualFacts(id: string, facts: ManualFacts, now = Date.now()): Promise<Case> {
    return this.mutate(
      id,
      (c) => {
        for (const [key, value] of Object.entries(facts) as [keyof ManualFacts, unknown][]) {
          if (value === undefined) delete c.manualFacts[key];
          else (c.manualFacts as Record<string, unknown>)[key] = value;
        }
      },
      now,
    );
  }

  markEvidence(id: string, item: EvidenceItem, done: boolean, now = Date.now()): Promise<Case> {
    return this.mutate(
      id,
      (c) => {
        if (done) c.evidenceChecklist[item] = now;
        else delete c.evidenceChecklist[item];
      },
      now,
    );
  }

  delete(ids: string | readonly string[]): Promise<string[]> {
    const list = asArray(ids);
    return this.writeCases(
      async (store) => {
        for (const id of list) await store.delete(id);
        return list;
      },
      (deleted) => deleted,
    );
  }

  putBlacklist(entries: readonly StoredBlacklistEntry[]): Promise<void> {
    return this.read(async (db) => {
      const tx = db.transaction('blacklist', 'readwrite');
      tx.done.catch(() => undefined);
      for (const entry of entries) await tx.store.put(entry);
      await tx.done;
    });
  }

  listBlacklist(): Promise<StoredBlacklistEntry[]> {
    return this.read((db) => db.getAll('blacklist'));
  }

  getBlacklisted(platform: Platform, nick: string): Promise<StoredBlacklistEntry | undefined> {
    return this.read((db) => db.get('blacklist', [platform, nick]));
  }

  removeBlacklist(platform: Platform, nick: string): Promise<void> {
    return this.read((db) => db.delete('blacklist', [platform, nick]));
  }

  /** For export/import, which need both stores in one transaction. */
  get rawDatabase(): MendDatabase {
    return this.database();
  }
}

function writerOf(tx: IDBPTransaction<MendDB, typeof CASE_WRITE_STORES, 'readwrite'>): CaseWriter {
  return caseWriter(tx.objectStore('cases'), tx.objectStore('case-rows'), tx.objectStore('case-stats'));
}

/** The full cases of some rows, in their order; all requests go out at once. */
async function fullCases(cases: { get(id: string): Promise<Case | undefined> }, rows: ReadonlyArray<{ id: string }>): Promise<Case[]> {
  const full = await Promise.all(rows.map((row) => cases.get(row.id)));
  return full.filter((c): c is Case => c !== undefined);
}

/** Applies a validated state change and keeps the timeline and closing fields consistent. */
function moveState(c: Case, to: CaseState, now: number): void {
  if (c.state === to) return;
  if (!canTransition(c.state, to)) {
    throw new CasesError('invalid_transition', `Case ${c.id} cannot move from ${c.state} to ${to}`);
  }
  c.history.push({ from: c.state, to, at: now });
  c.state = to;
  if (to === 'revised') c.outcome = 'revised';
  if (to === 'closed_unrevised') c.outcome = 'unrevised';
  if (isOpenState(to)) {
    delete c.outcome;
    delete c.closedAt;
  } else {
    c.closedAt ??= now;
  }
}

/**
 * Reads an index whose keys are unique in ascending order, `chunk` values at a time (doubling up to
 * a cap), until `visit` says stop. getAll in chunks is far cheaper than a cursor step per record.
 */
async function readInChunks<T>(
  index: { getAll(range?: IDBKeyRange | null, count?: number): Promise<T[]> },
  range: IDBKeyRange | null,
  keyOf: (item: T) => IDBValidKey,
  chunk: number,
  visit: (item: T) => boolean,
): Promise<void> {
  let current = range;
  let size = Math.max(1, chunk);
  for (;;) {
    const batch = await index.getAll(current, size);
    for (const item of batch) if (visit(item)) return;
    if (batch.length < size) return;
    const last = keyOf(batch[batch.length - 1]);
    current =
      range?.upper === undefined
        ? IDBKeyRange.lowerBound(last, true)
        : IDBKeyRange.bound(last, range.upper, true, range.upperOpen);
    size = Math.min(size * 2, 5000);
  }
}
