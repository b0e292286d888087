import { describe, expect, it } from 'vitest';
import { NEGATIVITY_SCALE, NEGATIVITY_WEIGHTS } from '../../../lib/analysis/data/negativity';
import { BIGRAM_WEIGHT_SHIFT, bigramSlot, negativityModel } from '../../../lib/analysis/negativity';

/** The model's bigrams as the generated data lists them: key → weight. */
function listedBigrams(): Map<number, number> {
  const listed = new Map<number, number>();
  for (const line of NEGATIVITY_WEIGHTS.split('\n')) {
    const separator = line.indexOf('\u0002');
    if (separator < 0) continue;
    const weight = Math.fround(Number(line.slice(0, separator)) / NEGATIVITY_SCALE);
    for (const feature of line.slice(separator + 1).split('\u0001')) {
      if (feature.length === 2) listed.set((feature.charCodeAt(0) * 65536 + feature.charCodeAt(1)) | 0, weight);
    }
  }
  return listed;
}

/** The slot table keeps no keys, only hash remainders: every lookup must still be exact. */
describe('bigram slot table', () => {
  const { bigrams, weights } = negativityModel();
  const listed = listedBigrams();

  it('finds every listed bigram with its own weight', () => {
    expect(listed.size).toBeGreaterThan(1000);
    for (const [key, weight] of listed) {
      const index = bigramSlot(bigrams, key);
      expect(index, String.fromCharCode(key >>> 16, key & 0xffff)).toBeGreaterThanOrEqual(0);
      expect(weights[bigrams[index] >>> BIGRAM_WEIGHT_SHIFT]).toBe(weight);
    }
  });

  it('finds no bigram the model does not list, including neighbours of listed ones', () => {
    let checked = 0;
    const found: number[] = [];
    for (const key of listed.keys()) {
      for (const other of [key + 1, key - 1, key ^ 0x10000, (key & 0xffff) * 65536 + (key >>> 16)]) {
        if (listed.has(other | 0)) continue;
        if (bigramSlot(bigrams, other | 0) !== -1) found.push(other | 0);
        checked++;
      }
    }
    let state = 7;
    for (let i = 0; i < 200000; i++) {
      state = (Math.imul(state, 1103515245) + 12345) | 0;
      if (!listed.has(state)) {
        if (bigramSlot(bigrams, state) !== -1) found.push(state);
        checked++;
      }
    }
    expect(found).toEqual([]);
    expect(checked).toBeGreaterThan(200000);
  });
});
