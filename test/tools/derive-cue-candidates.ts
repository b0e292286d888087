/**
 * Cue mining on the large corpora (never on reviews-dev): which complaint wording do negative reviews use
 * that no lexicon entry covers yet? Prints, per corpus, how often a negative review gets a concrete cause,
 * the character n-grams most over-represented in negatives that fell back to an unspecific label, and a
 * sample of those reviews to read. A human reads the list and decides what joins a lexicon (by the taxonomy).
 *
 *   npx tsx test/tools/derive-cue-candidates.ts [--ngrams 2-4] [--sample 40] [--near 快递]
 */
import { CAUSE_THRESHOLDS } from '../../lib/analysis/data/combination';
import { gatherFindings } from '../../lib/analysis/engine';
import { normalize } from '../../lib/analysis/normalize';
import { DATA_DIR, loadJsonl } from './eval';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

interface CorpusReview {
  id: string;
  text: string;
  negative: boolean;
}

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

/** Negatives and positives of the big corpora, dev reviews (by id and by text) left out. */
export function corpusReviews(): CorpusReview[] {
  const dev = loadJsonl<{ id: string; text: string }>('reviews-dev.jsonl');
  const devIds = new Set(dev.map((r) => r.id));
  const devTexts = new Set(dev.map((r) => r.text.trim()));
  const keep = (r: CorpusReview): boolean => !devIds.has(r.id) && !devTexts.has(r.text.trim()) && r.text.trim().length > 0;
  const os10 = loadJsonl<{ id: string; text: string; negative: boolean }>('polarity-os10.jsonl').map((r) => ({ id: r.id, text: r.text, negative: r.negative }));
  const jd = loadJsonl<{ id: string; text: string; stars: number }>('stars-jd.jsonl')
    .filter((r) => r.stars !== 3)
    .map((r) => ({ id: r.id, text: r.text, negative: r.stars <= 2 }));
  return [...os10, ...jd].filter(keep);
}

function ngrams(text: string, low: number, high: number, into: Set<string>): void {
  for (let n = low; n <= high; n++) {
    for (let i = 0; i + n <= text.length; i++) {
      const gram = text.slice(i, i + n);
      if (/[\s\p{P}\d]/u.test(gram)) continue;
      into.add(gram);
    }
  }
}

function main(): void {
  if (!existsSync(join(DATA_DIR, 'polarity-os10.jsonl'))) {
    console.log('skipped: shared corpora not found');
    return;
  }
  const [low, high] = arg('--ngrams', '2-4').split('-').map(Number);
  const near = arg('--near', '');
  const sample = Number(arg('--sample', '40'));
  const reviews = corpusReviews();
  const fallbackDf = new Map<string, number>();
  const positiveDf = new Map<string, number>();
  let negatives = 0;
  let positives = 0;
  let concrete = 0;
  const fallbacks: string[] = [];
  for (const review of reviews) {
    const text = normalize(review.text).text;
    if (near && !text.includes(near)) continue;
    const grams = new Set<string>();
    ngrams(text, low, high, grams);
    if (!review.negative) {
      positives++;
      for (const g of grams) positiveDf.set(g, (positiveDf.get(g) ?? 0) + 1);
      continue;
    }
    negatives++;
    if (namesConcreteCause(review.text)) {
      concrete++;
      continue;
    }
    fallbacks.push(review.text);
    for (const g of grams) fallbackDf.set(g, (fallbackDf.get(g) ?? 0) + 1);
  }
  console.log(`negatives ${negatives}, with a concrete cause ${concrete} (${((100 * concrete) / negatives).toFixed(1)}%), fallback ${fallbacks.length}; positives ${positives}`);
  const rows = [...fallbackDf]
    .filter(([, df]) => df >= 8)
    .map(([gram, df]) => {
      const p = (df + 0.5) / (fallbacks.length + 1);
      const q = ((positiveDf.get(gram) ?? 0) + 0.5) / (positives + 1);
      return { gram, df, pos: positiveDf.get(gram) ?? 0, lift: Math.log(p / q) };
    })
    .filter((r) => r.lift > 1)
    .sort((a, b) => b.df * b.lift - a.df * a.lift)
    .slice(0, Number(arg('--top', '300')));
  console.log(rows.map((r) => `${r.gram}:${r.df}/${r.pos}`).join('  '));
  console.log('\nsample of fallback negatives:');
  for (let i = 0; i < sample && fallbacks.length > 0; i++) console.log('- ' + fallbacks[Math.floor((i * 7919) % fallbacks.length)].slice(0, 140).replace(/\s+/g, ' '));
}

/** Whether some cause reached its threshold on its own cues (not the unspecific-complaint fallback). */
function namesConcreteCause(text: string): boolean {
  for (const [cause, score] of gatherFindings(text).scores) if (score > 0 && score >= (CAUSE_THRESHOLDS[cause] ?? 1)) return true;
  return false;
}

const isDirectRun = process.argv[1] && /derive-cue-candidates\.ts$/.test(process.argv[1]);
if (isDirectRun) main();
