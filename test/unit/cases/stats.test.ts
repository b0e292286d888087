import { describe, expect, it } from 'vitest';
import { computeStats, isoWeek } from '../../../lib/cases/stats';
import { makeCase } from './fixtures';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('ISO weeks', () => {
  it('follow ISO 8601 across year ends and the seller’s offset', () => {
    expect(isoWeek(at('2026-11-23T12:00:00Z'), 0)).toBe('2026-W48'); // a Monday
    expect(isoWeek(at('2026-11-22T12:00:00Z'), 0)).toBe('2026-W47'); // the Sunday before
    expect(isoWeek(at('2027-01-01T12:00:00Z'), 0)).toBe('2026-W53'); // Friday: still 2026's last week
    expect(isoWeek(at('2025-12-29T12:00:00Z'), 0)).toBe('2026-W01'); // Monday belonging to 2026
    // Sunday 20:00 UTC is already Monday in Beijing.
    expect(isoWeek(at('2026-11-22T20:00:00Z'), 0)).toBe('2026-W47');
    expect(isoWeek(at('2026-11-22T20:00:00Z'), 480)).toBe('2026-W48');
  });
});

describe('computeStats', () => {
  const now = at('2026-11-30T00:00:00Z');
  const cases = [
    // Week 47, answered after 2 h, revised after a refund.
    makeCase(
      {
        reviewId: 'a',
        causes: ['logistics', 'packaging'],
        firstResponseAt: at('2026-11-17T12:00:00Z'),
        state: 'revised',
        outcome: 'revised',
        remedies: [{ id: '1', kind: 'refund', amount: 10.5, currency: 'CNY', at: 0 }],
        risk: { band: 'low', score: 5, signals: [], assessedAt: 0 },
      },
      { date: '2026-11-17T10:00:00Z', product: { title: '保温杯', id: 'p1', sku: '蓝色' } },
    ),
    // Week 47, answered after 30 h (SLA breach), closed unrevised, with coupons.
    makeCase(
      {
        reviewId: 'b',
        causes: ['quality'],
        firstResponseAt: at('2026-11-19T16:00:00Z'),
        state: 'closed_unrevised',
        outcome: 'unrevised',
        closedAt: at('2026-11-20T00:00:00Z'),
        remedies: [
          { id: '2', kind: 'coupon', amount: 5, currency: 'CNY', at: 0 },
          { id: '3', kind: 'gift', at: 0 },
        ],
        risk: { band: 'high', score: 90, signals: [], assessedAt: 0 },
      },
      { date: '2026-11-18T10:00:00Z', product: { title: '保温杯 新款', id: 'p1', sku: '红色' } },
    ),
    // Week 48 on OTTO, open and never answered: a breach by now.
    makeCase(
      { reviewId: 'c', causes: ['quality', 'size'], platform: 'otto', initialRating: 'medium' },
      { date: '2026-11-24T10:00:00Z', platform: 'otto', product: { title: 'Jacke' } },
    ),
    // Week 48, open, answered after 4 h, with a euro refund.
    makeCase(
      {
        reviewId: 'd',
        causes: [],
        firstResponseAt: at('2026-11-25T14:00:00Z'),
        state: 'agreed_to_revise',
        remedies: [{ id: '4', kind: 'partial_refund', amount: 3.2, currency: 'EUR', at: 0 }],
      },
      { date: '2026-11-25T10:00:00Z', product: undefined },
    ),
  ];

  it('counts causes per ISO week, product and platform', () => {
    const s = computeStats(cases, { now, utcOffsetMinutes: 0 });
    expect(s.total).toBe(4);
    expect(s.open).toBe(2);
    expect(s.causes).toEqual({ logistics: 1, packaging: 1, quality: 2, size: 1 });
    expect(s.causesByWeek).toEqual([
      { week: '2026-W47', total: 2, causes: { logistics: 1, packaging: 1, quality: 1 } },
      { week: '2026-W48', total: 2, causes: { quality: 1, size: 1 } },
    ]);
    // One row per product id, even though the title changed; SKUs counted inside it.
    expect(s.byProduct[0]).toEqual({
      key: 'p1',
      title: '保温杯',
      count: 2,
      causes: { logistics: 1, packaging: 1, quality: 1 },
      skus: { 蓝色: 1, 红色: 1 },
    });
    expect(s.byProduct.map((p) => p.key)).toEqual(['p1', 'Jacke']);
    expect(s.byPlatform).toEqual({
      qianniu: { count: 3, causes: { logistics: 1, packaging: 1, quality: 1 } },
      otto: { count: 1, causes: { quality: 1, size: 1 } },
    });
  });

  it('measures revisions, response times, SLA breaches, remedies and risk', () => {
    const s = computeStats(cases, { now, utcOffsetMinutes: 0 });
    expect(s.revision).toEqual({ revised: 1, unrevised: 1, rate: 0.5 });
    expect(s.medianFirstResponseMs).toBe(4 * HOUR); // 2 h, 4 h, 30 h
    expect(s.slaBreaches).toBe(2);
    expect(s.remedies).toEqual({ CNY: { count: 2, amount: 15.5 }, unknown: { count: 1, amount: 0 }, EUR: { count: 1, amount: 3.2 } });
    expect(s.risk).toEqual({ assessed: 2, low: 1, watch: 0, high: 1, highShareOfAssessed: 0.5 });
    expect(s.byState).toMatchObject({ new: 1, agreed_to_revise: 1, revised: 1, closed_unrevised: 1, contacted: 0 });
    expect(s.groups).toEqual({ medium_review_buyers: 1, bad_review_buyers: 3, agreed_to_revise: 1, revised: 1 });
  });

  it('restricts to a period and copes with nothing at all', () => {
    const s = computeStats(cases, { now, utcOffsetMinutes: 0, from: at('2026-11-23T00:00:00Z') });
    expect(s.total).toBe(2);
    expect(s.revision.rate).toBeNull();
    const empty = computeStats([], { now });
    expect(empty).toMatchObject({ total: 0, medianFirstResponseMs: null, causesByWeek: [], slaBreaches: 0 });
    expect(empty.risk.highShareOfAssessed).toBeNull();
  });
});
