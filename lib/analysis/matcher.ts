import { CAUSE_IDS, type CauseId } from './types';
import type { LexiconSpec } from './lexicon/types';

/** What a lexicon entry does when it occurs (plain numbers: compared millions of times per second). */
export const Role = {
  Cue: 0,
  Aspect: 1,
  Negative: 2,
  Positive: 3,
  Contrast: 4,
  Concession: 5,
  Personal: 6,
  Other: 7,
  Extortion: 8,
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export interface Entry {
  text: string;
  role: Role;
  cause: CauseId | undefined;
  weight: number;
  /** Latin entries match only at a word start. */
  latin: boolean;
  /** ...and, with this flag, only up to a word end. */
  wordEnd: boolean;
  /** For a gapped cue "X*Y": Y, which must follow X within GAP characters of the same clause. */
  tail: string | undefined;
}

/** How many characters a gapped cue ("没有*配件") may skip between its two parts. */
const GAP = 6;

export interface Match {
  start: number;
  end: number;
  entry: Entry;
}

/** Entries starting with one character: one-character entries, and the longer ones by their second character. */
interface Bucket {
  single: Entry[];
  byNext: Map<number, Entry[]>;
}

/**
 * A lexicon compiled for scanning: candidates are looked up by their first, then second character
 * (two small-integer Map lookups; a packed 32-bit key would leave V8's fast integer path).
 */
export interface CompiledLexicon {
  buckets: Map<number, Bucket>;
  /** For each UTF-16 unit, 1 + the index in `bucketList` of the entries starting with it, or 0. */
  bucketIndex: Uint16Array;
  bucketList: Bucket[];
  /** 1 where some negator or filler ends with this unit: most negation checks stop at once. */
  endsAffix: Uint8Array;
  negators: Set<string>;
  fillers: Set<string>;
  /** Words naming the shop's own staff (see LexiconSpec.staff). */
  staff: Set<string>;
  maxAffix: number;
  latin: boolean;
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0xdf && code <= 0x24f) || code === 0x27;
}

function splitList(list: string): string[] {
  return list.split('|').filter((item) => item.length > 0);
}

function parseItem(raw: string): { text: string; weight: number; wordEnd: boolean } {
  let text = raw;
  let weight = 1;
  const colon = text.lastIndexOf(':');
  if (colon > 0 && /^[0-9.]+$/.test(text.slice(colon + 1))) {
    weight = Number(text.slice(colon + 1));
    text = text.slice(0, colon);
  }
  const wordEnd = text.endsWith('_');
  if (wordEnd) text = text.slice(0, -1);
  return { text, weight, wordEnd };
}

export function compileLexicon(spec: LexiconSpec, latin: boolean): CompiledLexicon {
  const buckets = new Map<number, Bucket>();
  const add = (raw: string, role: Role, cause: CauseId | undefined): void => {
    const parsed = parseItem(raw);
    const star = parsed.text.indexOf('*');
    const text = star > 0 ? parsed.text.slice(0, star) : parsed.text;
    const tail = star > 0 ? parsed.text.slice(star + 1) : undefined;
    const entry: Entry = { text, role, cause, weight: parsed.weight, latin, wordEnd: parsed.wordEnd, tail };
    const first = text.charCodeAt(0);
    let bucket = buckets.get(first);
    if (!bucket) {
      bucket = { single: [], byNext: new Map() };
      buckets.set(first, bucket);
    }
    if (text.length === 1) bucket.single.push(entry);
    else {
      const next = text.charCodeAt(1);
      const list = bucket.byNext.get(next) ?? [];
      list.push(entry);
      bucket.byNext.set(next, list);
    }
  };
  for (const cause of CAUSE_IDS) {
    const cues = spec.cues[cause as keyof LexiconSpec['cues']];
    if (cues) for (const item of splitList(cues)) add(item, Role.Cue, cause);
    const aspects = spec.aspects[cause as keyof LexiconSpec['aspects']];
    if (aspects) for (const item of splitList(aspects)) add(item, Role.Aspect, cause);
  }
  for (const item of splitList(spec.negative)) add(item, Role.Negative, undefined);
  for (const item of splitList(spec.positive)) add(item, Role.Positive, undefined);
  for (const item of splitList(spec.contrast)) add(item, Role.Contrast, undefined);
  for (const item of splitList(spec.concession)) add(item, Role.Concession, undefined);
  for (const item of splitList(spec.personal)) add(item, Role.Personal, 'personal');
  for (const item of splitList(spec.other)) add(item, Role.Other, 'other');
  for (const item of splitList(spec.extortion)) add(item, Role.Extortion, undefined);
  for (const bucket of buckets.values()) for (const list of bucket.byNext.values()) list.sort((a, b) => b.text.length - a.text.length);
  const strip = (item: string): string => parseItem(item).text;
  const negators = new Set(splitList(spec.negators).map(strip));
  const fillers = new Set(splitList(spec.fillers).map(strip));
  let maxAffix = 1;
  const endsAffix = new Uint8Array(0x10000);
  for (const item of [...negators, ...fillers]) {
    maxAffix = Math.max(maxAffix, item.length);
    endsAffix[item.charCodeAt(item.length - 1)] = 1;
  }
  const bucketIndex = new Uint16Array(0x10000);
  const bucketList: Bucket[] = [];
  for (const [key, bucket] of buckets) {
    bucketList.push(bucket);
    bucketIndex[key] = bucketList.length;
  }
  const staff = new Set(splitList(spec.staff).map(strip));
  return { staff, buckets, bucketIndex, bucketList, endsAffix, negators, fillers, maxAffix, latin };
}

function breaksClause(code: number): boolean {
  return code === 0x2c || code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3b || code === 0x0a || code === 0x7e;
}

/** End of the entry's occurrence at `at`, or -1. */
function matchEnd(text: string, at: number, entry: Entry): number {
  if (!text.startsWith(entry.text, at)) return -1;
  let end = at + entry.text.length;
  if (entry.tail !== undefined) {
    const limit = Math.min(text.length, end + GAP + entry.tail.length);
    let found = -1;
    for (let j = end; j + entry.tail.length <= limit; j++) {
      if (breaksClause(text.charCodeAt(j))) break;
      if (text.startsWith(entry.tail, j)) {
        found = j;
        break;
      }
    }
    if (found < 0) return -1;
    end = found + entry.tail.length;
  }
  if (entry.latin && entry.wordEnd && end < text.length && isLetter(text.charCodeAt(end))) return -1;
  return end;
}

/** Every lexicon entry occurring in `text` (overlaps included), in order of start. */
export function scan(text: string, lexicon: CompiledLexicon): Match[] {
  const matches: Match[] = [];
  const length = text.length;
  const { bucketIndex, bucketList } = lexicon;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const index = bucketIndex[code];
    if (index === 0) continue;
    if (lexicon.latin) {
      if (!isLetter(code) && !(code >= 0x30 && code <= 0x39)) continue;
      if (i > 0 && isLetter(text.charCodeAt(i - 1))) continue;
    }
    const bucket = bucketList[index - 1];
    if (i + 1 < length) {
      const list = bucket.byNext.get(text.charCodeAt(i + 1));
      if (list) pushMatches(text, i, list, matches);
    }
    if (bucket.single.length > 0) pushMatches(text, i, bucket.single, matches);
  }
  return matches;
}

function pushMatches(text: string, at: number, candidates: Entry[], matches: Match[]): void {
  for (const entry of candidates) {
    const end = matchEnd(text, at, entry);
    if (end >= 0) matches.push({ start: at, end, entry });
  }
}

/**
 * Whether the words right before `at` (inside the clause starting at `floor`) negate what follows:
 * a negator, optionally followed by up to three fillers (不算差, 没有什么色差, not too bad, nicht so schlecht).
 */
export function isNegated(text: string, at: number, floor: number, lexicon: CompiledLexicon): boolean {
  let position = at;
  for (let step = 0; step < 4; step++) {
    if (lexicon.latin) while (position > floor && text.charCodeAt(position - 1) === 0x20) position--;
    if (position <= floor) return false;
    if (lexicon.endsAffix[text.charCodeAt(position - 1)] === 0) return false;
    if (endsWithItem(text, position, floor, lexicon.negators, lexicon)) return true;
    const filler = endsWithItem(text, position, floor, lexicon.fillers, lexicon);
    if (!filler) return false;
    position -= filler;
  }
  return false;
}

/** Length of the longest item of `items` ending at `position`, or 0. */
function endsWithItem(text: string, position: number, floor: number, items: Set<string>, lexicon: CompiledLexicon): number {
  for (let length = Math.min(lexicon.maxAffix, position - floor); length >= 1; length--) {
    const from = position - length;
    if (lexicon.latin && from > floor && isLetter(text.charCodeAt(from - 1))) continue;
    if (items.has(text.slice(from, position))) return length;
  }
  return 0;
}
