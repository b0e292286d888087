import { NEGATIVITY_BIAS, NEGATIVITY_SCALE, NEGATIVITY_WEIGHTS } from './data/negativity';

/**
 * Character unigrams and bigrams of normalized text, packed as numbers (a*65536+b). Spaces and marks
 * are skipped as unigrams but kept inside bigrams, where "!" after a word still says something.
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

let weights: Map<number, number> | undefined;

// Parsed on first use: the content script pays for it only once a review is analysed.
function model(): Map<number, number> {
  if (weights) return weights;
  weights = new Map();
  for (const line of NEGATIVITY_WEIGHTS.split('\n')) {
    const separator = line.indexOf('\u0002');
    if (separator < 0) continue;
    const weight = Number(line.slice(0, separator)) / NEGATIVITY_SCALE;
    for (const feature of line.slice(separator + 1).split('\u0001')) {
      const key = feature.length === 2 ? feature.charCodeAt(0) * 65536 + feature.charCodeAt(1) : feature.charCodeAt(0);
      weights.set(key, weight);
    }
  }
  return weights;
}

/** Log-odds that the (normalized, Chinese) text is a complaint, from the trained character model. */
export function modelLogit(text: string): number {
  const table = model();
  let z = NEGATIVITY_BIAS;
  const seen = new Set<number>();
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && !seen.has(code)) {
      seen.add(code);
      z += table.get(code) ?? 0;
    }
    if (previous >= 0 && !(previous === 0x20 && code === 0x20)) {
      const key = previous * 65536 + code;
      if (!seen.has(key)) {
        seen.add(key);
        z += table.get(key) ?? 0;
      }
    }
    previous = code;
  }
  return z;
}
