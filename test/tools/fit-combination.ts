import type { Findings } from '../../lib/analysis/engine';

/**
 * Fits how the negativity inputs combine (a small logistic regression over negativityFeatures) on
 * labelled reviews. Used by eval.ts per cross-validation fold and by derive-combination.ts for the
 * shipped weights.
 */
export function fitCombination(rows: Array<{ features: number[]; negative: boolean }>, l2 = 0.01): number[] {
  const width = rows[0]?.features.length ?? 0;
  const weights = new Array<number>(width + 1).fill(0);
  const squares = new Array<number>(width + 1).fill(1e-8);
  for (let iteration = 0; iteration < 400; iteration++) {
    const gradient = new Array<number>(width + 1).fill(0);
    for (const row of rows) {
      let z = weights[0];
      for (let i = 0; i < width; i++) z += weights[i + 1] * row.features[i];
      const error = 1 / (1 + Math.exp(-z)) - (row.negative ? 1 : 0);
      gradient[0] += error;
      for (let i = 0; i < width; i++) gradient[i + 1] += error * row.features[i];
    }
    for (let i = 0; i <= width; i++) {
      const g = gradient[i] / rows.length + (i > 0 ? l2 * weights[i] : 0);
      squares[i] += g * g;
      weights[i] -= (0.5 * g) / Math.sqrt(squares[i]);
    }
  }
  return weights.map((w) => Math.round(w * 1000) / 1000);
}

/** How much F1 a threshold other than 1 must add over the best so far (see fitThresholds). */
const MIN_THRESHOLD_GAIN = 0.01;

/** What fitThresholds needs of a review: its rule scores per cause and its labels. */
export interface ThresholdRow {
  scores: Map<string, number>;
  gold: string[];
  negative: boolean;
}

/** A labelled review's threshold row: what the rules scored in it and its gold labels. */
export function thresholdRow(findings: Findings, labels: { causes: string[]; negative: boolean }): ThresholdRow {
  return { scores: findings.scores as Map<string, number>, gold: labels.causes, negative: labels.negative };
}

/**
 * Per-cause score thresholds: for each cause, the candidate that gives the best F1 on the rows given
 * (the default of 1 is kept unless another candidate gains at least MIN_THRESHOLD_GAIN, so a cause with
 * no clear evidence either way keeps it).
 */
export function fitThresholds(
  rows: ThresholdRow[],
  causes: readonly string[],
  candidates: readonly number[] = [0.5, 1, 1.5, 2],
): Record<string, number> {
  const thresholds: Record<string, number> = {};
  for (const cause of causes) {
    let best = 1;
    let bestF1 = -1;
    for (const candidate of [1, ...candidates.filter((c) => c !== 1)]) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const row of rows) {
        if (!row.negative) continue;
        const predicted = (row.scores.get(cause) ?? 0) >= candidate;
        const gold = row.gold.includes(cause);
        if (predicted && gold) tp++;
        else if (predicted) fp++;
        else if (gold) fn++;
      }
      const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
      // Leaving 1 (one full cue) must gain clearly: a threshold of 0.5 lets every half-weight cue, written to
      // need a second one, stand alone, for a gain in F1 that on a few hundred reviews can be chance.
      if (f1 > bestF1 + (candidate !== 1 ? MIN_THRESHOLD_GAIN : 1e-9)) {
        bestF1 = f1;
        best = candidate;
      }
    }
    thresholds[cause] = best;
  }
  return thresholds;
}
