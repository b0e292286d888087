/**
 * Trains the experimental per-cause model of cause-model.ts inside each cross-validation fold of eval.ts
 * (`npm run eval -- --model`). Not shipped: on dev it did not beat the rules (see eval's comparison).
 */
import { causeLogits, MODEL_WIDTH, RULE_FEATURE_COUNT, ngramBuckets, ngramValue, ruleFeatures, type CauseModel } from './cause-model';
import { damageBlamedOnDelivery, damageBlamedOnPacking, decide } from '../../lib/analysis/decide';
import type { Findings } from '../../lib/analysis/engine';
import { CAUSE_IDS, type CauseId } from '../../lib/analysis/types';

export interface TrainingRow {
  buckets: Int32Array;
  dense: Float64Array;
  /** 1 where the cause is labelled, indexed like CAUSE_IDS. */
  labels: Uint8Array;
  /** 1 where the rules alone report the cause. */
  ruleFlags: Uint8Array;
  /** How much the row counts (weak labels count less than dev labels). */
  weight: number;
  /** 1 where the label is known; a weak row may say nothing about some causes. All known when absent. */
  known?: Uint8Array;
}

export interface FitOptions {
  bits: number;
  epochs: number;
  l2: number;
  rate: number;
}

export const DEFAULT_FIT: FitOptions = { bits: 12, epochs: 10, l2: 1e-4, rate: 1 };

/** Whether the rules report `cause` for these findings: a score above 0 that reaches the cause's threshold, as in decide(). */
function reportedByRules(findings: Findings, cause: CauseId, thresholds: Readonly<Partial<Record<string, number>>>): boolean {
  const score = findings.scores.get(cause) ?? 0;
  return score > 0 && score >= (thresholds[cause] ?? 1);
}

export function trainingRow(findings: Findings, negativity: number, causes: readonly CauseId[], bits: number, ruleThresholds: Readonly<Partial<Record<string, number>>>, weight = 1): TrainingRow {
  const { buckets, count } = ngramBuckets(findings.normalized.text, bits);
  const labels = new Uint8Array(MODEL_WIDTH);
  for (const cause of causes) labels[CAUSE_IDS.indexOf(cause)] = 1;
  const ruleFlags = new Uint8Array(MODEL_WIDTH);
  CAUSE_IDS.forEach((cause, c) => {
    ruleFlags[c] = reportedByRules(findings, cause, ruleThresholds) ? 1 : 0;
  });
  return { ruleFlags, buckets: process.env.NONGRAM ? new Int32Array(0) : buckets.slice(0, count), dense: ruleFeatures(findings, negativity, new Float64Array(RULE_FEATURE_COUNT)), labels, weight };
}

function shuffled(count: number, seed: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let state = seed >>> 0 || 1;
  for (let i = count - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Logistic regression per cause, Adagrad, L2; thresholds left at 0 (p = 0.5) for the caller to set. */
export function trainCauseModel(rows: readonly TrainingRow[], options: FitOptions = DEFAULT_FIT): CauseModel & { ngram: Float64Array; rule: Float64Array; addAt: Float64Array; dropBelow: Float64Array } {
  const stride = RULE_FEATURE_COUNT + 1;
  const ngram = new Float64Array((1 << options.bits) * MODEL_WIDTH);
  const ngramSquares = new Float64Array(ngram.length).fill(1e-6);
  const rule = new Float64Array(MODEL_WIDTH * stride);
  const ruleSquares = new Float64Array(rule.length).fill(1e-6);
  const z = new Float64Array(MODEL_WIDTH);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const r of shuffled(rows.length, 1 + epoch)) {
      const row = rows[r];
      for (let c = 0; c < MODEL_WIDTH; c++) {
        let sum = rule[c * stride];
        for (let f = 0; f < RULE_FEATURE_COUNT; f++) sum += rule[c * stride + 1 + f] * row.dense[f];
        z[c] = sum;
      }
      const value = ngramValue(row.buckets.length);
      for (const b of row.buckets) for (let c = 0; c < MODEL_WIDTH; c++) z[c] += value * ngram[b * MODEL_WIDTH + c];
      for (let c = 0; c < MODEL_WIDTH; c++) {
        if (row.known && !row.known[c]) continue;
        const error = row.weight * (1 / (1 + Math.exp(-z[c])) - row.labels[c]);
        const base = c * stride;
        for (let f = 0; f <= RULE_FEATURE_COUNT; f++) {
          const g = error * (f === 0 ? 1 : row.dense[f - 1]) + (f === 0 ? 0 : options.l2 * rule[base + f]);
          ruleSquares[base + f] += g * g;
          rule[base + f] -= (options.rate * g) / Math.sqrt(ruleSquares[base + f]);
        }
        for (const b of row.buckets) {
          const i = b * MODEL_WIDTH + c;
          const g = error * value + options.l2 * ngram[i];
          ngramSquares[i] += g * g;
          ngram[i] -= (options.rate * g) / Math.sqrt(ngramSquares[i]);
        }
      }
    }
  }
  return { bits: options.bits, ngram, rule, addAt: new Float64Array(MODEL_WIDTH).fill(Infinity), dropBelow: new Float64Array(MODEL_WIDTH).fill(-Infinity) };
}

/** Logits of one row under a model (the training rows' own view; inference uses causeLogits). */
export function rowLogits(row: TrainingRow, model: CauseModel, out = new Float64Array(MODEL_WIDTH)): Float64Array {
  const stride = RULE_FEATURE_COUNT + 1;
  for (let c = 0; c < MODEL_WIDTH; c++) {
    let sum = model.rule[c * stride];
    for (let f = 0; f < RULE_FEATURE_COUNT; f++) sum += model.rule[c * stride + 1 + f] * row.dense[f];
    out[c] = sum;
  }
  const value = ngramValue(row.buckets.length);
  for (const b of row.buckets) for (let c = 0; c < MODEL_WIDTH; c++) out[c] += value * model.ngram[b * MODEL_WIDTH + c];
  return out;
}

/**
 * Per-cause logit thresholds chosen on out-of-fold logits of the training rows (an inner
 * cross-validation), never on logits of rows the model was trained on: those are overconfident.
 */
export function fitModel(rows: readonly TrainingRow[], foldOfRow: readonly number[], options: FitOptions = DEFAULT_FIT, innerFolds = 4): ReturnType<typeof trainCauseModel> {
  const outOfFold = rows.map(() => new Float64Array(MODEL_WIDTH));
  const scored = rows.map((row) => row.weight >= 1);
  for (let k = 0; k < innerFolds; k++) {
    const inner = trainCauseModel(rows.filter((_, i) => foldOfRow[i] % innerFolds !== k), options);
    rows.forEach((row, i) => {
      if (foldOfRow[i] % innerFolds === k) rowLogits(row, inner, outOfFold[i]);
    });
  }
  const model = trainCauseModel(rows, options);
  const grid: number[] = [-Infinity];
  for (let t = -4; t <= 4.001; t += 0.25) grid.push(t);
  grid.push(Infinity);
  for (let c = 0; c < MODEL_WIDTH; c++) {
    // Counts per threshold, separately for rows the rules flag (a drop threshold) and rows they do not (an add threshold).
    const flagged = grid.map(() => [0, 0, 0]);
    const unflagged = grid.map(() => [0, 0, 0]);
    rows.forEach((row, i) => {
      if (!scored[i]) return;
      const table = row.ruleFlags[c] ? flagged : unflagged;
      grid.forEach((t, g) => {
        const predicted = outOfFold[i][c] >= t;
        if (predicted && row.labels[c]) table[g][0]++;
        else if (predicted) table[g][1]++;
        else if (row.labels[c]) table[g][2]++;
      });
    });
    let best = [Infinity, -Infinity];
    let bestF1 = -1;
    for (let a = 0; a < grid.length; a++) {
      for (let d = 0; d < grid.length; d++) {
        const tp = unflagged[a][0] + flagged[d][0];
        const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + unflagged[a][1] + flagged[d][1] + unflagged[a][2] + flagged[d][2]);
        // Ties keep the rules' own decision (never add, never drop).
        const cost = (grid[a] === Infinity ? 0 : 1) + (grid[d] === -Infinity ? 0 : 1);
        const bestCost = (best[0] === Infinity ? 0 : 1) + (best[1] === -Infinity ? 0 : 1);
        if (f1 > bestF1 + 1e-9 || (Math.abs(f1 - bestF1) < 1e-9 && cost < bestCost)) {
          bestF1 = f1;
          best = [grid[a], grid[d]];
        }
      }
    }
    model.addAt[c] = best[0];
    model.dropBelow[c] = best[1];
  }
  return model;
}

const NO_CONCRETE: Record<string, number> = Object.fromEntries(CAUSE_IDS.map((c) => [c, Infinity]));

/**
 * How much say the model gets: `all`, keep or drop what the rules report and add what they miss; `add`,
 * only add; `fallback`, only name a cause where the rules name no concrete one.
 */
export type ModelGate = 'all' | 'add' | 'fallback';
export const MODEL_GATES: readonly ModelGate[] = ['all', 'add', 'fallback'];

/**
 * The rules+model decision, as a decide.ts hook would make it: per concrete cause, the model keeps or
 * drops what the rules report (dropBelow) and may add what they miss (addAt), as far as `gate` lets it;
 * with no concrete cause left, the rules' own fallback (personal, other, unspecific quality) applies.
 * Taxonomy constraints hold because the fallback only runs without a concrete cause. Chinese only (the
 * model's training data).
 */
export function causesWithModel(findings: Findings, negativity: number, ruleThresholds: Readonly<Partial<Record<CauseId, number>>>, model: CauseModel, gate: ModelGate = 'all'): CauseId[] {
  const rules = decide(findings, negativity, 'unknown', ruleThresholds);
  if (findings.lang !== 'zh-Hans' && findings.lang !== 'zh-Hant') return rules.causes;
  if (!rules.negative && negativity < 0.5) return [];
  if (gate === 'fallback' && CAUSE_IDS.some((cause) => cause !== 'personal' && cause !== 'other' && reportedByRules(findings, cause, ruleThresholds))) return rules.causes;
  const logits = causeLogits(findings, negativity, model, new Float64Array(MODEL_WIDTH));
  const causes: CauseId[] = [];
  CAUSE_IDS.forEach((cause, c) => {
    if (cause === 'personal' || cause === 'other') return;
    const byRules = reportedByRules(findings, cause, ruleThresholds);
    if (gate === 'add' && byRules) causes.push(cause);
    else if (logits[c] >= (byRules ? model.dropBelow[c] : model.addAt[c])) causes.push(cause);
  });
  if (damageBlamedOnDelivery(findings, causes) || damageBlamedOnPacking(findings, causes)) causes.splice(causes.indexOf('quality'), 1);
  return causes.length > 0 ? causes : decide(findings, negativity, 'unknown', NO_CONCRETE).causes;
}
