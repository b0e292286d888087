import { CAUSE_IDS } from '../analysis/types';
import type { Platform, Rating } from '../sites/types';
import type { StoredBlacklistEntry } from './schema';
import type { Case } from './types';
import {
  CASE_STATES,
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  DERIVED_FIELDS,
  EVIDENCE_ITEMS,
  REMEDY_KINDS,
  caseIdOf,
} from './types';
import { deriveIndexFields } from './derived';

const PLATFORMS: readonly Platform[] = [
  'qianniu',
  'taobao_classic',
  'pinduoduo',
  'douyin',
  'jd',
  'kuaishou',
  'otto',
  'amazon',
  'generic',
];
const RATINGS: readonly Rating[] = ['good', 'medium', 'bad', 'unknown'];

/** A value in an imported file that is not what Mend wrote; `path` points at it, e.g. `cases[3].state`. */
export class InvalidRecordError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'InvalidRecordError';
  }
}

type Json = Record<string, unknown>;

/**
 * A small strict reader: every accessor checks the type, and `done()` refuses keys nobody asked
 * for, so a foreign or tampered file cannot smuggle fields into the store.
 */
class Reader {
  private readonly asked: string[] = [];
  private present = 0;

  constructor(
    private readonly value: Json,
    readonly path: string,
  ) {}

  static of(value: unknown, path: string): Reader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InvalidRecordError(path, 'expected an object');
    }
    return new Reader(value as Json, path);
  }

  /** Each key is asked for once; counting the present ones is enough to spot extra keys in done(). */
  private take(key: string): unknown {
    this.asked.push(key);
    if (!Object.prototype.hasOwnProperty.call(this.value, key)) return undefined;
    this.present++;
    return this.value[key];
  }

  fail(key: string, detail: string): never {
    throw new InvalidRecordError(`${this.path}.${key}`, detail);
  }

  optional<T>(key: string, read: (value: unknown, path: string) => T): T | undefined {
    const value = this.take(key);
    return value === undefined ? undefined : read(value, `${this.path}.${key}`);
  }

  required<T>(key: string, read: (value: unknown, path: string) => T): T {
    const value = this.take(key);
    if (value === undefined) this.fail(key, 'missing');
    return read(value, `${this.path}.${key}`);
  }

  done(): void {
    const keys = Object.keys(this.value);
    if (keys.length === this.present) return;
    const unknown = keys.find((key) => !this.asked.includes(key));
    throw new InvalidRecordError(`${this.path}.${unknown}`, 'unknown field');
  }
}

const str = (value: unknown, path: string): string => {
  if (typeof value !== 'string') throw new InvalidRecordError(path, 'expected text');
  return value;
};
const nonEmpty = (value: unknown, path: string): string => {
  const s = str(value, path);
  if (!s) throw new InvalidRecordError(path, 'must not be empty');
  return s;
};
const num = (value: unknown, path: string): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidRecordError(path, 'expected a number');
  return value;
};
const time = (value: unknown, path: string): number => {
  const n = num(value, path);
  if (n < 0 || !Number.isInteger(n)) throw new InvalidRecordError(path, 'expected a time in milliseconds');
  return n;
};
const offset = (value: unknown, path: string): number => {
  const n = num(value, path);
  if (n < 0 || !Number.isInteger(n)) throw new InvalidRecordError(path, 'expected a character offset');
  return n;
};
const nonNegative = (value: unknown, path: string): number => {
  const n = num(value, path);
  if (n < 0) throw new InvalidRecordError(path, 'must not be negative');
  return n;
};
const bool = (value: unknown, path: string): boolean => {
  if (typeof value !== 'boolean') throw new InvalidRecordError(path, 'expected true or false');
  return value;
};
const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (value: unknown, path: string): T => {
    if (typeof value !== 'string' || !allowed.includes(value as T)) {
      throw new InvalidRecordError(path, `expected one of ${allowed.join(', ')}`);
    }
    return value as T;
  };
const list =
  <T>(item: (value: unknown, path: string) => T) =>
  (value: unknown, path: string): T[] => {
    if (!Array.isArray(value)) throw new InvalidRecordError(path, 'expected a list');
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };
const object =
  <T>(read: (r: Reader) => T) =>
  (value: unknown, path: string): T => {
    const r = Reader.of(value, path);
    const result = read(r);
    r.done();
    return result;
  };
const span = (value: unknown, path: string): [number, number] => {
  if (!Array.isArray(value) || value.length !== 2) throw new InvalidRecordError(path, 'expected [start, end]');
  const [start, end] = value.map((v, i) => offset(v, `${path}[${i}]`));
  if (end < start) throw new InvalidRecordError(path, 'end before start');
  return [start, end];
};
const cause = oneOf(CAUSE_IDS);
const evidence = (value: unknown, path: string) => {
  const r = Reader.of(value, path);
  const result: Case['evidence'] = {};
  for (const key of CAUSE_IDS) {
    const spans = r.optional(key, spanList);
    if (spans) result[key] = spans;
  }
  r.done();
  return result;
};

/**
 * Copies only the keys that have a value, so optional fields stay absent rather than `undefined`.
 * Builds a new object instead of deleting keys: `delete` turns objects into slow dictionaries.
 */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

const product = object((r) =>
  compact({
    title: r.required('title', str),
    url: r.optional('url', str),
    id: r.optional('id', str),
    sku: r.optional('sku', str),
  }),
);

const contact = object((r) =>
  compact({
    id: r.required('id', nonEmpty),
    channel: r.required('channel', oneOf(CONTACT_CHANNELS)),
    at: r.required('at', time),
    outcome: r.required('outcome', oneOf(CONTACT_OUTCOMES)),
    note: r.optional('note', str),
  }),
);

const remedy = object((r) =>
  compact({
    id: r.required('id', nonEmpty),
    kind: r.required('kind', oneOf(REMEDY_KINDS)),
    amount: r.optional('amount', nonNegative),
    currency: r.optional('currency', (v, p) => {
      const c = str(v, p);
      if (!/^[A-Z]{3}$/.test(c)) throw new InvalidRecordError(p, 'expected a three-letter currency code');
      return c;
    }),
    at: r.required('at', time),
    note: r.optional('note', str),
  }),
);

const note = object((r) => ({ id: r.required('id', nonEmpty), at: r.required('at', time), text: r.required('text', str) }));

const state = oneOf(CASE_STATES);
const stateChange = object((r) => ({
  from: r.required('from', (v, p) => (v === null ? null : state(v, p))),
  to: r.required('to', state),
  at: r.required('at', time),
}));

const risk = object((r) => ({
  band: r.required('band', oneOf(['low', 'watch', 'high'] as const)),
  score: r.required('score', nonNegative),
  signals: r.required(
    'signals',
    list(
      object((s) =>
        compact({
          id: s.required('id', str),
          kind: s.required('kind', oneOf(['hard', 'soft'] as const)),
          source: s.required('source', str),
          detail: s.required('detail', str),
          weight: s.required('weight', num),
          // The wording key and its arguments, so the seller reads the signal in their language.
          messageKey: s.optional('messageKey', str),
          args: s.optional('args', list(str)),
          evidence: s.optional('evidence', spanList),
        }),
      ),
    ),
  ),
  assessedAt: r.required('assessedAt', time),
}));

const manualFacts = object((r) =>
  compact({
    chatBeforeOrder: r.optional('chatBeforeOrder', bool),
    secondsToPay: r.optional('secondsToPay', nonNegative),
    price: r.optional('price', nonNegative),
    daysToReview: r.optional('daysToReview', nonNegative),
  }),
);

const checklist = object((r) => {
  const marks: Case['evidenceChecklist'] = {};
  for (const item of EVIDENCE_ITEMS) {
    const at = r.optional(item, time);
    if (at !== undefined) marks[item] = at;
  }
  return marks;
});

const rating = oneOf(RATINGS);
const outcome = oneOf(['revised', 'unrevised'] as const);
const causeList = list(cause);
const spanList = list(span);
const historyList = list(stateChange);
const contactList = list(contact);
const remedyList = list(remedy);
const noteList = list(note);
const flags = object((f) => ({
  publicReplyPosted: f.required('publicReplyPosted', bool),
  appealFiled: f.required('appealFiled', bool),
}));
const lesson = object((l) => ({
  rootCause: l.required('rootCause', cause),
  improvement: l.required('improvement', str),
  at: l.required('at', time),
}));

/**
 * Reads one exported case strictly: every field typed, enums checked, no unknown field, the id
 * matching platform and review id. Derived fields (DERIVED_FIELDS) are recomputed, never trusted.
 */
export function readExportedCase(value: unknown, path: string): Case {
  const r = Reader.of(value, path);
  const platform = r.required('platform', oneOf(PLATFORMS));
  const reviewId = r.required('reviewId', nonEmpty);
  const id = r.required('id', str);
  if (id !== caseIdOf(platform, reviewId)) r.fail('id', `must be "${caseIdOf(platform, reviewId)}"`);
  const c = compact({
    id,
    platform,
    reviewId,
    rating: r.required('rating', rating),
    initialRating: r.required('initialRating', rating),
    stars: r.optional('stars', nonNegative),
    causes: r.required('causes', causeList),
    evidence: r.required('evidence', evidence),
    negativity: r.required('negativity', nonNegative),
    extortion: r.required('extortion', bool),
    extortionEvidence: r.required('extortionEvidence', spanList),
    text: r.required('text', str),
    followUp: r.optional('followUp', str),
    buyerNick: r.optional('buyerNick', str),
    buyerCredit: r.optional('buyerCredit', str),
    orderId: r.optional('orderId', str),
    product: r.optional('product', product),
    reviewDate: r.optional('reviewDate', str),
    existingReply: r.optional('existingReply', str),
    canReply: r.required('canReply', bool),
    replyDaysLeft: r.optional('replyDaysLeft', nonNegative),
    replyDaysLeftReadAt: r.optional('replyDaysLeftReadAt', time),
    pageUrl: r.required('pageUrl', str),
    state: r.required('state', state),
    outcome: r.optional('outcome', outcome),
    history: r.required('history', historyList),
    flags: r.required('flags', flags),
    contacts: r.required('contacts', contactList),
    remedies: r.required('remedies', remedyList),
    notes: r.required('notes', noteList),
    lesson: r.optional('lesson', lesson),
    risk: r.optional('risk', risk),
    manualFacts: r.required('manualFacts', manualFacts),
    evidenceChecklist: r.required('evidenceChecklist', checklist),
    nextFollowUpAt: r.optional('nextFollowUpAt', time),
    snoozedUntil: r.optional('snoozedUntil', time),
    createdAt: r.required('createdAt', time),
    updatedAt: r.required('updatedAt', time),
    firstSeenAt: r.required('firstSeenAt', time),
    lastSeenAt: r.required('lastSeenAt', time),
    firstResponseAt: r.optional('firstResponseAt', time),
    closedAt: r.optional('closedAt', time),
  });
  // Derived fields may be present in a hand-made file; they are recomputed anyway.
  for (const field of DERIVED_FIELDS) r.optional(field, () => undefined);
  r.done();
  // Every field is present and checked: only the derived ones are left to compute.
  return deriveIndexFields(c as unknown as Case);
}

export function readBlacklistEntry(value: unknown, path: string): StoredBlacklistEntry {
  return object((r) => ({
    platform: r.required('platform', oneOf(PLATFORMS)),
    nick: r.required('nick', nonEmpty),
    reason: r.required('reason', str),
    addedAt: r.required('addedAt', str),
    addedBy: r.required('addedBy', str),
  }))(value, path);
}
