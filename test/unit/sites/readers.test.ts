import { describe, expect, it } from 'vitest';
import { ratingFromLabel, ratingFromStars, starsFromText } from '../../../lib/sites/common';
import { englishDateToIso, germanDateToIso, localDateToIso } from '../../../lib/sites/dates';
import { hashedReviewId, stableHash } from '../../../lib/sites/stable-id';
import { starStripValue } from '../../../lib/sites/review-signals';

describe('dates as back-offices print them', () => {
  it.each([
    ['初次评价：2026-11-20 14:32', '2026-11-20T14:32:00+08:00'],
    ['2026/1/5 8:03:09', '2026-01-05T08:03:09+08:00'],
    ['[2026.11.19 10:00:00]', '2026-11-19T10:00:00+08:00'],
    ['2026-11-20', '2026-11-20T00:00:00+08:00'],
  ])('China time: %s', (text, iso) => expect(localDateToIso(text)).toBe(iso));

  it.each(['2026-13-01', '2026-11-15 24:14', '2026-11-15 10:61', 'no date'])('rejects %s', (text) =>
    expect(localDateToIso(text)).toBeUndefined(),
  );

  it('German dates switch between CET and CEST on the last Sundays of March and October', () => {
    expect(germanDateToIso('20.11.2026')).toBe('2026-11-20T00:00:00+01:00');
    expect(germanDateToIso('Verfasst am 15.07.2026, 14:05')).toBe('2026-07-15T14:05:00+02:00');
    expect(germanDateToIso('28.03.2026')).toBe('2026-03-28T00:00:00+01:00');
    expect(germanDateToIso('29.03.2026')).toBe('2026-03-29T00:00:00+02:00');
    expect(germanDateToIso('24.10.2026')).toBe('2026-10-24T00:00:00+02:00');
    expect(germanDateToIso('25.10.2026')).toBe('2026-10-25T00:00:00+01:00');
  });

  it('English dates stay calendar dates (Amazon shows no time or zone)', () => {
    expect(englishDateToIso('11/20/2026')).toBe('2026-11-20');
    expect(englishDateToIso('Reviewed in the United States on November 9, 2026')).toBe('2026-11-09');
    expect(englishDateToIso('Reviewed in the United Kingdom on 9 November 2026')).toBe('2026-11-09');
    expect(englishDateToIso('Smarch 9, 2026')).toBeUndefined();
  });
});

describe('ratings from words, stars and scores', () => {
  it.each([
    ['好评', 'good'],
    [' 中评 ', 'medium'],
    ['负面评价', 'bad'],
    ['差 评', 'bad'],
    ['满意', undefined],
  ])('label %s', (label, rating) => expect(ratingFromLabel(label)).toBe(rating));

  it('maps 1–5 stars to bad/medium/good and anything else to unknown', () => {
    expect([1, 2, 3, 4, 5].map(ratingFromStars)).toEqual(['bad', 'bad', 'medium', 'good', 'good']);
    expect(ratingFromStars(0)).toBe('unknown');
    expect(ratingFromStars(undefined)).toBe('unknown');
  });

  it.each([
    ['4', 4],
    ['2.0', 2],
    ['3星', 3],
    ['4 von 5 Sternen', 4],
    ['4,5 von 5 Sternen', 5],
    ['1 out of 5 stars', 1],
    ['评分2', 2],
    ['comment-star star2', 2],
    ['6', undefined],
    ['12星', undefined],
  ])('stars in %s', (text, stars) => expect(starsFromText(text)).toBe(stars));

  it('reads a strip of five icons by the point where their look changes', () => {
    const strip = (filled: number, same = false) => {
      const el = document.createElement('div');
      for (let i = 0; i < 5; i++) {
        const icon = document.createElement('i');
        icon.className = same || i < filled ? 'h7x' : 'k2q';
        el.appendChild(icon);
      }
      return el;
    };
    expect(starStripValue(strip(2))).toBe(2);
    expect(starStripValue(strip(4))).toBe(4);
    expect(starStripValue(strip(5, true))).toBe(5);
    const mixed = strip(2);
    mixed.children[3].className = 'h7x'; // filled, empty, filled: not a rating
    expect(starStripValue(mixed)).toBeUndefined();
    const words = strip(3);
    words.children[0].textContent = '首页';
    expect(starStripValue(words)).toBeUndefined();
  });
});

describe('hashed review ids', () => {
  it('is stable, whitespace-insensitive and distinct for different inputs', () => {
    expect(stableHash(['a', 'b  c'])).toBe(stableHash(['a', ' b c ']));
    expect(stableHash(['ab', 'c'])).not.toBe(stableHash(['a', 'bc']));
    expect(hashedReviewId(['x'])).toMatch(/^h:[0-9a-f]{16}$/);
    const ids = new Set(Array.from({ length: 2000 }, (_, i) => stableHash(['order', String(i)])));
    expect(ids.size).toBe(2000);
  });
});
