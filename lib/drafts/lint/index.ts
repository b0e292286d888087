import { PUBLIC_KINDS, type Finding, type LintContext } from '../types';
import { nearDuplicate } from './near-duplicate';
import { personalData } from './personal-data';
import { oneReply, replyWindow, tooLong } from './platform-limits';
import { amazonReviewRequest, reviewIncentive } from './review-change';
import { absoluteClaims, blameBuyer } from './wording';

/**
 * Policy findings for one reply text, errors first, then by position. Pure and total: any string and
 * context yield an array (a bad `reviewDate`/`now` only skips the window check), so it can run on every
 * keystroke. Personal data is checked only in public kinds; everything else applies to every kind.
 */
export function lintReply(text: string, ctx: LintContext): Finding[] {
  if (typeof text !== 'string') return [];
  const findings: Finding[] = [
    ...(PUBLIC_KINDS.includes(ctx.kind) ? personalData(text, ctx) : []),
    ...reviewIncentive(text),
    ...amazonReviewRequest(text, ctx),
    ...blameBuyer(text),
    ...absoluteClaims(text),
    ...tooLong(text, ctx),
    ...safely(() => replyWindow(text, ctx)),
    ...oneReply(text, ctx),
    ...nearDuplicate(text, ctx),
  ];
  return findings.sort((a, b) => (a.severity === b.severity ? a.start - b.start || a.end - b.end : a.severity === 'error' ? -1 : 1));
}

function safely(check: () => Finding[]): Finding[] {
  try {
    return check();
  } catch {
    return [];
  }
}

/** True when the text may be posted/sent as far as policy goes (warnings allowed). */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
