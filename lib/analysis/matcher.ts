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
}

export interface Match {
  start: number;
  end: number;
  entry: Entry;
}

/** A lexicon compiled for scanning: candidates are looked up by their first two characters. */
export interface CompiledLexicon {
  byPair: Map<number, Entry[]>;
  bySingle: Map<number, Entry[]>;
  negators: Set<string>;
  fillers: Set<string>;
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
  const byPair = new Map<number, Entry[]>();
  const bySingle = new Map<number, Entry[]>();
  const add = (raw: string, role: Role, cause: CauseId | undefined): void => {
    const { text, weight, wordEnd } = parseItem(raw);
    const entry: Entry = { text, role, cause, weight, latin, wordEnd };
    if (text.length === 1) {
      const key = text.charCodeAt(0);
      const list = bySingle.get(key) ?? [];
      list.push(entry);
      bySingle.set(key, list);
    } else {
      const key = text.charCodeAt(0) * 65536 + text.charCodeAt(1);
      const list = byPair.get(key) ?? [];
      list.push(entry);
      byPair.set(key, list);
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
  for (const list of [...byPair.values(), ...bySingle.values()]) list.sort((a, b) => b.text.length - a.text.length);
  const strip = (item: string): string => parseItem(item).text;
  const negators = new Set(splitList(spec.negators).map(strip));
  const fillers = new Set(splitList(spec.fillers).map(strip));
  let maxAffix = 1;
  for (const item of [...negators, ...fillers]) maxAffix = Math.max(maxAffix, item.length);
  return { byPair, bySingle, negators, fillers, maxAffix, latin };
}

function accepts(text: string, at: number, entry: Entry): boolean {
  if (!text.startsWith(entry.text, at)) return false;
  if (!entry.latin) return true;
  if (!entry.wordEnd) return true;
  const after = at + entry.text.length;
  return after >= text.length || !isLetter(text.charCodeAt(after));
}

/** Every lexicon entry occurring in `text` (overlaps included), in order of start. */
export function scan(text: string, lexicon: CompiledLexicon): Match[] {
  const matches: Match[] = [];
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (lexicon.latin) {
      if (!isLetter(code) && !(code >= 0x30 && code <= 0x39)) continue;
      if (i > 0 && isLetter(text.charCodeAt(i - 1))) continue;
    }
    if (i + 1 < length) {
      const list = lexicon.byPair.get(code * 65536 + text.charCodeAt(i + 1));
      if (list) for (const entry of list) if (accepts(text, i, entry)) matches.push({ start: i, end: i + entry.text.length, entry });
    }
    const single = lexicon.bySingle.get(code);
    if (single) for (const entry of single) if (accepts(text, i, entry)) matches.push({ start: i, end: i + 1, entry });
  }
  return matches;
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
