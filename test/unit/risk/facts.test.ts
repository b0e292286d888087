import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../../lib/analysis/risk/assess';
import { parseCriticFacts } from '../../../lib/analysis/risk/facts';

const minimal = { id: 'r1', platform: 'qianniu', rating: 'bad', text: '一般' };

describe('parseCriticFacts', () => {
  it('accepts the minimal shape and leaves unknown facts out', () => {
    expect(parseCriticFacts(minimal)).toEqual(minimal);
  });

  it('reads null as "not known", never as false or zero', () => {
    const parsed = parseCriticFacts({ ...minimal, blacklisted: null, order: { chatBeforeOrder: null, price: null }, buyer: { nick: 'a', accountAgeDays: null } });
    expect(parsed).toEqual({ ...minimal, order: {}, buyer: { nick: 'a' } });
    expect(assessRisk(parsed).signals).toEqual([]);
  });

  it('keeps the full shape', () => {
    const full = {
      ...minimal,
      buyer: { nick: 'tb_a', creditLevel: 'b_red_2', accountAgeDays: 12, givenRatings: { good: 3, medium: 1, bad: 2, windowDays: 182 }, distinctShopsBadRated: 3 },
      order: { price: 19.9, chatBeforeOrder: false, secondsToPay: 8, daysToReview: 2 },
      contacts: [{ at: '2026-11-20T09:00:00+08:00', channel: 'phone', outcome: 'no_answer' }],
      history: { priorBadReviewsThisShop: 0, similarTextsLast7Days: 1 },
      blacklisted: false,
    };
    expect(parseCriticFacts(full)).toEqual(full);
  });

  it.each([
    [null, /record.*object/],
    [[], /record.*object/],
    [{ ...minimal, id: undefined }, /"id" must be a string/],
    [{ ...minimal, platform: 'taobao' }, /"platform" must be one of qianniu/],
    [{ ...minimal, rating: 5 }, /"rating" must be one of/],
    [{ ...minimal, text: undefined }, /"text" must be a string/],
    [{ ...minimal, buyer: { accountAgeDays: 3 } }, /"buyer.nick" must be a string/],
    [{ ...minimal, buyer: { nick: 'a', givenRatings: { good: 1, medium: 1, bad: 1 } } }, /"buyer.givenRatings.windowDays" must be a whole number/],
    [{ ...minimal, buyer: { nick: 'a', givenRatings: { good: -1, medium: 1, bad: 1, windowDays: 7 } } }, /"buyer.givenRatings.good" must be a whole number ≥ 0/],
    [{ ...minimal, buyer: { nick: 'a', givenRatings: { good: 1, medium: 1, bad: 1, windowDays: 0 } } }, /windowDays" must be at least 1/],
    [{ ...minimal, order: { price: '9.9' } }, /"order.price" must be a number/],
    [{ ...minimal, order: { chatBeforeOrder: 'no' } }, /"order.chatBeforeOrder" must be true or false/],
    [{ ...minimal, contacts: {} }, /"contacts" must be a list/],
    [{ ...minimal, contacts: [{ at: 'yesterday', channel: 'phone', outcome: 'no_answer' }] }, /"contacts\[0\].at" must be an ISO date-time/],
    [{ ...minimal, contacts: [{ at: 1, channel: 'phone', outcome: 'ghosted' }] }, /"contacts\[0\].outcome" must be one of answered/],
    [{ ...minimal, history: { similarTextsLast7Days: 1.5 } }, /"history.similarTextsLast7Days" must be a whole number/],
    [{ ...minimal, blacklisted: 'yes' }, /"blacklisted" must be true or false/],
  ])('rejects %j with a message naming the field', (input, message) => {
    expect(() => parseCriticFacts(input)).toThrow(message);
  });
});
