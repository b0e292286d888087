/**
 * Coordinated attacks send several accounts at one shop with near-identical texts. Two texts count
 * as near-identical when their character-bigram sets (after folding width, case, punctuation,
 * emoji and whitespace away) have a Dice coefficient of at least SIMILARITY_THRESHOLD.
 */

/** Dice coefficient over character bigrams at which two texts count as the same text. */
export const SIMILARITY_THRESHOLD = 0.8;
/** Shorter texts ("很差", "不好用") are too generic: many honest buyers write them independently. */
export const MIN_COMPARABLE_CHARS = 8;
/** How far apart two reviews may be and still count as one wave. */
export const SIMILAR_TEXT_WINDOW_MS = 7 * 24 * 3600 * 1000;

/** Another buyer's review text from the same shop. `at`: ISO date-time or epoch ms. */
export interface RecentText {
  buyer: string;
  text: string;
  at: string | number | Date;
}

/** Letters and digits only, width- and case-folded: what stays when someone "rewrites" by punctuation. */
export function foldForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function bigrams(folded: string): Set<string> {
  const chars = Array.from(folded);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return grams;
}

/** Dice coefficient of two bigram sets, 0 … 1. */
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Similarity of two texts after folding, 0 … 1; 0 when either is too short to compare. */
export function textSimilarity(a: string, b: string): number {
  const fa = foldForComparison(a);
  const fb = foldForComparison(b);
  if (Array.from(fa).length < MIN_COMPARABLE_CHARS || Array.from(fb).length < MIN_COMPARABLE_CHARS) return 0;
  return dice(bigrams(fa), bigrams(fb));
}

function epochMs(at: string | number | Date): number {
  return at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
}

/**
 * How many DIFFERENT other buyers wrote a near-identical text within 7 days of `now` (either side:
 * pass the review's own date when assessing an older review). Texts of the same buyer, texts
 * without a known buyer and texts too short to compare never count. `subject` is the review text,
 * or the text with its buyer so that buyer's own other reviews are left out.
 */
export function findSimilarTexts(
  subject: string | { text: string; buyer?: string },
  others: readonly RecentText[],
  now: string | number | Date,
): number {
  const { text, buyer: self } = typeof subject === 'string' ? { text: subject, buyer: undefined } : subject;
  const folded = foldForComparison(text);
  if (Array.from(folded).length < MIN_COMPARABLE_CHARS) return 0;
  const grams = bigrams(folded);
  const nowMs = epochMs(now);
  // Dice ≥ t is impossible when the bigram counts differ by more than this ratio: skip the set intersection.
  const minRatio = SIMILARITY_THRESHOLD / (2 - SIMILARITY_THRESHOLD);
  const matched = new Set<string>();
  for (const other of others) {
    if (!other.buyer || other.buyer === self || matched.has(other.buyer)) continue;
    const at = epochMs(other.at);
    if (!(Math.abs(nowMs - at) <= SIMILAR_TEXT_WINDOW_MS)) continue;
    const otherFolded = foldForComparison(other.text);
    if (Array.from(otherFolded).length < MIN_COMPARABLE_CHARS) continue;
    const otherGrams = bigrams(otherFolded);
    if (Math.min(grams.size, otherGrams.size) / Math.max(grams.size, otherGrams.size) < minRatio) continue;
    if (dice(grams, otherGrams) >= SIMILARITY_THRESHOLD) matched.add(other.buyer);
  }
  return matched.size;
}
