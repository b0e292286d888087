/**
 * Coordinated attacks send several accounts at one shop with near-identical texts. Two texts count
 * as near-identical when their character-bigram sets (after folding width, case, punctuation,
 * emoji and whitespace away) have a Dice coefficient of at least SIMILARITY_THRESHOLD.
 * Simplified and Traditional forms are not folded into each other: one wave uses one script.
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

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * The letters and digits of a text as code points, width- and case-folded: what stays when
 * someone "rewrites" a text by changing punctuation, emoji, spacing or full-width letters. One
 * pass with fast paths for ASCII and CJK, because this runs over thousands of texts per review.
 */
function significantCodePoints(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII → ASCII
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      else if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a))) continue;
    } else if (c >= 0x4e00 && c <= 0x9fff) {
      // CJK unified ideographs: always kept as they are.
    } else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const ch = String.fromCodePoint(cp);
      if (!LETTER_OR_DIGIT.test(ch)) continue;
      c = ch.toLowerCase().codePointAt(0)!;
    }
    out.push(c);
  }
  return out;
}

/** Sorted distinct bigram codes of a text, or null when it is too short to compare. */
function fingerprint(text: string): Float64Array | null {
  const cps = significantCodePoints(text);
  if (cps.length < MIN_COMPARABLE_CHARS) return null;
  const grams = new Float64Array(cps.length - 1);
  for (let i = 0; i + 1 < cps.length; i++) grams[i] = cps[i] * 0x110000 + cps[i + 1];
  grams.sort();
  let n = 0;
  for (let i = 0; i < grams.length; i++) if (i === 0 || grams[i] !== grams[i - 1]) grams[n++] = grams[i];
  return grams.subarray(0, n);
}

/** Dice coefficient of two sorted distinct bigram lists, 0 … 1. */
function dice(a: Float64Array, b: Float64Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

/** Similarity of two texts after folding, 0 … 1; 0 when either is too short to compare. */
export function textSimilarity(a: string, b: string): number {
  const fa = fingerprint(a);
  const fb = fingerprint(b);
  return fa && fb ? dice(fa, fb) : 0;
}

// Recent texts are compared again for every new review: remember their fingerprints (bounded).
const MEMO_LIMIT = 20_000;
const memo = new Map<string, Float64Array | null>();

function rememberedFingerprint(text: string): Float64Array | null {
  let fp = memo.get(text);
  if (fp === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    fp = fingerprint(text);
    memo.set(text, fp);
  }
  return fp;
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
  const grams = fingerprint(text);
  if (!grams) return 0;
  const nowMs = epochMs(now);
  // Dice ≥ t is impossible when the bigram counts differ by more than this ratio: skip the merge.
  const minRatio = SIMILARITY_THRESHOLD / (2 - SIMILARITY_THRESHOLD);
  const matched = new Set<string>();
  for (const other of others) {
    if (!other.buyer || other.buyer === self || matched.has(other.buyer)) continue;
    if (!(Math.abs(nowMs - epochMs(other.at)) <= SIMILAR_TEXT_WINDOW_MS)) continue;
    const otherGrams = rememberedFingerprint(other.text);
    if (!otherGrams) continue;
    if (Math.min(grams.length, otherGrams.length) / Math.max(grams.length, otherGrams.length) < minRatio) continue;
    if (dice(grams, otherGrams) >= SIMILARITY_THRESHOLD) matched.add(other.buyer);
  }
  return matched.size;
}
