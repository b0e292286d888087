import type { Findings } from '../../lib/analysis/engine';
import { CAUSE_IDS, type CauseId } from '../../lib/analysis/types';

/**
 * A learned second opinion on the cause labels: one logistic regression per cause over hashed character
 * 1–3-grams of the normalized text plus the rule engine's own per-cause scores. The hand-written cues
 * know the phrasings someone read; the n-grams catch the many other ways buyers say the same thing.
 * Only meant for Chinese text (the only labelled data). An experiment measured by `npm run eval -- --model`:
 * it did not beat the rules on dev, so nothing of it ships; it lives here, next to its trainer, so the
 * comparison can be rerun when the labelled data grows.
 */
export interface CauseModel {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** bucket-major rows of CAUSE_IDS.length weights (row b, cause c at b * width + c). */
  ngram: ArrayLike<number>;
  /** per cause: bias, then one weight per ruleFeatures() entry. */
  rule: ArrayLike<number>;
  /** per cause: the logit at or above which the model adds a cause the rules did not report (Infinity: never). */
  addAt: ArrayLike<number>;
  /** per cause: the logit below which the model drops a cause the rules reported (-Infinity: never). */
  dropBelow: ArrayLike<number>;
}

export const MODEL_WIDTH = CAUSE_IDS.length;
const CONCRETE = CAUSE_IDS.filter((c) => c !== 'personal' && c !== 'other');
/** concrete rule scores, personal cue, other cue, complaint words, text negativity. */
export const RULE_FEATURE_COUNT = CONCRETE.length + 4;

let buckets = new Int32Array(512);
let stamps = new Uint32Array(0);
let stamp = 0;

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Calls `visit` with the hash and normalized range of every character 1-, 2- and 3-gram (no space inside). */
function forEachGram(text: string, visit: (hash: number, from: number, to: number) => void): void {
  let p1 = 0x20;
  let p2 = 0x20;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20) {
      const h1 = Math.imul(c, 0x9e3779b1);
      visit(h1, i, i + 1);
      if (p1 !== 0x20) {
        const h2 = h1 ^ Math.imul(p1 + 0x10000, 0x27d4eb2f);
        visit(h2, i - 1, i + 1);
        if (p2 !== 0x20) visit(h2 ^ Math.imul(p2 + 0x20000, 0x165667b1), i - 2, i + 1);
      }
    }
    p2 = p1;
    p1 = c;
  }
}

/**
 * The distinct hash buckets of the text's character 1-, 2- and 3-grams, in a shared buffer: entries
 * [0, count) are valid until the next call (no allocation per review).
 */
export function ngramBuckets(text: string, bits: number): { buckets: Int32Array; count: number } {
  const size = 1 << bits;
  if (stamps.length !== size) {
    stamps = new Uint32Array(size);
    stamp = 0;
  }
  if (buckets.length < text.length * 3) buckets = new Int32Array(text.length * 6);
  stamp = (stamp + 1) >>> 0 || 1;
  const shift = 32 - bits;
  let count = 0;
  forEachGram(text, (hash) => {
    const b = mix(hash) >>> shift;
    if (stamps[b] !== stamp) {
      stamps[b] = stamp;
      buckets[count++] = b;
    }
  });
  return { buckets, count };
}

/** The rule engine's view of the text, as the model's dense inputs (written into `out`). */
export function ruleFeatures(findings: Findings, negativity: number, out: Float64Array): Float64Array {
  for (let c = 0; c < CONCRETE.length; c++) out[c] = Math.min(2, findings.scores.get(CONCRETE[c]) ?? 0);
  out[CONCRETE.length] = findings.personal.length > 0 ? 1 : 0;
  out[CONCRETE.length + 1] = findings.other.length > 0 ? 1 : 0;
  out[CONCRETE.length + 2] = Math.min(3, findings.complaints.length) / 3;
  out[CONCRETE.length + 3] = negativity;
  return out;
}

const dense = new Float64Array(RULE_FEATURE_COUNT);
const ngramSums = new Float64Array(MODEL_WIDTH);

/** Each n-gram's feature value: rows are scaled to unit length, so a long review does not outvote a short one. */
export function ngramValue(count: number): number {
  return count === 0 ? 0 : 1 / Math.sqrt(count);
}

/** Per-cause logits (written into `out`, indexed like CAUSE_IDS). */
export function causeLogits(findings: Findings, negativity: number, model: CauseModel, out: Float64Array): Float64Array {
  ruleFeatures(findings, negativity, dense);
  const stride = RULE_FEATURE_COUNT + 1;
  for (let c = 0; c < MODEL_WIDTH; c++) {
    let z = model.rule[c * stride];
    for (let f = 0; f < RULE_FEATURE_COUNT; f++) z += model.rule[c * stride + 1 + f] * dense[f];
    out[c] = z;
  }
  const { buckets: active, count } = ngramBuckets(findings.normalized.text, model.bits);
  const weights = model.ngram;
  const sums = ngramSums.fill(0);
  for (let k = 0; k < count; k++) {
    const row = active[k] * MODEL_WIDTH;
    for (let c = 0; c < MODEL_WIDTH; c++) sums[c] += weights[row + c];
  }
  const value = ngramValue(count);
  for (let c = 0; c < MODEL_WIDTH; c++) out[c] += value * sums[c];
  return out;
}

/**
 * The n-gram of the normalized text that speaks most for `cause`: evidence for a label the model gives
 * where the rules found no cue. Recomputes hashes for one text only, and only when such a label occurs.
 */
export function strongestNgram(text: string, cause: CauseId, model: CauseModel): [number, number] | undefined {
  const c = CAUSE_IDS.indexOf(cause);
  const shift = 32 - model.bits;
  let best: [number, number] | undefined;
  let bestWeight = 0;
  const consider = (hash: number, from: number, to: number): void => {
    const w = model.ngram[(mix(hash) >>> shift) * MODEL_WIDTH + c];
    // A longer n-gram wins ties: it reads better as evidence.
    if (w > bestWeight || (best && w === bestWeight && to - from > best[1] - best[0])) {
      bestWeight = w;
      best = [from, to];
    }
  };
  forEachGram(text, consider);
  return best;
}
