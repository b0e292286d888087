import { analyze, CAUSE_IDS, type CauseId } from '../analysis/index';
import type { PlatformRating } from '../analysis/index';
import { requireString } from './records';

// Local copies: under tsx every use of an imported function goes through a getter, once per record here.
const analyzeText = analyze;
const textOf = requireString;

export const describe = 'cause labels, negativity and extortion cues for each review';

const causeCounts = new Map<CauseId, number>();
let reviews = 0;
let negatives = 0;
let extortions = 0;

/** Platform ratings as exports spell them: words, Chinese labels or 1–5 stars. */
function ratingOf(value: unknown): PlatformRating {
  if (typeof value === 'number' && Number.isFinite(value)) return value >= 4 ? 'good' : value >= 3 ? 'medium' : 'bad';
  if (typeof value !== 'string') return 'unknown';
  const text = value.trim().toLowerCase();
  if (text === 'good' || text === '好评' || text === 'positive') return 'good';
  if (text === 'medium' || text === '中评' || text === 'neutral') return 'medium';
  if (text === 'bad' || text === '差评' || text === 'negative') return 'bad';
  if (/^[1-5](\.0)?$/.test(text)) return ratingOf(Number(text));
  return 'unknown';
}

export function handleRecord(record: Record<string, unknown>): object {
  const text = textOf(record, 'text');
  const result = analyzeText(text, { rating: ratingOf(record.rating) });
  reviews++;
  if (result.negative) negatives++;
  if (result.extortion) extortions++;
  for (const cause of result.causes) causeCounts.set(cause, (causeCounts.get(cause) ?? 0) + 1);
  // analyze() gives evidence for exactly the listed causes, in their order: it is the output field as it is.
  const line: Record<string, unknown> = { id: record.id, lang: result.lang, negative: result.negative, causes: result.causes, extortion: result.extortion, evidence: result.evidence };
  // `evidence` stays keyed by cause ids; the words behind an extortion flag get their own field.
  if (result.extortion) line.extortionEvidence = result.extortionEvidence;
  return line;
}

/** Cause counts over the batch, most frequent first: what a seller reads after analysing an export. */
export function finish(): string | undefined {
  if (reviews === 0) return undefined;
  const counts = CAUSE_IDS.map((cause) => [cause, causeCounts.get(cause) ?? 0] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([cause, n]) => `${cause} ${n}`);
  return `${reviews} reviews, ${negatives} negative, ${extortions} with extortion cues; causes: ${counts.length > 0 ? counts.join(', ') : 'none'}`;
}
