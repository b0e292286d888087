import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../../lib/analysis/risk/assess';
import { buyerFactsOf, givenRatingsOf, isBuyerRatingPage, LIFETIME_WINDOW_DAYS, readBuyerRatingPage } from '../../../lib/sites/taobao-buyer-rating';

const SEEN = new Date('2026-11-20T08:00:00Z');

function page(name: string): Document {
  const html = readFileSync(join(process.cwd(), 'test/fixtures/taobao-buyer-rating', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

function inline(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}

const CRITIC_URL = new URL('https://rate.taobao.com/user-rate-UvCkYvGv0OmkyMQTT.htm');
const SELLER_URL = new URL('https://rate.taobao.com/user-rate-UMGNbvFvLOmcT.htm?spm=a1z0b.3.0.0');

describe('buyer rating page (rate.taobao.com/user-rate-*.htm)', () => {
  it('recognises the page by host and path only', () => {
    expect(isBuyerRatingPage(CRITIC_URL)).toBe(true);
    expect(isBuyerRatingPage(SELLER_URL)).toBe(true);
    expect(isBuyerRatingPage(new URL('https://rate.taobao.com/myRate.htm'))).toBe(false);
    expect(isBuyerRatingPage(new URL('https://evil.example/user-rate-UvCk.htm'))).toBe(false);
  });

  it('reads a pure buyer: every period, credit, good rate and the shops rated medium/bad on the visible list', () => {
    const profile = readBuyerRatingPage(page('buyer-critic-pattern.html'), CRITIC_URL, SEEN)!;
    expect(profile).toEqual({
      platform: 'taobao_classic',
      userId: 'UvCkYvGv0OmkyMQTT',
      nick: 'tb_1839xq2',
      creditLevel: 'b_red_2',
      creditPoints: 55,
      goodRatePercent: 71.01,
      given: {
        week: { good: 0, medium: 1, bad: 2 },
        month: { good: 2, medium: 2, bad: 5 },
        halfYear: { good: 9, medium: 4, bad: 11 },
        beforeHalfYear: { good: 40, medium: 2, bad: 3 },
        total: { good: 49, medium: 6, bad: 14 },
      },
      badRatedShopsSeen: ['绿谷农家小店', '小林日用百货', '优品茶叶铺', '美妆集合馆', '自然之选母婴'],
      seenAt: '2026-11-20T08:00:00.000Z',
      pageUrl: CRITIC_URL.href,
    });
  });

  it('the profile feeds the risk facts: six-month counts and the spread over shops make it high', () => {
    const profile = readBuyerRatingPage(page('buyer-critic-pattern.html'), CRITIC_URL, SEEN)!;
    const buyer = buyerFactsOf(profile);
    expect(buyer).toEqual({
      nick: 'tb_1839xq2',
      creditLevel: 'b_red_2',
      givenRatings: { good: 9, medium: 4, bad: 11, windowDays: 182 },
      distinctShopsBadRated: 5,
    });
    const risk = assessRisk({ id: 'r', platform: 'taobao_classic', rating: 'bad', text: '差', buyer });
    expect(risk.band).toBe('high');
    expect(risk.signals.map((s) => [s.id, s.source])).toEqual([
      ['history.many_bad_given', 'rating_page'],
      ['history.many_shops', 'rating_page'],
    ]);
  });

  it('on a seller’s page takes the table under 买家信用, not the seller’s (older column wording, counts in links)', () => {
    const profile = readBuyerRatingPage(page('seller-and-buyer.html'), SELLER_URL, SEEN)!;
    expect(profile.userId).toBe('UMGNbvFvLOmcT');
    expect(profile.nick).toBe('老陈家的杂货铺');
    expect(profile.creditLevel).toBe('b_red_5');
    expect(profile.creditPoints).toBe(318);
    expect(profile.given.halfYear).toEqual({ good: 30, medium: 1, bad: 0 });
    expect(profile.given.total).toEqual({ good: 317, medium: 1, bad: 0 });
    expect(profile.badRatedShopsSeen).toBeUndefined();
    const risk = assessRisk({ id: 'r', platform: 'taobao_classic', rating: 'medium', text: '一般', buyer: buyerFactsOf(profile) });
    expect(risk).toEqual({ score: 0, band: 'low', signals: [] });
  });

  it('a page without the table gives no profile (nothing is invented)', () => {
    expect(readBuyerRatingPage(page('rating-hidden.html'), new URL('https://rate.taobao.com/user-rate-UxxHidden9.htm'), SEEN)).toBeNull();
    expect(readBuyerRatingPage(page('buyer-critic-pattern.html'), new URL('https://rate.taobao.com/myRate.htm'), SEEN)).toBeNull();
  });

  it('unreadable cells leave their period out instead of counting them as zero', () => {
    const doc = inline(`<div class="personal-rating"><table class="tb-rate-table"><thead><tr><th></th><th>最近1周</th><th>最近1个月</th><th>最近6个月</th><th>6个月前</th><th>总计</th></tr></thead>
      <tbody><tr><td>好评</td><td>-</td><td>3</td><td>—</td><td>20</td><td>23</td></tr><tr><td>中评</td><td>-</td><td>1</td><td>—</td><td>4</td><td>5</td></tr><tr><td>差评</td><td>-</td><td>2</td><td>—</td><td>6</td><td>8</td></tr></tbody></table></div>`);
    const profile = readBuyerRatingPage(doc, CRITIC_URL, SEEN)!;
    expect(Object.keys(profile.given).sort()).toEqual(['beforeHalfYear', 'month', 'total']);
    // Without a six-month column the lifetime total is used, where only the share rules apply.
    expect(givenRatingsOf(profile)).toEqual({ good: 23, medium: 5, bad: 8, windowDays: LIFETIME_WINDOW_DAYS });
  });

  it('two unlabelled summary tables are ambiguous: no profile rather than a guess', () => {
    const table = `<table class="tb-rate-table"><tr><th></th><th>最近1周</th><th>总计</th></tr><tbody><tr><td>好评</td><td>1</td><td>9</td></tr><tr><td>中评</td><td>0</td><td>0</td></tr><tr><td>差评</td><td>0</td><td>1</td></tr></tbody></table>`;
    expect(readBuyerRatingPage(inline(`<div class="personal-rating">${table}${table}</div>`), CRITIC_URL, SEEN)).toBeNull();
    expect(readBuyerRatingPage(inline(`<div class="personal-rating">${table}</div>`), CRITIC_URL, SEEN)?.given.total).toEqual({ good: 9, medium: 0, bad: 1 });
  });
});

describe('layout drift', () => {
  it('finds the table when it moved out of div.personal-rating', () => {
    const doc = new DOMParser().parseFromString(
      `<html><body><div id="new-rate-content"><div class="personal-rating"><h4 class="tb-rate-ico-bg ico-buyer">买家信用：<a>8</a></h4></div>
      <div class="rate-summary"><table class="tb-rate-table"><thead><tr><th></th><th>最近1周</th><th>最近1个月</th><th>最近6个月</th><th>6个月前</th><th>总计</th></tr></thead>
      <tbody><tr><td>好评</td><td>0</td><td>1</td><td>2</td><td>3</td><td>5</td></tr><tr><td>中评</td><td>0</td><td>0</td><td>1</td><td>0</td><td>1</td></tr><tr><td>差评</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></tbody></table></div></div></body></html>`,
      'text/html',
    );
    const profile = readBuyerRatingPage(doc, new URL('https://rate.taobao.com/user-rate-UmoVed1.htm'), new Date(0));
    expect(profile?.given.halfYear).toEqual({ good: 2, medium: 1, bad: 0 });
    expect(profile?.creditPoints).toBe(8);
  });
});
