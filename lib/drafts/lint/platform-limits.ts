import { platformRules } from '../platform-rules';
import { toDate } from '../time-format';
import { PUBLIC_KINDS, type Finding, type LintContext } from '../types';
import { finding } from './finding';

/** "Closing" means the seller should reply today or tomorrow rather than next week. */
export const CLOSING_DAYS = 3;
const DAY_MS = 86_400_000;

export function tooLong(text: string, ctx: LintContext): Finding[] {
  if (!PUBLIC_KINDS.includes(ctx.kind)) return [];
  const { maxLength } = platformRules(ctx.platform);
  const codePoints = [...text];
  if (codePoints.length <= maxLength) return [];
  // The span starts at the first character past the limit, in UTF-16 units like every other span.
  const start = codePoints.slice(0, maxLength).join('').length;
  return [
    finding('too_long', 'warning', 'lint_too_long', `Reply has ${codePoints.length} characters; ${ctx.platform} accepts about ${maxLength}`, [String(codePoints.length), String(maxLength)], start, text.length),
  ];
}

/** Days left to reply: what the page says, else computed from the review date and the platform's window. */
export function daysLeft(ctx: LintContext): number | undefined {
  if (typeof ctx.replyDaysLeft === 'number' && Number.isFinite(ctx.replyDaysLeft)) return ctx.replyDaysLeft;
  const window = platformRules(ctx.platform).replyWindowDays;
  if (window === undefined || !ctx.reviewDate) return undefined;
  const reviewed = toDate(ctx.reviewDate, 'reviewDate').getTime();
  const now = ctx.now === undefined ? Date.now() : toDate(ctx.now, 'now').getTime();
  return Math.floor((reviewed + window * DAY_MS - now) / DAY_MS);
}

export function replyWindow(text: string, ctx: LintContext): Finding[] {
  if (!PUBLIC_KINDS.includes(ctx.kind)) return [];
  const left = daysLeft(ctx);
  if (left === undefined || left > CLOSING_DAYS) return [];
  if (left < 0) return [finding('reply_window', 'warning', 'lint_reply_window_closed', 'The reply window for this review has closed', [], 0, text.length)];
  return [finding('reply_window', 'warning', 'lint_reply_window_closing', `The reply window closes in ${left} day(s)`, [String(left)], 0, text.length)];
}

export function oneReply(text: string, ctx: LintContext): Finding[] {
  if (!PUBLIC_KINDS.includes(ctx.kind) || !platformRules(ctx.platform).oneReplyNoEdit) return [];
  if (ctx.isEdit) {
    return [finding('one_reply', 'warning', 'lint_no_edit', `${ctx.platform} does not allow editing a posted reply`, [ctx.platform], 0, text.length)];
  }
  return [finding('one_reply', 'warning', 'lint_one_reply', `${ctx.platform} allows one reply per review and it cannot be edited: check it before posting`, [ctx.platform], 0, text.length)];
}
