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

/** Local wall-clock windows, in minutes after midnight, when buyers answer the phone best. */
export interface ContactWindow {
  startMinute: number;
  endMinute: number;
}

/** The guides' windows: lunch 12:00–13:00 and evening 18:00–20:00. */
export const CONTACT_WINDOWS: readonly ContactWindow[] = [
  { startMinute: 12 * 60, endMinute: 13 * 60 },
  { startMinute: 18 * 60, endMinute: 20 * 60 },
];

/**
 * How the seller's local time relates to UTC: a fixed offset (minutes east of UTC, e.g. 480 for
 * China) or an IANA zone, which also follows daylight saving (OTTO sellers in Europe/Berlin).
 */
export type LocalZone = { utcOffsetMinutes: number } | { timeZone: string };

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = zoneFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes east of UTC that `zone` has at `instant`. */
export function utcOffsetAt(zone: LocalZone, instant: number): number {
  if ('utcOffsetMinutes' in zone) return zone.utcOffsetMinutes;
  const parts: Record<string, number> = {};
  for (const part of zoneFormatter(zone.timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wallAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((wallAsUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant at which the zone's wall clock shows `wallAsUtc` (a local time written as if it were UTC). */
function instantOfWallTime(zone: LocalZone, wallAsUtc: number): number {
  // Two passes settle the offset even when the guess lands on the other side of a DST switch.
  let instant = wallAsUtc - utcOffsetAt(zone, wallAsUtc) * 60_000;
  instant = wallAsUtc - utcOffsetAt(zone, instant) * 60_000;
  return instant;
}

export interface ContactSlot {
  start: number;
  end: number;
}

/**
 * The next moment, at or after `from`, inside one of the seller's local contact windows. When
 * `from` already falls inside a window, the slot starts right away and ends with the window, unless
 * less than `minMinutes` of it is left: a call needs a little time.
 */
export function suggestContactSlot(
  from: number,
  zone: LocalZone,
  options: { windows?: readonly ContactWindow[]; minMinutes?: number } = {},
): ContactSlot {
  const windows = options.windows ?? CONTACT_WINDOWS;
  const minMs = (options.minMinutes ?? 15) * 60_000;
  if (windows.length === 0) throw new RangeError('At least one contact window is needed');
  const local = new Date(from + utcOffsetAt(zone, from) * 60_000);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const sorted = [...windows].sort((a, b) => a.startMinute - b.startMinute);
  for (let day = 0; day < 3; day++) {
    for (const window of sorted) {
      const dayStart = midnight + day * DAY_MS;
      const start = instantOfWallTime(zone, dayStart + window.startMinute * 60_000);
      const end = instantOfWallTime(zone, dayStart + window.endMinute * 60_000);
      if (end - Math.max(start, from) >= minMs) return { start: Math.max(start, from), end };
    }
  }
  throw new RangeError('No contact window found in the next days');
}
