import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitClauses } from '../../../lib/analysis/clauses';
import { DE } from '../../../lib/analysis/lexicon/de';
import { EN } from '../../../lib/analysis/lexicon/en';
import type { LexiconSpec } from '../../../lib/analysis/lexicon/types';
import { ZH } from '../../../lib/analysis/lexicon/zh';
import { compileLexicon, isNegated, Role, scan, type CompiledLexicon, type Entry, type Match } from '../../../lib/analysis/matcher';
import { normalize, originalSpan } from '../../../lib/analysis/normalize';
import { generatedTexts, unitTestTexts } from '../../tools/analysis-corpus';

/**
 * The analysis hot paths (table-driven normalisation, trie matcher, reversed-trie negation, clause
 * splitting) against plain definitions of what they must compute, on generated review-like texts.
 */

type Golden = { text: string; normalized: string; counts: number[]; spans: number[] };

describe('normalize', () => {
  it('folds text, counts scripts and maps every character back exactly as recorded before the table-driven rewrite', () => {
    const cases = JSON.parse(readFileSync(join(process.cwd(), 'test', 'unit', 'analysis', 'fixtures', 'normalize-golden.json'), 'utf8')) as Golden[];
    expect(cases.length).toBeGreaterThan(100);
    for (const { text, normalized, counts, spans } of cases) {
      const result = normalize(text);
      expect(result.text, JSON.stringify(text)).toBe(normalized);
      expect([result.traditional, result.simplified, result.han, result.latin, result.angryEmoji, result.happyEmoji]).toEqual(counts);
      const actual: number[] = [];
      for (let i = 0; i <= result.text.length; i++) actual.push(...originalSpan(result, i, i + 1));
      expect(actual, JSON.stringify(text)).toEqual(spans);
    }
  });

  it('keeps a text that needs no change as the same string, with spans that are the identity', () => {
    const text = 'quality is bad 质量差';
    const result = normalize(text);
    expect(result.text).toBe(text);
    expect(originalSpan(result, 3, 7)).toEqual([3, 7]);
    expect(originalSpan(result, text.length, text.length)).toEqual([text.length, text.length]);
  });
});

/** Texts as the matcher sees them: normalized generated texts, unit-test examples and their upper case. */
function matcherTexts(): string[] {
  const raw = [...generatedTexts(800, 4242).slice(0, 800), ...unitTestTexts()];
  return raw.map((text) => normalize(text).text);
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0xdf && code <= 0x24f) || code === 0x27;
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** End of `entry` at `at` by the lexicon rules as patterns: a gapped tail at most 6 characters on inside the clause, a word end where asked. */
function referenceEnd(text: string, at: number, entry: Entry): number {
  if (!text.startsWith(entry.text, at)) return -1;
  let end = at + entry.text.length;
  if (entry.tail !== undefined) {
    const gap = new RegExp(`[^,.!?;\\n~]{0,6}?(?=[^,.!?;\\n~])${escaped(entry.tail)}`, 'y');
    gap.lastIndex = end;
    if (!gap.test(text)) return -1;
    end = gap.lastIndex;
  }
  if (entry.latin && entry.wordEnd && /^[a-z\u00df-\u024f']/.test(text.slice(end, end + 1))) return -1;
  return end;
}

const byFirstUnit = new Map<CompiledLexicon, Map<string, Entry[]>>();

/** The lexicon's entries grouped by first character, in lexicon order: only to keep brute force affordable. */
function entriesStartingWith(lexicon: CompiledLexicon, first: string): Entry[] {
  let groups = byFirstUnit.get(lexicon);
  if (!groups) {
    groups = new Map();
    for (const entry of lexicon.nodeEntries) groups.set(entry.text[0], [...(groups.get(entry.text[0]) ?? []), entry]);
    byFirstUnit.set(lexicon, groups);
  }
  return groups.get(first) ?? [];
}

/** Every entry at every position, longer ones first at one position, by trying every entry there. */
function referenceScan(text: string, lexicon: CompiledLexicon): Array<[number, number, Entry]> {
  const found: Array<[number, number, Entry]> = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (lexicon.latin && ((!isLetter(code) && !(code >= 0x30 && code <= 0x39)) || (i > 0 && isLetter(text.charCodeAt(i - 1))))) continue;
    const here: Array<[number, number, Entry]> = [];
    for (const entry of entriesStartingWith(lexicon, text[i])) {
      const end = referenceEnd(text, i, entry);
      if (end >= 0) here.push([i, end, entry]);
    }
    here.sort((a, b) => b[2].text.length - a[2].text.length);
    found.push(...here);
  }
  return found;
}

function words(list: string): string[] {
  return list
    .split('|')
    .filter((item) => item.length > 0)
    .map((item) => item.replace(/:[0-9.]+$/, '').replace(/_$/, ''));
}

/**
 * Negation by its definition: a negator right before `at`, optionally through up to three fillers, inside
 * the clause, unless that negator is the end of a longer yes-no question frame (是不是太慢).
 */
function referenceNegated(text: string, at: number, floor: number, spec: LexiconSpec, latin: boolean): boolean {
  const negators = new Set(words(spec.negators));
  const fillers = new Set(words(spec.fillers));
  const questions = new Set(words(spec.questions ?? ''));
  const longest = Math.max(...[...negators, ...fillers, ...questions].map((item) => item.length));
  const endingHere = (position: number, items: Set<string>): number => {
    for (let length = Math.min(longest, position - floor); length >= 1; length--) {
      const from = position - length;
      if (latin && from > floor && isLetter(text.charCodeAt(from - 1))) continue;
      if (items.has(text.slice(from, position))) return length;
    }
    return 0;
  };
  let position = at;
  for (let step = 0; step < 4; step++) {
    if (latin) while (position > floor && text[position - 1] === ' ') position--;
    if (position <= floor) return false;
    const negator = endingHere(position, negators);
    if (negator > 0) return endingHere(position, questions) <= negator;
    const filler = endingHere(position, fillers);
    if (filler === 0) return false;
    position -= filler;
  }
  return false;
}

/** Clause starts by definition: after a run of sentence marks (and spaces in Chinese), and at the first contrast/concession marker of a position. */
function referenceClauses(text: string, matches: Match[], latin: boolean): { starts: number[]; contrasted: number[]; conceded: number[] } {
  const starts = [0];
  const contrasted = [0];
  const conceded = [0];
  const open = (i: number): void => {
    if (starts[starts.length - 1] === i) return;
    starts.push(i);
    contrasted.push(0);
    conceded.push(0);
  };
  let pending = false;
  for (let i = 0; i < text.length; i++) {
    const marker = matches.find((match) => match.start === i && (match.entry.role === Role.Contrast || match.entry.role === Role.Concession));
    if (marker) {
      open(i);
      (marker.entry.role === Role.Contrast ? contrasted : conceded)[starts.length - 1] = 1;
    }
    if (',.!?;:\n~()[]"'.includes(text[i]) || (!latin && text[i] === ' ')) pending = true;
    else if (pending) {
      pending = false;
      open(i);
    }
  }
  return { starts, contrasted, conceded };
}

describe.each([
  ['zh', ZH, false],
  ['en', EN, true],
  ['de', DE, true],
] as const)('matcher and clauses (%s)', (_name, spec, latin) => {
  const lexicon = compileLexicon(spec, latin);
  const texts = matcherTexts();

  it('the trie scan finds exactly the entries, positions and order of a brute-force scan', () => {
    for (const text of texts) {
      const actual = scan(text, lexicon).map((match): [number, number, Entry] => [match.start, match.end, match.entry]);
      const expected = referenceScan(text, lexicon);
      expect(actual.length, text).toBe(expected.length);
      for (let k = 0; k < actual.length; k++) {
        expect(actual[k][0], text).toBe(expected[k][0]);
        expect(actual[k][1], text).toBe(expected[k][1]);
        expect(actual[k][2] === expected[k][2], `${text} @${actual[k][0]}: ${actual[k][2].text} vs ${expected[k][2].text}`).toBe(true);
      }
    }
  });

  it('negation read through the reversed trie agrees with negators and fillers looked up as words', () => {
    let negatedSomewhere = 0;
    for (const text of texts) {
      for (const match of scan(text, lexicon)) {
        for (const floor of [0, Math.max(0, match.start - 3)]) {
          const expected = referenceNegated(text, match.start, floor, spec, latin);
          expect(isNegated(text, match.start, floor, lexicon), `${text} @${match.start} floor ${floor}`).toBe(expected);
          if (expected) negatedSomewhere++;
        }
      }
    }
    expect(negatedSomewhere).toBeGreaterThan(0);
  });

  it('clauses split where the definition says, and each match knows its clause', () => {
    for (const text of texts) {
      const matches = scan(text, lexicon);
      const clauses = splitClauses(text, matches, latin);
      const expected = referenceClauses(text, matches, latin);
      expect({ starts: clauses.starts, contrasted: clauses.contrasted, conceded: clauses.conceded }, text).toEqual(expected);
      matches.forEach((match, m) => {
        const clause = clauses.ofMatch[m];
        expect(clauses.starts[clause]).toBeLessThanOrEqual(match.start);
        if (clause + 1 < clauses.starts.length) expect(clauses.starts[clause + 1]).toBeGreaterThan(match.start);
      });
    }
  });
});
