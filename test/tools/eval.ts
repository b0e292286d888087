/**
 * `npm run eval`: cause precision/recall/F1, micro/macro F1, negativity accuracy and extortion recall on
 * ../shared/data/reviews-dev.jsonl. Skips (exit 0) when ../shared is absent.
 *
 * Honesty: the dev file is split into 5 folds by a hash of the review id. While the lexicons were written,
 * only folds 0–2 were ever read for errors (`--errors` prints only those); folds 3–4 are reported
 * separately as "untouched". Anything fitted on dev is reported through 5-fold cross-validation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decide } from '../../lib/analysis/decide';
import { gatherFindings, type Findings } from '../../lib/analysis/engine';
import { negativityFeatures, textNegativity } from '../../lib/analysis/negativity-decision';
import { analyze } from '../../lib/analysis/index';
import { fitCombination, fitThresholds, thresholdRow } from './fit-combination';
import { causesWithModel, DEFAULT_FIT, fitModel, MODEL_GATES, trainingRow, type FitOptions, type ModelGate } from './fit-cause-model';
import { aspectExamples, aspectRow, weakFindings, weakRow } from './weak-causes';
import { extraThresholdRows, loadExtraReviews, unsealedExtraReviews } from './extra-labels';
import { CAUSE_IDS, type CauseId } from '../../lib/analysis/types';

export interface DevReview {
  id: string;
  text: string;
  negative: boolean;
  causes: CauseId[];
  extortion: boolean;
}

export interface Prediction {
  negative: boolean;
  causes: CauseId[];
  extortion: boolean;
}

export const CONCRETE_CAUSES = CAUSE_IDS.filter((c) => c !== 'personal' && c !== 'other');

export const DATA_DIR = join(process.cwd(), '..', 'shared', 'data');

export function loadJsonl<T>(file: string): T[] {
  return readFileSync(join(DATA_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** FNV-1a over the id's UTF-8 bytes: a fold assignment that never changes between runs. */
export function foldOf(id: string, folds = 5): number {
  let hash = 2166136261;
  for (const byte of Buffer.from(id, 'utf8')) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
  return hash % folds;
}

export interface Scores {
  n: number;
  perCause: Record<string, { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }>;
  microF1: number;
  macroF1: number;
  negativityAccuracy: number;
  extortion: { tp: number; fp: number; fn: number };
}

function f1Of(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

export function score(reviews: DevReview[], predictions: Prediction[]): Scores {
  const perCause: Scores['perCause'] = {};
  let tpAll = 0;
  let fpAll = 0;
  let fnAll = 0;
  let correct = 0;
  const extortion = { tp: 0, fp: 0, fn: 0 };
  for (const cause of CAUSE_IDS) perCause[cause] = { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 };
  reviews.forEach((review, i) => {
    const predicted = new Set(predictions[i].causes);
    const gold = new Set(review.causes);
    for (const cause of CAUSE_IDS) {
      if (predicted.has(cause) && gold.has(cause)) perCause[cause].tp++;
      else if (predicted.has(cause)) perCause[cause].fp++;
      else if (gold.has(cause)) perCause[cause].fn++;
    }
    if (predictions[i].negative === review.negative) correct++;
    if (predictions[i].extortion && review.extortion) extortion.tp++;
    else if (predictions[i].extortion) extortion.fp++;
    else if (review.extortion) extortion.fn++;
  });
  let macro = 0;
  let present = 0;
  for (const cause of CAUSE_IDS) {
    const c = perCause[cause];
    Object.assign(c, f1Of(c.tp, c.fp, c.fn));
    tpAll += c.tp;
    fpAll += c.fp;
    fnAll += c.fn;
    if (c.tp + c.fn > 0) {
      macro += c.f1;
      present++;
    }
  }
  return {
    n: reviews.length,
    perCause,
    microF1: f1Of(tpAll, fpAll, fnAll).f1,
    macroF1: present === 0 ? 0 : macro / present,
    negativityAccuracy: reviews.length === 0 ? 0 : correct / reviews.length,
    extortion,
  };
}

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);

export function printScores(title: string, scores: Scores, detailed: boolean): void {
  console.log(`\n${title} (n=${scores.n})`);
  console.log(`  cause micro-F1 ${pct(scores.microF1)}   macro-F1 ${pct(scores.macroF1)}   negativity accuracy ${pct(scores.negativityAccuracy)}   extortion tp/fp/fn ${scores.extortion.tp}/${scores.extortion.fp}/${scores.extortion.fn}`);
  if (!detailed) return;
  console.log('  cause              P     R    F1   support');
  for (const cause of CAUSE_IDS) {
    const c = scores.perCause[cause];
    console.log(`  ${cause.padEnd(17)}${pct(c.precision)} ${pct(c.recall)} ${pct(c.f1)}   ${c.tp + c.fn}`);
  }
}

/** The per-cause thresholds as the shipped ones are fitted: on these dev reviews and the second set's unsealed part. */
export function fitCauseThresholds(findings: readonly Findings[], reviews: readonly DevReview[]): Record<string, number> {
  return fitThresholds([...findings.map((f, i) => thresholdRow(f, reviews[i])), ...extraThresholdRows()], CONCRETE_CAUSES);
}

/**
 * The experimental cause model, trained on the given dev reviews (each with its inner fold) and on the rows
 * every fit adds: the second set's unsealed part and the environment's extra rows (see compareWithModel).
 */
function fitExperimentalModel(
  dev: ReadonlyArray<{ findings: Findings; causes: CauseId[]; innerFold: number }>,
  combination: readonly number[],
  thresholds: Readonly<Record<string, number>>,
  learned: FitOptions,
  innerFolds: number,
): ReturnType<typeof fitModel> {
  const trainRows = dev.map((r) => trainingRow(r.findings, textNegativity(r.findings, combination), r.causes, learned.bits, thresholds));
  const foldIds = dev.map((r) => r.innerFold);
  // Never the second set's sealed part.
  for (const { review, findings } of unsealedExtraReviews()) {
    trainRows.push(trainingRow(findings, textNegativity(findings, combination), review.causes, learned.bits, thresholds));
    foldIds.push(foldOf(review.id, innerFolds));
  }
  for (const weak of weakFindings()) {
    trainRows.push(weakRow(weak, textNegativity(weak, combination), learned.bits));
    foldIds.push(-1);
  }
  if (process.env.ASPECTS) {
    for (const example of aspectExamples()) {
      trainRows.push(aspectRow(example, textNegativity(example.findings, combination), learned.bits));
      foldIds.push(-1);
    }
  }
  return fitModel(trainRows, foldIds, learned, innerFolds);
}

function predict(review: DevReview): Prediction {
  const result = analyze(review.text);
  return { negative: result.negative, causes: result.causes, extortion: result.extortion };
}

/**
 * 5-fold cross-validation of everything fitted on dev (the negativity combination, and the cause thresholds
 * with the second set's unsealed part): fit on four folds, predict the fifth with that fit, so every review
 * is predicted by weights that never saw it.
 * With `learned`, the experimental cause model is trained on the same four folds and the unsealed part of
 * the second labelled set (its add/drop thresholds by an inner CV over them) and decides together with the
 * rules on the fifth.
 */
export function crossValidatedPredictions(reviews: DevReview[], folds = 5, learned?: FitOptions, gate: ModelGate = 'all'): Prediction[] {
  const findings: Findings[] = reviews.map((r) => gatherFindings(r.text));
  const rows = findings.map((f, i) => ({ features: negativityFeatures(f), negative: reviews[i].negative, fold: foldOf(reviews[i].id, folds) }));
  const predictions = new Array<Prediction>(reviews.length);
  for (let k = 0; k < folds; k++) {
    const combination = fitCombination(rows.filter((r) => r.fold !== k));
    const inFold = rows.map((row, i) => i).filter((i) => rows[i].fold !== k);
    const thresholds = fitCauseThresholds(inFold.map((i) => findings[i]), inFold.map((i) => reviews[i]));
    const negativity = findings.map((f) => textNegativity(f, combination));
    const model = learned
      ? fitExperimentalModel(inFold.map((i) => ({ findings: findings[i], causes: reviews[i].causes, innerFold: rows[i].fold < k ? rows[i].fold : rows[i].fold - 1 })), combination, thresholds, learned, folds - 1)
      : undefined;
    rows.forEach((row, i) => {
      if (row.fold !== k) return;
      const result = decide(findings[i], negativity[i], 'unknown', thresholds);
      const causes = model ? causesWithModel(findings[i], negativity[i], thresholds, model, gate) : result.causes;
      predictions[i] = { negative: result.negative, causes, extortion: result.extortion };
    });
  }
  return predictions;
}

/**
 * `--model`: rules alone vs rules + the experimental cause model, on the same folds, then on the second
 * set's sealed part. Fit options and the extra training rows come from the environment for experiments:
 * BITS, EPOCHS, L2, RATE; WEAK_LIMIT (big-corpus complaints labelled by the rules, default 0), ASPECTS=1
 * (cosmetics aspect labels), WEAK (their weight); MODEL_GATE=all|add|fallback (see ModelGate).
 */
function compareWithModel(reviews: DevReview[], rules: Prediction[]): void {
  const fit: FitOptions = { ...DEFAULT_FIT };
  for (const key of Object.keys(fit) as Array<keyof FitOptions>) if (process.env[key.toUpperCase()]) fit[key] = Number(process.env[key.toUpperCase()]);
  const gate = (process.env.MODEL_GATE ?? 'all') as ModelGate;
  if (!MODEL_GATES.includes(gate)) throw new Error(`MODEL_GATE must be one of ${MODEL_GATES.join(', ')}`);
  const learned = crossValidatedPredictions(reviews, 5, fit, gate);
  console.log(`cause model ${JSON.stringify(fit)}, gate ${gate}, rule-labelled corpus rows ${weakFindings().length}, cosmetics aspect rows ${process.env.ASPECTS ? aspectExamples().length : 0} (5-fold CV, same folds for both)`);
  const untouched = reviews.map((r, i) => i).filter((i) => foldOf(reviews[i].id) >= 3);
  const table = (p: Prediction[]) => ({ all: score(reviews, p), late: score(untouched.map((i) => reviews[i]), untouched.map((i) => p[i])) });
  const a = table(rules);
  const b = table(learned);
  for (const [label, s] of [['rules', a], ['rules+model', b]] as const) {
    console.log(`${label.padEnd(12)} all: micro ${pct(s.all.microF1)} macro ${pct(s.all.macroF1)} neg ${pct(s.all.negativityAccuracy)} | folds 3–4: micro ${pct(s.late.microF1)} macro ${pct(s.late.macroF1)}`);
  }
  const sealed = sealedComparison(reviews, fit, gate);
  if (sealed) console.log(`sealed (${sealed.rules.n}): rules micro ${pct(sealed.rules.microF1)} macro ${pct(sealed.rules.macroF1)} | rules+model micro ${pct(sealed.model.microF1)} macro ${pct(sealed.model.macroF1)}`);
  console.log('  per-cause F1     rules(all) model(all) rules(3–4) model(3–4) rules(sealed) model(sealed)');
  for (const cause of CAUSE_IDS) {
    console.log(`  ${cause.padEnd(17)}${pct(a.all.perCause[cause].f1)}      ${pct(b.all.perCause[cause].f1)}      ${pct(a.late.perCause[cause].f1)}      ${pct(b.late.perCause[cause].f1)}      ${sealed ? pct(sealed.rules.perCause[cause].f1) : ''}      ${sealed ? pct(sealed.model.perCause[cause].f1) : ''}`);
  }
}

/** Rules vs rules + model on the second set's sealed part, everything fitted on all of dev and the unsealed part. */
function sealedComparison(reviews: DevReview[], learned: FitOptions, gate: ModelGate): { rules: Scores; model: Scores } | undefined {
  const extra = loadExtraReviews();
  if (!extra) return undefined;
  const sealed = extra.filter((r) => r.role === 'sealed');
  const findings = reviews.map((r) => gatherFindings(r.text));
  const combination = fitCombination(findings.map((f, i) => ({ features: negativityFeatures(f), negative: reviews[i].negative })));
  const thresholds = fitCauseThresholds(findings, reviews);
  const model = fitExperimentalModel(findings.map((f, i) => ({ findings: f, causes: reviews[i].causes, innerFold: foldOf(reviews[i].id, 4) })), combination, thresholds, learned, 4);
  const rulesPredictions: Prediction[] = [];
  const modelPredictions: Prediction[] = [];
  for (const review of sealed) {
    const f = gatherFindings(review.text);
    const negativity = textNegativity(f, combination);
    const result = decide(f, negativity, 'unknown', thresholds);
    rulesPredictions.push({ negative: result.negative, causes: result.causes, extortion: result.extortion });
    modelPredictions.push({ negative: result.negative, causes: causesWithModel(f, negativity, thresholds, model, gate), extortion: result.extortion });
  }
  return { rules: score(sealed, rulesPredictions), model: score(sealed, modelPredictions) };
}

/**
 * The second labelled set, scored with the shipped engine: nothing is fitted on it, so no cross-validation.
 * Its sealed part was never read, counted over or trained on.
 */
function printExtraScores(): void {
  const extra = loadExtraReviews();
  if (!extra) {
    console.log('\nsecond labelled set skipped: test/fixtures/extra-labels/labels.jsonl or ../shared/data files not found');
    return;
  }
  const scored = (rows: DevReview[]) => score(rows, rows.map(predict));
  console.log('\nsecond labelled set (test/fixtures/extra-labels: reviews outside dev, labelled by helper sessions; shipped engine)');
  printScores('  read: half of batch 1, read for errors while writing cues; fits the thresholds', scored(extra.filter((r) => r.role === 'read')), false);
  printScores('  mined: four fifths of batch 2, counted over when mining cue candidates; fits the thresholds', scored(extra.filter((r) => r.role === 'mined')), false);
  printScores('  sealed: the rest, never read, mined or trained on (the honest estimate)', scored(extra.filter((r) => r.role === 'sealed')), true);
}

function main(): void {
  const devPath = join(DATA_DIR, 'reviews-dev.jsonl');
  if (!existsSync(devPath)) {
    console.log(`eval skipped: ${devPath} not found (the shared data set is not part of the repository).`);
    return;
  }
  const reviews = loadJsonl<DevReview>('reviews-dev.jsonl');
  const predictions = crossValidatedPredictions(reviews);
  if (process.argv.includes('--model')) {
    compareWithModel(reviews, predictions);
    return;
  }
  const shipped = reviews.map(predict);
  const untouched = reviews.map((r, i) => [r, predictions[i]] as const).filter(([r]) => foldOf(r.id) >= 3);
  const inspected = reviews.map((r, i) => [r, predictions[i]] as const).filter(([r]) => foldOf(r.id) < 3);

  console.log('Mend analysis on shared/data/reviews-dev.jsonl (no platform rating given: negativity from text alone)');
  console.log('Lexicons are hand-written (from the taxonomy, reading dev folds 0–2 and complaints in the other shared');
  console.log('corpora); the character model is trained on polarity-os10 + stars-jd + aspects-cosmetics with every dev');
  console.log('review excluded. Only how the negativity signals combine (11 numbers, on dev) and per-cause score');
  console.log('thresholds (10 numbers, on dev and the second set\'s unsealed part) are fitted: the figures below refit');
  console.log('them on 4 folds of dev (plus that part) and score the 5th. Folds 3–4 were never read while writing cues,');
  console.log('so their figure is the honest estimate for unseen reviews, with the second set\'s sealed part below.');
  // --inspected-only: while changing cues, look at folds 0–2 alone so the untouched figure stays unseen.
  const inspectedOnly = process.argv.includes('--inspected-only');
  if (!inspectedOnly) {
    printScores('shipped engine, combination fit on all of dev (optimistic: fit on dev)', score(reviews, shipped), false);
    printScores('all dev reviews, 5-fold cross-validated', score(reviews, predictions), true);
  }
  printScores('folds 0–2, cross-validated (read for errors while writing cues)', score(inspected.map(([r]) => r), inspected.map(([, p]) => p)), inspectedOnly);
  if (!inspectedOnly) printScores('folds 3–4, cross-validated (untouched: the honest estimate)', score(untouched.map(([r]) => r), untouched.map(([, p]) => p)), true);

  if (!inspectedOnly) printExtraScores();

  if (process.argv.includes('--errors')) {
    console.log('\nerrors in folds 0–2:');
    for (const [review, prediction] of inspected) {
      const gold = [...review.causes].sort().join(',');
      const got = [...prediction.causes].sort().join(',');
      if (gold === got && review.negative === prediction.negative) continue;
      console.log(`${review.negative ? 'N' : 'P'}${prediction.negative ? 'N' : 'P'} gold=${gold || '-'} got=${got || '-'} | ${review.text.slice(0, 120).replace(/\s+/g, ' ')}`);
    }
  }
}

const isDirectRun = process.argv[1] && /eval\.ts$/.test(process.argv[1]);
if (isDirectRun) main();
