import { decide, type AnalyzeOptions } from './decide';
import { gatherFindings } from './engine';
import { textNegativity } from './negativity-decision';
import { detectLangFrom } from './lang';
import { normalize } from './normalize';
import type { Analysis, Lang } from './types';

// Local copies: under tsx (the command line) every use of an imported binding goes through a getter.
const findingsOf = gatherFindings;
const negativityOf = textNegativity;
const decideOn = decide;

export type { AnalyzeOptions, PlatformRating } from './decide';
export type { Analysis, CauseId, Lang, Span } from './types';
export { CAUSE_IDS } from './types';

/**
 * Negativity, cause labels with evidence spans (offsets into `text` as given) and extortion cues for one
 * review. Synchronous and allocation-light: the content script calls it for every review on a page.
 *
 * Rating: the platform's rating wins when the page shows one — medium/bad → negative, good → not
 * negative, whatever the text says; without one ('unknown'), negativity comes from the text.
 * Causes always come from the text:
 * - a negative review gets its concrete causes; with none named, `personal` (the buyer's taste, a
 *   vague verdict) or `other` (a book's content, a brand), else `quality` (an unspecific product complaint);
 * - a review the platform rates good gets concrete causes only when its text itself complains
 *   (五星 but "物流太慢" → logistics, so the seller still sees it), never the personal/other fallbacks;
 * - a satisfied review gets no causes.
 */
export function analyze(text: string, opts: AnalyzeOptions = {}): Analysis {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const findings = findingsOf(input);
  return decideOn(findings, negativityOf(findings), opts.rating ?? 'unknown');
}

export function detectLang(text: string): Lang {
  return detectLangFrom(normalize(typeof text === 'string' ? text : String(text ?? '')));
}
