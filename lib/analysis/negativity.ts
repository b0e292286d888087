import { NEGATIVITY_BIAS, NEGATIVITY_SCALE, NEGATIVITY_WEIGHTS } from './data/negativity';

/**
 * Character unigrams and bigrams of normalized text, packed as numbers (a*65536+b). Spaces are skipped
 * as unigrams but kept inside bigrams, where "!" after a word still says something.
 */
export function featureKeys(text: string): number[] {
  const keys: number[] = [];
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20) keys.push(code);
    if (previous >= 0 && !(previous === 0x20 && code === 0x20)) keys.push(previous * 65536 + code);
    previous = code;
  }
  return keys;
}

/**
 * The character model, read-only once parsed. Bigrams sit in an open-addressing table of one 32-bit word
 * per slot (128 KB): a Map would do, but this runs for every review on a page, and every cache line the
 * table spreads over is a trip to memory once the neighbours have evicted it. Which bigrams a review has
 * already counted is kept outside the table (see the bigram stamps of chinese-pass.ts), so probes never write.
 */
export interface WeightTable {
  /** Per slot: the key's hash remainder, its distance from its home slot and 1 + its weight index (see insertBigram). */
  bigrams: Int32Array;
  /** Per UTF-16 unit: 1 + index into `weights` (0: no weight). */
  unigram: Uint8Array;
  /** Distinct weights as float32, the precision the model has always been applied with; [0] is 0. */
  weights: Float32Array;
  /**
   * One bit per hashed bigram key (see bigramBit): a clear bit proves a bigram has no weight without
   * probing `bigrams`. 16 KB stay in the core's own cache, and about four in ten of a review's bigrams
   * have no weight.
   */
  bigramFilter: Int32Array;
}

let table: WeightTable | undefined;

/**
 * The slot layout. A key's hash (a bijection of the 32-bit key) splits into its home slot (top SLOT_BITS)
 * and a remainder (the rest): the slot index plus the stored remainder and distance give the whole hash
 * back, hence the key, so a slot needs no room for the key itself and a hit is exact.
 */
export const BIGRAM_SLOT_BITS = 15;
const SLOT_MASK = (1 << BIGRAM_SLOT_BITS) - 1;
const REMAINDER_BITS = 32 - BIGRAM_SLOT_BITS;
const REMAINDER_MASK = (1 << REMAINDER_BITS) - 1;
const DISTANCE_BITS = 7;
const MAX_DISTANCE = (1 << DISTANCE_BITS) - 1;
/** The remainder and the distance together: what a probe compares. */
const PROBE_MASK = (1 << (REMAINDER_BITS + DISTANCE_BITS)) - 1;
/** Where a slot keeps 1 + its weight index, its top byte (never 0 in a used slot, so 0 marks an empty one). */
export const BIGRAM_WEIGHT_SHIFT = REMAINDER_BITS + DISTANCE_BITS;

/** xorshift then an odd multiplier: both invertible, so distinct keys never share a hash. */
function bigramHash(key: number): number {
  return Math.imul(key ^ (key >>> 16), 0x9e3779b1);
}

/** The slot holding bigram `key` (a*65536+b, as int32), or -1 when the model gives it no weight. */
export function bigramSlot(bigrams: Int32Array, key: number): number {
  const hash = bigramHash(key);
  const home = hash >>> REMAINDER_BITS;
  const remainder = hash & REMAINDER_MASK;
  for (let distance = 0; distance <= MAX_DISTANCE; distance++) {
    const index = (home + distance) & SLOT_MASK;
    const packed = bigrams[index];
    if (packed === 0) return -1;
    if ((packed & PROBE_MASK) === (remainder | (distance << REMAINDER_BITS))) return index;
  }
  return -1;
}

function insertBigram(bigrams: Int32Array, key: number, weightIndex: number): void {
  const hash = bigramHash(key);
  const home = hash >>> REMAINDER_BITS;
  for (let distance = 0; distance <= MAX_DISTANCE; distance++) {
    const index = (home + distance) & SLOT_MASK;
    if (bigrams[index] !== 0) continue;
    bigrams[index] = (hash & REMAINDER_MASK) | (distance << REMAINDER_BITS) | (weightIndex << BIGRAM_WEIGHT_SHIFT);
    return;
  }
  throw new Error(`negativity model: a bigram lands more than ${MAX_DISTANCE} slots from home; the table needs more slots`);
}

const BIGRAM_FILTER_BITS = 1 << 17;

/** Position of a bigram key in the bigram filter (its own multiplier, so it does not follow the table's clustering). */
export function bigramBit(key: number): number {
  return Math.imul(key, 0x85ebca6b) >>> 15;
}

// Parsed on first use: the content script pays for it only once a review is analysed.
export function negativityModel(): WeightTable {
  if (table) return table;
  const lines = NEGATIVITY_WEIGHTS.split('\n');
  const bigrams = new Int32Array(1 << BIGRAM_SLOT_BITS);
  const bigramFilter = new Int32Array(BIGRAM_FILTER_BITS >>> 5);
  const unigram = new Uint8Array(0x10000);
  const weights = new Float32Array(256);
  let distinct = 0;
  for (const line of lines) {
    const separator = line.indexOf('\u0002');
    if (separator < 0) continue;
    // The weight index fills a slot's top byte (BIGRAM_WEIGHT_SHIFT = 24).
    if (distinct === 255) throw new Error('negativity model: more than 255 distinct weights');
    weights[++distinct] = Number(line.slice(0, separator)) / NEGATIVITY_SCALE;
    for (const feature of line.slice(separator + 1).split('\u0001')) {
      if (feature.length === 1) {
        unigram[feature.charCodeAt(0)] = distinct;
        continue;
      }
      const key = (feature.charCodeAt(0) * 65536 + feature.charCodeAt(1)) | 0;
      insertBigram(bigrams, key, distinct);
      const bit = bigramBit(key);
      bigramFilter[bit >>> 5] |= 1 << (bit & 31);
    }
  }
  table = { bigrams, unigram, weights, bigramFilter };
  return table;
}

/** Log-odds that the (normalized, Chinese) text is a complaint, from the trained character model. */
export function modelLogit(text: string): number {
  return modelLogits(text, [0]).whole;
}

/**
 * The whole text's log-odds, and the highest log-odds of any single clause (clauses start at
 * `clauseStarts`): a friendly review with one sour clause is still a complaint.
 */
export function modelLogits(text: string, clauseStarts: readonly number[]): { whole: number; worstClause: number } {
  const { bigrams, unigram, weights } = negativityModel();
  // The reference the one-pass walk is tested against: plain, not fast. Each unigram and bigram counts
  // once towards the whole text.
  const unigramsSeen = new Set<number>();
  const bigramsSeen = new Set<number>();
  let z = NEGATIVITY_BIAS;
  let clauseSum = 0;
  let worstClause = -Infinity;
  let nextClause = 1;
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    if (nextClause < clauseStarts.length && clauseStarts[nextClause] === i) {
      worstClause = Math.max(worstClause, clauseSum);
      clauseSum = 0;
      nextClause++;
    }
    const code = text.charCodeAt(i);
    if (code !== 0x20) {
      const w = weights[unigram[code]];
      clauseSum += w;
      if (!unigramsSeen.has(code)) {
        unigramsSeen.add(code);
        z += w;
      }
    }
    if (previous >= 0 && !(previous === 0x20 && code === 0x20)) {
      const key = (previous * 65536 + code) | 0;
      const index = bigramSlot(bigrams, key);
      if (index >= 0) {
        const w = weights[bigrams[index] >>> BIGRAM_WEIGHT_SHIFT];
        clauseSum += w;
        if (!bigramsSeen.has(key)) {
          bigramsSeen.add(key);
          z += w;
        }
      }
    }
    previous = code;
  }
  worstClause = Math.max(worstClause, clauseSum);
  return { whole: z, worstClause: NEGATIVITY_BIAS + worstClause };
}
