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
