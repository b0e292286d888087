import type { CriticFacts } from '../../../lib/analysis/risk/facts';
import type { ExtortionFinding } from '../../../lib/analysis/risk/derive';

/** An ordinary unhappy review with nothing else known. */
export const ANGRY_TEXT = '质量太差了，用了两天就坏了，非常失望';

export function facts(extra: Partial<CriticFacts> = {}): CriticFacts {
  return { id: 'r1', platform: 'qianniu', rating: 'bad', text: ANGRY_TEXT, ...extra };
}

/** The analysis' finding for a text that threatens (the evidence covers the whole text). */
export function extortionFor(text: string): ExtortionFinding {
  return { extortion: true, extortionEvidence: [[0, text.length]] };
}

export const NO_EXTORTION: ExtortionFinding = { extortion: false, extortionEvidence: [] };

export function noAnswer(n: number) {
  return Array.from({ length: n }, (_, i) => ({ at: 1_700_000_000_000 + i * 3_600_000, channel: 'phone', outcome: 'no_answer' as const }));
}
