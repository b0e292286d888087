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
 * page and a flat typed-array probe is several times faster; `seen` stamps make per-review dedup free.
 */
interface WeightTable {
  keys: Uint32Array;
  weights: Float32Array;
  seen: Uint32Array;
  mask: number;
  /** Unigram weights indexed directly by UTF-16 unit, with their own stamps. */
  unigram: Float32Array;
  unigramSeen: Uint32Array;
}

let table: WeightTable | undefined;
let stamp = 0;

/** Fibonacci hashing: the product's high bits mix both characters of a bigram key. */
function slot(keys: Uint32Array, mask: number, key: number): number {
  let index = (Math.imul(key ^ (key >>> 16), 0x9e3779b1) >>> 12) & mask;
  while (keys[index] !== 0 && keys[index] !== key) index = (index + 1) & mask;
  return index;
}

// Parsed on first use: the content script pays for it only once a review is analysed.
function model(): WeightTable {
  if (table) return table;
  const lines = NEGATIVITY_WEIGHTS.split('\n');
  let count = 0;
  for (const line of lines) count += line.split('\u0001').length;
  let size = 1024;
  // Load ≤ 1/4: most bigrams of a review are absent, and a miss probes until an empty slot.
  while (size < count * 4) size *= 2;
  const keys = new Uint32Array(size);
  const weights = new Float32Array(size);
  const unigram = new Float32Array(0x10000);
  for (const line of lines) {
    const separator = line.indexOf('\u0002');
    if (separator < 0) continue;
    const weight = Number(line.slice(0, separator)) / NEGATIVITY_SCALE;
    for (const feature of line.slice(separator + 1).split('\u0001')) {
      if (feature.length === 1) {
        unigram[feature.charCodeAt(0)] = weight;
        continue;
      }
      const key = feature.charCodeAt(0) * 65536 + feature.charCodeAt(1);
      const index = slot(keys, size - 1, key);
      keys[index] = key;
      weights[index] = weight;
    }
  }
  table = { keys, weights, seen: new Uint32Array(size), mask: size - 1, unigram, unigramSeen: new Uint32Array(0x10000) };
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
  const current = model();
  stamp = (stamp + 1) >>> 0 || 1;
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
      const w = current.unigram[code];
      clauseSum += w;
      if (current.unigramSeen[code] !== stamp) {
        current.unigramSeen[code] = stamp;
        z += w;
      }
    }
    if (previous >= 0 && !(previous === 0x20 && code === 0x20)) {
      const index = slot(current.keys, current.mask, previous * 65536 + code);
      if (current.keys[index] !== 0) {
        const w = current.weights[index];
        clauseSum += w;
        if (current.seen[index] !== stamp) {
          current.seen[index] = stamp;
          z += w;
        }
      }
    }
    previous = code;
  }
  worstClause = Math.max(worstClause, clauseSum);
  return { whole: z, worstClause: NEGATIVITY_BIAS + worstClause };
}
