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

/**
 * Readers throw with the path below the value they were given; each level adds its own part on the
 * way out. A file of 50,000 valid cases then never builds a path string at all.
 */
function within(error: unknown, place: string): unknown {
  return error instanceof InvalidRecordError ? new InvalidRecordError(place + error.path, error.detail) : error;
}

const invalid = (detail: string) => new InvalidRecordError('', detail);

/**
 * Checks a value and returns it in normalized form. With `reuse`, a value that is already normalized
 * (keys in the normal order, nothing to drop) comes back as the same object instead of a copy: a
 * parsed file of 50,000 cases then allocates nothing twice. Only for values the caller owns.
 */
type Read<T> = (value: unknown, reuse: boolean) => T;
type Json = Record<string, unknown>;
const hasOwn = Object.prototype.hasOwnProperty;

const str = (value: unknown): string => {
  if (typeof value !== 'string') throw invalid('expected text');
  return value;
};
const nonEmpty = (value: unknown): string => {
  const s = str(value);
  if (!s) throw invalid('must not be empty');
  return s;
};
const num = (value: unknown): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid('expected a number');
  return value;
};
const time = (value: unknown): number => {
  const n = num(value);
  if (n < 0 || !Number.isInteger(n)) throw invalid('expected a time in milliseconds');
  return n;
};
const offset = (value: unknown): number => {
  const n = num(value);
  if (n < 0 || !Number.isInteger(n)) throw invalid('expected a character offset');
  return n;
};
const nonNegative = (value: unknown): number => {
  const n = num(value);
  if (n < 0) throw invalid('must not be negative');
  return n;
};
const bool = (value: unknown): boolean => {
  if (typeof value !== 'boolean') throw invalid('expected true or false');
  return value;
};
const oneOf = <T extends string>(allowed: readonly T[]): Read<T> => {
  const known = new Set<unknown>(allowed);
  const detail = `expected one of ${allowed.join(', ')}`;
  return (value) => {
    if (!known.has(value)) throw invalid(detail);
    return value as T;
  };
};
const list =
  <T>(item: Read<T>): Read<T[]> =>
  (value, reuse) => {
    if (!Array.isArray(value)) throw invalid('expected a list');
    let out: T[] | null = reuse ? null : new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      let checked: T;
      try {
        checked = item(value[i], reuse);
      } catch (error) {
        throw within(error, `[${i}]`);
      }
      if (out) out[i] = checked;
      else if (checked !== value[i]) {
        out = value.slice(0, i) as T[];
        out[i] = checked;
      }
    }
    return out ?? (value as T[]);
  };
const offsets = list(offset);
const span: Read<[number, number]> = (value, reuse) => {
  if (!Array.isArray(value) || value.length !== 2) throw invalid('expected [start, end]');
  const [start, end] = offsets(value, false);
  if (end < start) throw invalid('end before start');
  return reuse ? (value as [number, number]) : [start, end];
};

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One field of an object shape: its key, how to read it, and whether it must be there. */
interface Field {
  readonly key: string;
  readonly read: Read<unknown>;
  readonly required: boolean;
}
const required = (key: string, read: Read<unknown>): Field => ({ key, read, required: true });
const optional = (key: string, read: Read<unknown>): Field => ({ key, read, required: false });

/** A field that may appear (derived ones a hand-made file carries) but is recomputed, never read. */
const ignored: Read<undefined> = () => undefined;

/**
 * Reads the fields of a shape in order into an object that holds only keys with a value (absent
 * rather than `undefined`, and built key by key: `delete` would make it a slow dictionary). Any own
 * key the shape does not name is refused, so a foreign or tampered file cannot smuggle fields in.
 * With `reuse`, `value` itself is the result as long as it already is that object.
 */
function readFields(value: Json, fields: readonly Field[], reuse: boolean): Json {
  const keys = Object.keys(value);
  let out: Json | null = reuse ? null : {};
  let present = 0;
  for (let i = 0; i < fields.length; i++) {
    const { key, read, required: isRequired } = fields[i];
    if (!hasOwn.call(value, key)) {
      if (isRequired) throw new InvalidRecordError(`.${key}`, 'missing');
      continue;
    }
    const raw = value[key];
    // Out of order, holding undefined, or a field to drop: the normalized object is a new one.
    if (!out && (keys[present] !== key || raw === undefined || read === ignored)) out = fieldsBefore(value, fields, i);
    present++;
    if (raw === undefined) {
      if (isRequired) throw new InvalidRecordError(`.${key}`, 'missing');
      continue;
    }
    let checked: unknown;
    try {
      checked = read(raw, reuse);
    } catch (error) {
      throw within(error, `.${key}`);
    }
    if (!out) {
      if (checked === raw) continue;
      out = fieldsBefore(value, fields, i);
    }
    if (checked !== undefined) out[key] = checked;
  }
  if (keys.length !== present) {
    const unknown = keys.find((key) => !fields.some((field) => field.key === key));
    throw new InvalidRecordError(`.${unknown}`, 'unknown field');
  }
  return out ?? value;
}

/** A copy of the fields before `end`, all of which were found already normalized. */
function fieldsBefore(value: Json, fields: readonly Field[], end: number): Json {
  const out: Json = {};
  for (let i = 0; i < end; i++) {
    const key = fields[i].key;
    if (hasOwn.call(value, key)) out[key] = value[key];
  }
  return out;
}

const shape =
  <T>(fields: readonly Field[]): Read<T> =>
  (value, reuse) => {
    if (!isRecord(value)) throw invalid('expected an object');
    return readFields(value, fields, reuse) as T;
  };

const cause = oneOf(CAUSE_IDS);
const spanList = list(span);
const evidence = shape<Case['evidence']>(CAUSE_IDS.map((id) => optional(id, spanList)));

const product = shape([required('title', str), optional('url', str), optional('id', str), optional('sku', str)]);

const contact = shape([
  required('id', nonEmpty),
  required('channel', oneOf(CONTACT_CHANNELS)),
  required('at', time),
  required('outcome', oneOf(CONTACT_OUTCOMES)),
  optional('note', str),
]);

const currency = (value: unknown): string => {
  const c = str(value);
  if (!/^[A-Z]{3}$/.test(c)) throw invalid('expected a three-letter currency code');
  return c;
};
const remedy = shape([
  required('id', nonEmpty),
  required('kind', oneOf(REMEDY_KINDS)),
  optional('amount', nonNegative),
  optional('currency', currency),
  required('at', time),
  optional('note', str),
]);

const note = shape([required('id', nonEmpty), required('at', time), required('text', str)]);

const state = oneOf(CASE_STATES);
const stateChange = shape([required('from', (v) => (v === null ? null : state(v, false))), required('to', state), required('at', time)]);

const signal = shape([
  required('id', str),
  required('kind', oneOf(['hard', 'soft'] as const)),
  required('source', str),
  required('detail', str),
  required('weight', num),
  // The wording key and its arguments, so the seller reads the signal in their language.
  optional('messageKey', str),
  optional('args', list(str)),
  optional('evidence', spanList),
]);
const risk = shape([
  required('band', oneOf(['low', 'watch', 'high'] as const)),
  required('score', nonNegative),
  required('signals', list(signal)),
  required('assessedAt', time),
]);

const manualFacts = shape([
  optional('chatBeforeOrder', bool),
  optional('secondsToPay', nonNegative),
  optional('price', nonNegative),
  optional('daysToReview', nonNegative),
]);

const checklist = shape(EVIDENCE_ITEMS.map((item) => optional(item, time)));

const rating = oneOf(RATINGS);
const flags = shape([required('publicReplyPosted', bool), required('appealFiled', bool)]);
const lesson = shape([required('rootCause', cause), required('improvement', str), required('at', time)]);

const platform = oneOf(PLATFORMS);

/** A case's fields in the order the normalized case holds them (the digest depends on it). */
const CASE_FIELDS: readonly Field[] = [
  required('id', str),
  required('platform', platform),
  required('reviewId', nonEmpty),
  required('rating', rating),
  required('initialRating', rating),
  optional('stars', nonNegative),
  required('causes', list(cause)),
  required('evidence', evidence),
  required('negativity', nonNegative),
  required('extortion', bool),
  required('extortionEvidence', spanList),
  required('text', str),
  optional('followUp', str),
  optional('buyerNick', str),
  optional('buyerCredit', str),
  optional('orderId', str),
  optional('product', product),
  optional('reviewDate', str),
  optional('existingReply', str),
  required('canReply', bool),
  optional('replyDaysLeft', nonNegative),
  optional('replyDaysLeftReadAt', time),
  required('pageUrl', str),
  required('state', state),
  optional('outcome', oneOf(['revised', 'unrevised'] as const)),
  required('history', list(stateChange)),
  required('flags', flags),
  required('contacts', list(contact)),
  required('remedies', list(remedy)),
  required('notes', list(note)),
  optional('lesson', lesson),
  optional('risk', risk),
  required('manualFacts', manualFacts),
  required('evidenceChecklist', checklist),
  optional('nextFollowUpAt', time),
  optional('snoozedUntil', time),
  required('createdAt', time),
  required('updatedAt', time),
  required('firstSeenAt', time),
  required('lastSeenAt', time),
  optional('firstResponseAt', time),
  optional('closedAt', time),
  // Derived fields may be present in a hand-made file; they are recomputed anyway.
  ...DERIVED_FIELDS.map((field) => optional(field, ignored)),
];
/** platform, reviewId, then id: checked first, in the order a damaged identity is reported. */
const IDENTITY_FIELDS = [CASE_FIELDS[1], CASE_FIELDS[2], CASE_FIELDS[0]];

/**
 * Reads one exported case strictly: every field typed, enums checked, no unknown field, the id
 * matching platform and review id. Derived fields (DERIVED_FIELDS) are recomputed, never trusted.
 */
export function readExportedCase(value: unknown, path: string): Case {
  try {
    return readCase(value, false);
  } catch (error) {
    throw within(error, path);
  }
}

/**
 * Reads the cases of a parsed file (`place` names the list in messages, e.g. `cases`). The values
 * must belong to the caller: those already normalized become the cases themselves, derived fields added.
 */
export function readParsedCases(values: readonly unknown[], place: string): Case[] {
  const cases: Case[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) cases[i] = readParsedCase(values[i], `${place}[${i}]`);
  return cases;
}

/**
 * Reads one case of a parsed file, which must belong to the caller (see readParsedCases); `place`
 * names it in messages, e.g. `cases[3]`.
 */
export function readParsedCase(value: unknown, place: string): Case {
  try {
    return readCase(value, true);
  } catch (error) {
    throw within(error, place);
  }
}

function readCase(value: unknown, reuse: boolean): Case {
  if (!isRecord(value)) throw invalid('expected an object');
  for (const { key, read } of IDENTITY_FIELDS) {
    if (!hasOwn.call(value, key) || value[key] === undefined) throw new InvalidRecordError(`.${key}`, 'missing');
    try {
      read(value[key], false);
    } catch (error) {
      throw within(error, `.${key}`);
    }
  }
  const expected = caseIdOf(value.platform as Platform, value.reviewId as string);
  if (value.id !== expected) throw new InvalidRecordError('.id', `must be "${expected}"`);
  // Every field is present and checked: only the derived ones are left to compute.
  return deriveIndexFields(readFields(value, CASE_FIELDS, reuse) as unknown as Case);
}

const blacklistEntry = shape<StoredBlacklistEntry>([
  required('platform', platform),
  required('nick', nonEmpty),
  required('reason', str),
  required('addedAt', str),
  required('addedBy', str),
]);

export function readBlacklistEntry(value: unknown, path: string): StoredBlacklistEntry {
  try {
    return blacklistEntry(value, false);
  } catch (error) {
    throw within(error, path);
  }
}
