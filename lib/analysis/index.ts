import { decide, gatherFindings, textNegativity, type AnalyzeOptions } from './engine';
import { detectLangFrom } from './lang';
import { normalize } from './normalize';
import type { Analysis, Lang } from './types';

export type { AnalyzeOptions, PlatformRating } from './engine';
export type { Analysis, CauseId, Lang, Span } from './types';
export { CAUSE_IDS } from './types';

/**
 * Negativity, cause labels with evidence spans (offsets into `text` as given) and extortion cues for one
 * review. A platform rating of medium/bad makes the review negative and good makes it not negative,
 * whatever the text says; causes always come from the text.
 */
export function analyze(text: string, opts: AnalyzeOptions = {}): Analysis {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const findings = gatherFindings(input);
  return decide(findings, textNegativity(findings), opts.rating ?? 'unknown');
}

export function detectLang(text: string): Lang {
  return detectLangFrom(normalize(typeof text === 'string' ? text : String(text ?? '')));
}
