/**
 * Small readers every adapter shares: rating words and star counts → Rating, and a snapshot
 * builder that leaves out what the page did not show.
 */
import type { Rating, ReviewSnapshot } from './types';

/** Platforms' own verdict words, Chinese and German/English star wording included. */
const RATING_WORDS: readonly [RegExp, Rating][] = [
  [/^(好评|正面评价|正面)$/, 'good'],
  [/^(中评|中性评价|中性)$/, 'medium'],
  [/^(差评|负面评价|负面)$/, 'bad'],
];

export function ratingFromLabel(label: string | null | undefined): Rating | undefined {
  const text = (label ?? '').replace(/\s+/g, '').trim();
  for (const [pattern, rating] of RATING_WORDS) if (pattern.test(text)) return rating;
  return undefined;
}

/** The usual mapping of a 1–5 score: 4–5 good, 3 medium, 1–2 bad. */
export function ratingFromStars(stars: number | undefined): Rating {
  if (stars === undefined || !Number.isFinite(stars) || stars < 1 || stars > 5) return 'unknown';
  if (stars >= 4) return 'good';
  return stars >= 3 ? 'medium' : 'bad';
}

/** A star count from a value or label: "4", "4.0", "4星", "4 von 5 Sternen", "4 out of 5 stars", "评分4". */
export function starsFromText(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  // Class-coded stars such as JD's `comment-star star2`.
  const coded = /\bstar-?([1-5])\b/.exec(text);
  if (coded) return Number(coded[1]);
  const m = /(?<![\d.,])([1-5](?:[.,]\d)?)\s*(?:星|分|von\s*5|out\s*of\s*5|\/\s*5|stars?|Sterne)/i.exec(text) ??
    /^(?:评分|score|rating)?\s*[:：]?\s*([1-5](?:[.,]\d)?)$/i.exec(text.trim());
  if (!m) return undefined;
  const value = Number(m[1].replace(',', '.'));
  return value >= 1 && value <= 5 ? Math.round(value) : undefined;
}

type Required = Pick<ReviewSnapshot, 'platform' | 'reviewId' | 'rating' | 'text' | 'canReply' | 'pageUrl'>;

/**
 * A snapshot without `undefined` keys, so it survives structured cloning and compares cleanly.
 * Plain key loops: a page of a thousand reviews builds a thousand of these while the page itself is
 * busy, and entry arrays would only be garbage for its collector.
 */
export function makeSnapshot(required: Required, optional: Partial<ReviewSnapshot>): ReviewSnapshot {
  const snapshot = copyFilled({ ...required }, optional) as unknown as ReviewSnapshot;
  if (snapshot.product) snapshot.product = copyFilled({}, snapshot.product) as unknown as ReviewSnapshot['product'];
  return snapshot;
}

/** `source`'s own keys whose value is neither undefined nor empty, copied onto `target` in order. */
function copyFilled(target: Record<string, unknown>, source: object): Record<string, unknown> {
  const from = source as Record<string, unknown>;
  for (const key in from) {
    if (!Object.prototype.hasOwnProperty.call(from, key)) continue;
    const value = from[key];
    if (value !== undefined && value !== '') target[key] = value;
  }
  return target;
}

/** First capture group of `pattern` in `text`. */
export function capture(text: string, pattern: RegExp): string | undefined {
  return pattern.exec(text)?.[1]?.trim() || undefined;
}
