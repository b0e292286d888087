/**
 * Extra training rows for the experimental cause model, never from dev: complaints from polarity-os10
 * and low-star stars-jd labelled by the rules alone (meant to teach which characters travel with a cue),
 * and the cosmetics reviews' human aspect labels. Neither moved the cross-validated figures beyond noise.
 */
import { gatherFindings, type Findings } from '../../lib/analysis/engine';
import { MODEL_WIDTH } from './cause-model';
import { CAUSE_IDS, type CauseId } from '../../lib/analysis/types';
import { loadJsonl, type DevReview } from './eval';
import { trainingRow, type TrainingRow } from './fit-cause-model';

const LIMIT = Number(process.env.WEAK_LIMIT ?? 0);
export const WEAK_WEIGHT = Number(process.env.WEAK ?? 0.3);
let cache: Findings[] | undefined;

/** Rule-labelled complaints: a cause the rules find counts as present, one they miss as absent. */
export function weakFindings(): Findings[] {
  if (LIMIT === 0) return [];
  if (cache) return cache;
  const dev = new Set(loadJsonl<DevReview>('reviews-dev.jsonl').map((r) => r.id));
  const texts: string[] = [];
  for (const r of loadJsonl<{ id: string; text: string; negative: boolean }>('polarity-os10.jsonl')) if (r.negative && !dev.has(r.id)) texts.push(r.text);
  for (const r of loadJsonl<{ id: string; text: string; stars: number }>('stars-jd.jsonl')) if (r.stars <= 2 && !dev.has(r.id)) texts.push(r.text);
  // An even spread over both corpora, the same on every run.
  const step = Math.max(1, Math.floor(texts.length / LIMIT));
  cache = texts.filter((t, i) => i % step === 0 && t.length <= 200).slice(0, LIMIT).map((t) => gatherFindings(t));
  return cache;
}

const known = new Uint8Array(MODEL_WIDTH).map((_, c) => (CAUSE_IDS[c] === 'personal' || CAUSE_IDS[c] === 'other' ? 0 : 1));

/** The cosmetics set's aspect categories that name a taxonomy cause outright. */
const ASPECT_CAUSES: Record<string, CauseId> = { 物流: 'logistics', 价格: 'price_value', 服务: 'service', 真伪: 'authenticity', 包装: 'packaging' };
const aspectKnown = new Uint8Array(MODEL_WIDTH).map((_, c) => (Object.values(ASPECT_CAUSES).includes(CAUSE_IDS[c]) ? 1 : 0));
let aspectCache: Array<{ findings: Findings; causes: CauseId[] }> | undefined;

/**
 * The cosmetics reviews (not in dev) with human aspect labels: a negative opinion in 物流/价格/服务/真伪/包装
 * is that cause; those five causes are known for every row (absent = no such complaint), the rest unknown.
 */
export function aspectExamples(): Array<{ findings: Findings; causes: CauseId[] }> {
  if (aspectCache) return aspectCache;
  const dev = new Set(loadJsonl<DevReview>('reviews-dev.jsonl').map((r) => r.id));
  aspectCache = loadJsonl<{ id: string; text: string; opinions: Array<{ category: string; polarity: string }> }>('aspects-cosmetics.jsonl')
    .filter((r) => !dev.has(r.id))
    .map((r) => ({ findings: gatherFindings(r.text), causes: [...new Set(r.opinions.filter((o) => o.polarity === '负面' && ASPECT_CAUSES[o.category]).map((o) => ASPECT_CAUSES[o.category]))] }));
  return aspectCache;
}

export function aspectRow(example: { findings: Findings; causes: CauseId[] }, negativity: number, bits: number): TrainingRow {
  return { ...trainingRow(example.findings, negativity, example.causes, bits, {}, WEAK_WEIGHT), known: aspectKnown };
}

export function weakRow(findings: Findings, negativity: number, bits: number): TrainingRow {
  const causes = CAUSE_IDS.filter((c) => (findings.scores.get(c) ?? 0) >= 1) as CauseId[];
  return { ...trainingRow(findings, negativity, causes, bits, {}, WEAK_WEIGHT), known };
}
