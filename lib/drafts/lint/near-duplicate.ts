import type { Finding, LintContext } from '../types';
import { finding } from './finding';

export const DUPLICATE_THRESHOLD = 0.85;

/** Character bigrams of the text without spaces and punctuation, so re-punctuated copies still match. */
function bigrams(text: string): Set<string> {
  const chars = [...text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return grams;
}

// Recent replies are the same strings on every keystroke; remembering their bigrams makes live lint cheap.
const CACHE_SIZE = 256;
const cache = new Map<string, Set<string>>();
function cachedBigrams(text: string): Set<string> {
  let grams = cache.get(text);
  if (!grams) {
    grams = bigrams(text);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(text, grams);
  }
  return grams;
}

function overlap(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Character-bigram Jaccard similarity, 0…1, ignoring spaces, punctuation and case. */
export function jaccard(a: string, b: string): number {
  return overlap(bigrams(a), cachedBigrams(b));
}

/** Identical replies across a page read as canned; platforms and buyers notice. */
export function nearDuplicate(text: string, ctx: LintContext): Finding[] {
  const recent = ctx.recentReplies ?? [];
  if (recent.length === 0) return [];
  const own = bigrams(text);
  let best = 0;
  for (const other of recent) if (typeof other === 'string') best = Math.max(best, overlap(own, cachedBigrams(other)));
  if (best < DUPLICATE_THRESHOLD) return [];
  const percent = String(Math.round(best * 100));
  return [finding('near_duplicate', 'warning', 'lint_near_duplicate', `This reply is ${percent}% similar to a recent reply`, [percent], 0, text.length)];
}
