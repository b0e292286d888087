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
 * Open-addressing table from feature key to weight. A Map would do, but this runs for every review on a
 * page and a flat typed-array probe is several times faster. Each slot keeps its key and, next to it,
 * what a hit needs (a one-byte index into the few distinct weights and a one-byte `seen` stamp), so a
 * probe touches one cache line: half the probes hit, and every line the table spreads over is a trip to
 * memory once the neighbours have evicted it. Stamps make per-review dedup free; they are wiped
 * whenever their counter wraps (after 255 reviews for the one-byte unit stamps, 8 million for the slots).
 */
export interface WeightTable {
  /** Slot s: bigram key at 2s, (stamp << 8 | 1 + index into `weights`) at 2s + 1. */
  slots: Int32Array;
  mask: number;
  /** Per UTF-16 unit: 1 + index into `weights` (0: no weight), and the unit's stamp. */
  unigram: Uint8Array;
  unigramSeen: Uint8Array;
  /** Distinct weights as float32, the precision the model has always been applied with; [0] is 0. */
  weights: Float32Array;
  /**
   * One bit per hashed bigram key (see bigramBit): a clear bit proves a bigram has no weight without
   * probing `slots`. 16 KB stay in the core's own cache where the 256 KB of slots do not, and about
   * four in ten of a review's bigrams have no weight.
   */
  bigramFilter: Int32Array;
  /** This review's unigram stamp and slot stamp (already shifted into place), set by beginReview(). */
  stamp: number;
  stampBits: number;
}

let table: WeightTable | undefined;
let stamp = 0;
let slotStamp = 0;
const SLOT_STAMPS = 0x7fffff;

/** Fibonacci hashing: the product's high bits mix both characters of a bigram key. */
export function slot(slots: Int32Array, mask: number, key: number): number {
  let index = (Math.imul(key ^ (key >>> 16), 0x9e3779b1) >>> 12) & mask;
  while (slots[2 * index] !== 0 && slots[2 * index] !== key) index = (index + 1) & mask;
  return index;
}

const BIGRAM_FILTER_BITS = 1 << 17;

/** Position of a bigram key in the bigram filter (its own multiplier, so it does not follow `slot`'s clustering). */
export function bigramBit(key: number): number {
  return Math.imul(key, 0x85ebca6b) >>> 15;
}

// Parsed on first use: the content script pays for it only once a review is analysed.
function model(): WeightTable {
  if (table) return table;
  const lines = NEGATIVITY_WEIGHTS.split('\n');
  let count = 0;
  for (const line of lines) count += line.split('\u0001').length;
  let size = 1024;
  // Load ≤ 1/2: a miss probes until an empty slot.
  while (size < count * 2) size *= 2;
  const slots = new Int32Array(2 * size);
  const bigramFilter = new Int32Array(BIGRAM_FILTER_BITS >>> 5);
  const unigram = new Uint8Array(0x10000);
  const weights = new Float32Array(256);
  let distinct = 0;
  for (const line of lines) {
    const separator = line.indexOf('\u0002');
    if (separator < 0) continue;
    if (distinct === 255) throw new Error('negativity model: more than 255 distinct weights');
    weights[++distinct] = Number(line.slice(0, separator)) / NEGATIVITY_SCALE;
    for (const feature of line.slice(separator + 1).split('\u0001')) {
      if (feature.length === 1) {
        unigram[feature.charCodeAt(0)] = distinct;
        continue;
      }
      const key = (feature.charCodeAt(0) * 65536 + feature.charCodeAt(1)) | 0;
      const index = slot(slots, size - 1, key);
      const bit = bigramBit(key);
      bigramFilter[bit >>> 5] |= 1 << (bit & 31);
      slots[2 * index] = key;
      slots[2 * index + 1] = distinct;
    }
  }
  table = { slots, mask: size - 1, unigram, unigramSeen: new Uint8Array(0x10000), weights, bigramFilter, stamp: 0, stampBits: 0 };
  return table;
}

/** Clears every slot stamp (the weights stay), so that a wrapped stamp cannot match a review long past. */
function wipeSlotStamps(slots: Int32Array): void {
  for (let i = 1; i < slots.length; i += 2) slots[i] &= 0xff;
}

/**
 * The model with fresh per-review stamps: every unigram and bigram counts once towards the whole text's
 * log-odds, and a stamp left by an earlier review must not look like this review's.
 */
export function beginReview(): WeightTable {
  const current = model();
  stamp = (stamp + 1) & 0xff;
  if (stamp === 0) {
    current.unigramSeen.fill(0);
    stamp = 1;
  }
  slotStamp = slotStamp === SLOT_STAMPS ? 0 : slotStamp + 1;
  if (slotStamp === 0) {
    wipeSlotStamps(current.slots);
    slotStamp = 1;
  }
  current.stamp = stamp;
  current.stampBits = slotStamp << 8;
  return current;
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
  const current = beginReview();
  const { slots, mask, unigram, unigramSeen, weights, stamp } = current;
  const stampBits = current.stampBits;
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
      if (unigramSeen[code] !== stamp) {
        unigramSeen[code] = stamp;
        z += w;
      }
    }
    if (previous >= 0 && !(previous === 0x20 && code === 0x20)) {
      const index = 2 * slot(slots, mask, (previous * 65536 + code) | 0);
      if (slots[index] !== 0) {
        const meta = slots[index + 1];
        const w = weights[meta & 0xff];
        clauseSum += w;
        if ((meta & ~0xff) !== stampBits) {
          slots[index + 1] = (meta & 0xff) | stampBits;
          z += w;
        }
      }
    }
    previous = code;
  }
  worstClause = Math.max(worstClause, clauseSum);
  return { whole: z, worstClause: NEGATIVITY_BIAS + worstClause };
}
