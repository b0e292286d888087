import type { Platform } from '../sites/types';
import type { Case } from './types';
import { isOpenState } from './types';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** The guides agree: answer within a day, publicly and privately, before the buyer forgets. */
export const FIRST_RESPONSE_SLA_MS = 24 * HOUR_MS;

/** Platforms whose reply window is a fixed number of days from the review rather than shown on the page. */
const FIXED_REPLY_WINDOW_DAYS: Partial<Record<Platform, number>> = { kuaishou: 30 };

type TimedCase = Pick<
  Case,
  | 'platform'
  | 'reviewDate'
  | 'firstSeenAt'
  | 'firstResponseAt'
  | 'replyDaysLeft'
  | 'replyDaysLeftReadAt'
  | 'existingReply'
  | 'flags'
  | 'state'
  | 'nextFollowUpAt'
  | 'snoozedUntil'
>;

function parseDate(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** When the review was written, or when Mend first saw it if the page shows no date. */
export function reviewStart(c: Pick<Case, 'reviewDate' | 'firstSeenAt'>): number {
  return parseDate(c.reviewDate) ?? c.firstSeenAt;
}

export interface Countdown {
  deadline: number;
  remainingMs: number;
  overdue: boolean;
}

function countdown(deadline: number, now: number): Countdown {
  return { deadline, remainingMs: deadline - now, overdue: now > deadline };
}

/** The first-response SLA; null once the seller has responded (a contact or a public reply). */
export function firstResponseSla(c: TimedCase, now: number): Countdown | null {
  if (c.firstResponseAt !== undefined) return null;
  return countdown(reviewStart(c) + FIRST_RESPONSE_SLA_MS, now);
}

/**
 * The platform's own reply window: "还有N天可回复" read at some moment, or a fixed window such as
 * Kuaishou's 30 days from the review. Null when unknown or already used (a reply exists).
 */
export function replyWindow(c: TimedCase, now: number): Countdown | null {
  if (c.existingReply || c.flags.publicReplyPosted) return null;
  if (c.replyDaysLeft !== undefined && c.replyDaysLeftReadAt !== undefined) {
    return countdown(c.replyDaysLeftReadAt + c.replyDaysLeft * DAY_MS, now);
  }
  const fixedDays = FIXED_REPLY_WINDOW_DAYS[c.platform];
  if (fixedDays !== undefined) return countdown(reviewStart(c) + fixedDays * DAY_MS, now);
  return null;
}

/** The follow-up the seller planned, moved later by a snooze. */
export function followUpAt(c: Pick<Case, 'nextFollowUpAt' | 'snoozedUntil'>): number | undefined {
  if (c.nextFollowUpAt === undefined) return undefined;
  return Math.max(c.nextFollowUpAt, c.snoozedUntil ?? 0);
}

/**
 * The earliest pending deadline of an open case; +Infinity when closed or nothing is pending.
 * Stored on the case, so the listing can walk an index in urgency order: overdue cases have the
 * smallest deadlines and therefore come first without any per-query computation.
 */
export function caseDueAt(c: TimedCase): number {
  if (!isOpenState(c.state)) return Number.POSITIVE_INFINITY;
  // `now` only matters for the countdown fields, not for the deadlines themselves.
  const deadlines = [firstResponseSla(c, 0)?.deadline, replyWindow(c, 0)?.deadline, followUpAt(c)];
  let due = Number.POSITIVE_INFINITY;
  for (const d of deadlines) if (d !== undefined && d < due) due = d;
  return due;
}

/** Overdue first, then the nearest deadline; among equals, the most recently touched case. */
export function compareUrgency(a: Pick<Case, 'dueAt' | 'updatedAt'>, b: Pick<Case, 'dueAt' | 'updatedAt'>): number {
  if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt ? -1 : 1;
  return b.updatedAt - a.updatedAt;
}
