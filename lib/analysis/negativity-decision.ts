import { NEGATIVITY_COMBINATION } from './data/combination';
import type { Findings } from './engine';

// How the text's signals become one negativity figure. The weights for Chinese are fitted on labelled
// reviews (test/tools/derive-combination.ts); German and English have no labelled reviews yet, so
// they use hand-set weights over the rule signals alone.
// A local copy: under tsx (the command line) the imported binding is read through a getter on every call.
const CHINESE_COMBINATION = NEGATIVITY_COMBINATION;

const LATIN_COMBINATION: readonly number[] = [-0.5, 0, 1, -1, 0.5, 1, 0.5, -1, 0, 0, 0.3];

/** The inputs of the negativity decision, kept apart so evaluation can refit how they combine; written into `features` (a fresh array by default). */
export function negativityFeatures(findings: Findings, features: number[] = []): number[] {
  let concrete = 0;
  for (const score of findings.scores.values()) concrete += Math.min(score, 2);
  const chinese = findings.lang === 'zh-Hans' || findings.lang === 'zh-Hant';
  // gatherFindings weighed Chinese text with the character model while it scanned it (0 otherwise).
  features[0] = findings.modelWhole;
  features[1] = findings.negativeSignals;
  features[2] = findings.positiveSignals;
  features[3] = concrete;
  features[4] = findings.contrastComplaint ? 1 : 0;
  features[5] = findings.personal.length > 0 ? 1 : 0;
  features[6] = findings.negativeSignals === 0 && concrete === 0 ? 1 : 0;
  features[7] = chinese ? 0 : 1;
  features[8] = Math.max(-4, Math.min(4, findings.modelWorstClause));
  features[9] = findings.hasContrast ? 1 : 0;
  return features;
}

/** The features of the review being decided, overwritten by the next one: no array per review. */
const scratchFeatures: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/** Whether the text alone reads as a complaint: 0 … 1. */
export function textNegativity(findings: Findings, combination: readonly number[] = CHINESE_COMBINATION): number {
  const features = negativityFeatures(findings, scratchFeatures);
  if (features[7] === 1) combination = LATIN_COMBINATION;
  let z = combination[0];
  for (let i = 0; i < features.length; i++) z += combination[i + 1] * features[i];
  const probability = 1 / (1 + Math.exp(-z));
  // Praise and not one complaining word: whatever the character model leans to, nothing to answer.
  if (features[6] === 1 && (findings.positiveSignals >= 2 || (findings.positiveSignals > 0 && features[0] < 0))) return Math.min(probability, 0.3);
  return probability;
}

