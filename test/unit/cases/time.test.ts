import { describe, expect, it } from 'vitest';
import type { Case } from '../../../lib/cases/types';
import {
  DAY_MS,
  HOUR_MS,
  caseDueAt,
  firstResponseSla,
  replyWindow,
  suggestContactSlot,
  utcOffsetAt,
} from '../../../lib/cases/time';

type Timed = Parameters<typeof caseDueAt>[0];

function timed(overrides: Partial<Case> = {}): Timed {
  return {
    platform: 'qianniu',
    reviewDate: '2026-11-20T10:00:00Z',
    firstSeenAt: Date.parse('2026-11-21T00:00:00Z'),
    flags: { publicReplyPosted: false, appealFiled: false },
    state: 'new',
    ...overrides,
  };
}

const REVIEW = Date.parse('2026-11-20T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('first-response SLA', () => {
  it('counts 24 hours from the review date', () => {
    const sla = firstResponseSla(timed(), REVIEW + 20 * HOUR_MS)!;
    expect(sla.deadline).toBe(REVIEW + DAY_MS);
    expect(sla.remainingMs).toBe(4 * HOUR_MS);
    expect(sla.overdue).toBe(false);
    expect(firstResponseSla(timed(), REVIEW + 25 * HOUR_MS)).toMatchObject({ overdue: true, remainingMs: -HOUR_MS });
  });

  it('counts from first sight when the page shows no date, and ends with the first response', () => {
    const seen = Date.parse('2026-11-21T00:00:00Z');
    expect(firstResponseSla(timed({ reviewDate: undefined }), seen)!.deadline).toBe(seen + DAY_MS);
    expect(firstResponseSla(timed({ reviewDate: 'not a date' }), seen)!.deadline).toBe(seen + DAY_MS);
    expect(firstResponseSla(timed({ firstResponseAt: seen }), seen)).toBeNull();
  });
});

describe('platform reply window', () => {
  it('turns "N days left" read at a moment into a deadline', () => {
    const readAt = Date.parse('2026-11-21T08:00:00Z');
    const w = replyWindow(timed({ replyDaysLeft: 3, replyDaysLeftReadAt: readAt }), readAt + DAY_MS)!;
    expect(w.deadline).toBe(readAt + 3 * DAY_MS);
    expect(w.remainingMs).toBe(2 * DAY_MS);
  });

  it('gives Kuaishou 30 days from the review and nothing to platforms without a known window', () => {
    expect(replyWindow(timed({ platform: 'kuaishou' }), REVIEW)!.deadline).toBe(REVIEW + 30 * DAY_MS);
    expect(replyWindow(timed({ platform: 'otto' }), REVIEW)).toBeNull();
  });

  it('is over once a reply exists', () => {
    expect(replyWindow(timed({ platform: 'kuaishou', existingReply: '感谢反馈' }), REVIEW)).toBeNull();
    expect(
      replyWindow(timed({ platform: 'kuaishou', flags: { publicReplyPosted: true, appealFiled: false } }), REVIEW),
    ).toBeNull();
  });
});

describe('urgency', () => {
  it('is the earliest pending deadline of an open case', () => {
    const readAt = REVIEW + HOUR_MS;
    expect(caseDueAt(timed())).toBe(REVIEW + DAY_MS);
    expect(caseDueAt(timed({ firstResponseAt: REVIEW, replyDaysLeft: 5, replyDaysLeftReadAt: readAt }))).toBe(
      readAt + 5 * DAY_MS,
    );
    expect(caseDueAt(timed({ firstResponseAt: REVIEW, nextFollowUpAt: REVIEW + 2 * HOUR_MS }))).toBe(
      REVIEW + 2 * HOUR_MS,
    );
    // A snooze moves the follow-up later, never earlier.
    expect(
      caseDueAt(timed({ firstResponseAt: REVIEW, nextFollowUpAt: REVIEW + HOUR_MS, snoozedUntil: REVIEW + 3 * HOUR_MS })),
    ).toBe(REVIEW + 3 * HOUR_MS);
    expect(caseDueAt(timed({ firstResponseAt: REVIEW }))).toBe(Number.POSITIVE_INFINITY);
    expect(caseDueAt(timed({ state: 'revised' }))).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('suggested contact slot', () => {
  const china = { utcOffsetMinutes: 480 };

  it('picks the next lunch or evening window in the seller’s local time', () => {
    // 11:00 in Beijing → 12:00–13:00 Beijing = 04:00–05:00 UTC.
    expect(suggestContactSlot(Date.parse('2026-11-21T03:00:00Z'), china)).toEqual({
      start: Date.parse('2026-11-21T04:00:00Z'),
      end: Date.parse('2026-11-21T05:00:00Z'),
    });
    // 13:30 in Beijing → the evening window 18:00–20:00.
    const evening = suggestContactSlot(Date.parse('2026-11-21T05:30:00Z'), china);
    expect([iso(evening.start), iso(evening.end)]).toEqual(['2026-11-21T10:00:00.000Z', '2026-11-21T12:00:00.000Z']);
  });

  it('starts right away inside a window, and moves on when too little of it is left', () => {
    const now = Date.parse('2026-11-21T04:30:00Z'); // 12:30 Beijing
    expect(suggestContactSlot(now, china)).toEqual({ start: now, end: Date.parse('2026-11-21T05:00:00Z') });
    const late = Date.parse('2026-11-21T11:55:00Z'); // 19:55 Beijing, 5 minutes left
    expect(iso(suggestContactSlot(late, china).start)).toBe('2026-11-22T04:00:00.000Z');
    expect(suggestContactSlot(late, china, { minMinutes: 5 }).start).toBe(late);
  });

  it('rolls over to the next local day, which may differ from the UTC day', () => {
    // 21:00 Beijing on the 21st is 13:00 UTC the same day; next slot is the 22nd 12:00 Beijing.
    expect(iso(suggestContactSlot(Date.parse('2026-11-21T13:00:00Z'), china).start)).toBe('2026-11-22T04:00:00.000Z');
    // 00:30 Beijing on the 22nd is still the 21st in UTC.
    expect(iso(suggestContactSlot(Date.parse('2026-11-21T16:30:00Z'), china).start)).toBe('2026-11-22T04:00:00.000Z');
  });

  it('follows daylight saving in an IANA zone', () => {
    const berlin = { timeZone: 'Europe/Berlin' };
    expect(utcOffsetAt(berlin, Date.parse('2026-01-15T12:00:00Z'))).toBe(60);
    expect(utcOffsetAt(berlin, Date.parse('2026-07-15T12:00:00Z'))).toBe(120);
    // Saturday 28 March 2026 evening (CET, +1) and Sunday 29 March lunch (CEST, +2): clocks change in between.
    const saturday = suggestContactSlot(Date.parse('2026-03-28T16:00:00Z'), berlin);
    expect(iso(saturday.start)).toBe('2026-03-28T17:00:00.000Z');
    const sunday = suggestContactSlot(Date.parse('2026-03-28T20:00:00Z'), berlin);
    expect([iso(sunday.start), iso(sunday.end)]).toEqual(['2026-03-29T10:00:00.000Z', '2026-03-29T11:00:00.000Z']);
    expect(iso(suggestContactSlot(Date.parse('2026-03-28T16:00:00Z'), { timeZone: 'Asia/Shanghai' }).start)).toBe(
      '2026-03-29T04:00:00.000Z',
    );
  });

  it('accepts custom windows', () => {
    const slot = suggestContactSlot(Date.parse('2026-11-21T00:00:00Z'), { utcOffsetMinutes: 0 }, {
      windows: [{ startMinute: 9 * 60, endMinute: 9 * 60 + 30 }],
    });
    expect([iso(slot.start), iso(slot.end)]).toEqual(['2026-11-21T09:00:00.000Z', '2026-11-21T09:30:00.000Z']);
  });
});
