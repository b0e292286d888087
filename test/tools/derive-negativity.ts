/**
 * Derives lib/analysis/data/negativity.ts: a logistic-regression over character unigrams and bigrams of
 * the normalized text, trained on ../shared/data (polarity-os10, stars-jd, aspects-cosmetics). Every
 * review whose id or text occurs in reviews-dev.jsonl is excluded, so dev figures stay unseen data.
 * Only the strongest weights are kept, quantized, to keep the content script small.
 *
 * Run: npx tsx test/tools/derive-negativity.ts
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { featureKeys } from '../../lib/analysis/negativity';
import { normalize } from '../../lib/analysis/normalize';
import { DATA_DIR, loadJsonl, type DevReview } from './eval';

const KEEP = Number(process.env.KEEP ?? 16000);
/** The cosmetics set is labelled like Mend's data (any complaint counts): it is repeated to weigh more. */
const COSMETICS_REPEAT = Number(process.env.COSMETICS_REPEAT ?? 1);
const EPOCHS = 6;
const L2 = 1e-6;

interface Example {
  keys: number[];
  label: number;
}

function examples(): { train: Example[]; validation: Example[] } {
  const dev = loadJsonl<DevReview>('reviews-dev.jsonl');
  const devIds = new Set(dev.map((r) => r.id));
  const devTexts = new Set(dev.map((r) => normalize(r.text).text));
  const all: Array<{ text: string; label: number }> = [];
  for (const r of loadJsonl<{ id: string; text: string; negative: boolean }>('polarity-os10.jsonl')) {
    if (!devIds.has(r.id)) all.push({ text: r.text, label: r.negative ? 1 : 0 });
  }
  for (const r of loadJsonl<{ id: string; text: string; stars: number }>('stars-jd.jsonl')) {
    if (devIds.has(r.id) || r.stars === 4) continue;
    all.push({ text: r.text, label: r.stars <= 3 ? 1 : 0 });
  }
  for (const r of loadJsonl<{ id: string; text: string; opinions: Array<{ polarity: string }> }>('aspects-cosmetics.jsonl')) {
    if (devIds.has(r.id)) continue;
    for (let k = 0; k < COSMETICS_REPEAT; k++) all.push({ text: r.text, label: r.opinions.some((o) => o.polarity === '负面') ? 1 : 0 });
  }
  const seen = new Set<string>();
  const train: Example[] = [];
  const validation: Example[] = [];
  let i = 0;
  for (const { text, label } of all) {
    const normalized = normalize(text).text;
    if (devTexts.has(normalized) || (seen.has(normalized) && COSMETICS_REPEAT === 1)) continue;
    seen.add(normalized);
    const example = { keys: [...new Set(featureKeys(normalized))], label };
    (i++ % 10 === 0 ? validation : train).push(example);
  }
  return { train, validation };
}

function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function documentFrequency(data: Example[]): Map<number, number> {
  const frequency = new Map<number, number>();
  for (const example of data) for (const key of example.keys) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  return frequency;
}

function train(data: Example[], allowed?: Set<number>): { weights: Map<number, number>; bias: number } {
  const frequency = documentFrequency(data);
  if (allowed) for (const key of frequency.keys()) if (!allowed.has(key)) frequency.delete(key);
  const weights = new Map<number, number>();
  const gradSquares = new Map<number, number>();
  let bias = 0;
  let biasSquares = 1e-8;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const example of shuffle(data, 7 + epoch)) {
      const keys = example.keys.filter((k) => (frequency.get(k) ?? 0) >= 4);
      let z = bias;
      for (const key of keys) z += weights.get(key) ?? 0;
      const p = 1 / (1 + Math.exp(-z));
      const g = p - example.label;
      biasSquares += g * g;
      bias -= (0.5 * g) / Math.sqrt(biasSquares);
      for (const key of keys) {
        const w = weights.get(key) ?? 0;
        const grad = g + L2 * w;
        const squares = (gradSquares.get(key) ?? 1e-8) + grad * grad;
        gradSquares.set(key, squares);
        weights.set(key, w - (0.5 * grad) / Math.sqrt(squares));
      }
    }
  }
  return { weights, bias };
}

function accuracy(data: Example[], weights: Map<number, number>, bias: number): number {
  let correct = 0;
  for (const example of data) {
    let z = bias;
    for (const key of example.keys) z += weights.get(key) ?? 0;
    if (z > 0 === (example.label === 1)) correct++;
  }
  return correct / data.length;
}

/** Keys are code points packed as numbers; written as the characters themselves (1–2 chars each). */
function keyText(key: number): string {
  return key >= 65536 ? String.fromCharCode(Math.floor(key / 65536), key % 65536) : String.fromCharCode(key);
}

function main(): void {
  if (!existsSync(join(DATA_DIR, 'reviews-dev.jsonl'))) {
    console.log('derive-negativity skipped: ../shared/data not found');
    return;
  }
  const { train: trainSet, validation } = examples();
  const { weights, bias } = train(trainSet);
  console.log(`trained on ${trainSet.length}, ${weights.size} weights; validation accuracy ${(accuracy(validation, weights, bias) * 100).toFixed(1)}%`);
  // Keep the features that move the most decisions (|weight| × how often they occur), then refit on
  // those alone so the remaining weights absorb what the dropped ones carried.
  const frequency = documentFrequency(trainSet);
  const chosen = new Set(
    [...weights.entries()]
      .sort((a, b) => Math.abs(b[1]) * Math.sqrt(frequency.get(b[0]) ?? 0) - Math.abs(a[1]) * Math.sqrt(frequency.get(a[0]) ?? 0))
      .slice(0, KEEP)
      .map(([key]) => key),
  );
  const refit = train(trainSet, chosen);
  const strongest = [...refit.weights.entries()].filter(([key]) => chosen.has(key));
  const finalBias = refit.bias;
  const scale = 127 / Math.max(...strongest.map(([, w]) => Math.abs(w)));
  const kept = new Map(strongest.map(([k, w]) => [k, Math.round(w * scale) / scale]));
  console.log(`kept ${kept.size}: validation accuracy ${(accuracy(validation, kept, finalBias) * 100).toFixed(1)}%`);
  // Grouped by quantized weight: "<weight>:<features joined by \u0001>" lines compress far better than pairs.
  const groups = new Map<number, string[]>();
  for (const [key, w] of strongest) {
    const q = Math.round(w * scale);
    if (q === 0) continue;
    const list = groups.get(q) ?? [];
    list.push(keyText(key));
    groups.set(q, list);
  }
  const lines = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([q, list]) => `${q}\u0002${list.sort().join('\u0001')}`);
  const body = [
    '// Generated by test/tools/derive-negativity.ts from ../shared/data (dev reviews excluded); do not edit by hand.',
    `export const NEGATIVITY_BIAS = ${finalBias.toFixed(4)};`,
    `export const NEGATIVITY_SCALE = ${scale.toFixed(4)};`,
    '/** Lines of "<quantized weight>\\u0002<feature>\\u0001<feature>…"; a feature is one or two characters. */',
    `export const NEGATIVITY_WEIGHTS = ${JSON.stringify(lines.join('\n'))};`,
    '',
  ].join('\n');
  // OUT lets a variant be written elsewhere and compared before it replaces the shipped model.
  const out = process.env.OUT ?? 'lib/analysis/data/negativity.ts';
  writeFileSync(resolve(process.cwd(), out), body);
  console.log(`wrote ${out} (${body.length} chars)`);
}

main();
