import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../../lib/analysis/risk/assess';
import type { CriticFacts } from '../../../lib/analysis/risk/facts';
import type { ExtortionFinding } from '../../../lib/analysis/risk/derive';
import type { RiskBand } from '../../../lib/analysis/risk/score';
import { ANGRY_TEXT, extortionFor, facts, NO_EXTORTION, noAnswer } from './helpers';

const THREAT = '不赔钱就投诉你们到12315，差评我是不会改的';
const given = (good: number, medium: number, bad: number, windowDays = 182) => ({ buyer: { nick: 'tb_1', givenRatings: { good, medium, bad, windowDays } } });

type Row = [name: string, input: Partial<CriticFacts>, extortion: boolean, band: RiskBand, ids: string[]];

// Every rule of issue 6, each at and just beyond its threshold.
const rows: Row[] = [
  ['nothing known', {}, false, 'low', []],
  ['on the blacklist', { blacklisted: true }, false, 'high', ['blacklisted']],
  ['blacklist explicitly false is no signal', { blacklisted: false }, false, 'low', []],
  ['10 medium/bad given in six months', given(100, 4, 6), false, 'high', ['history.many_bad_given']],
  ['9 medium/bad given, 8% share: nothing', given(100, 4, 5), false, 'low', []],
  ['9 medium/bad given, 10% share: weaker signal', given(81, 4, 5), false, 'watch', ['history.some_bad_given']],
  ['share 30% with exactly 5', given(11, 2, 3), false, 'high', ['history.many_bad_given']],
  ['share 30% with only 4: weaker signal', given(9, 2, 2), false, 'watch', ['history.some_bad_given']],
  ['share just under 30% with 5', given(12, 2, 3), false, 'watch', ['history.some_bad_given']],
  ['3 medium/bad at 10% share: weaker signal', given(27, 1, 2), false, 'watch', ['history.some_bad_given']],
  ['3 medium/bad at 9% share: nothing', given(30, 1, 2), false, 'low', []],
  ['2 medium/bad at 100% share: nothing (too few)', given(0, 1, 1), false, 'low', []],
  ['12 given over a lifetime window at 12%: the six-month count rule does not apply', given(88, 6, 6, 3650), false, 'watch', ['history.some_bad_given']],
  ['12 given over a lifetime window at 40%: the share rule applies to any window', given(18, 6, 6, 3650), false, 'high', ['history.many_bad_given']],
  ['10 given in the last month (inside six months)', given(50, 5, 5, 30), false, 'high', ['history.many_bad_given']],
  ['no ratings given at all', given(0, 0, 0), false, 'low', []],
  ['bad reviews in 5 shops', { buyer: { nick: 'tb_1', distinctShopsBadRated: 5 } }, false, 'high', ['history.many_shops']],
  ['bad reviews in 4 shops: nothing', { buyer: { nick: 'tb_1', distinctShopsBadRated: 4 } }, false, 'low', []],
  ['2 earlier bad reviews here', { history: { priorBadReviewsThisShop: 2 } }, false, 'high', ['shop.prior_bad_reviews']],
  ['1 earlier bad review here: weaker signal, watch', { history: { priorBadReviewsThisShop: 1 } }, false, 'watch', ['shop.prior_bad_review']],
  ['0 earlier bad reviews here', { history: { priorBadReviewsThisShop: 0 } }, false, 'low', []],
  ['near-identical text from 3 other buyers', { history: { similarTextsLast7Days: 3 } }, false, 'high', ['text.coordinated']],
  ['near-identical text from 2 other buyers: weaker signal', { history: { similarTextsLast7Days: 2 } }, false, 'watch', ['text.similar_few']],
  ['extortion wording alone: watch', { text: THREAT }, true, 'watch', ['text.extortion', 'text.compensation_demand']],
  ['extortion + 2 other soft signals: high', { text: THREAT, order: { chatBeforeOrder: false, secondsToPay: 20 } }, true, 'high', ['text.extortion', 'text.compensation_demand', 'order.no_chat', 'order.instant_payment']],
  ['extortion + 1 text signal + 1 order signal: high', { text: THREAT, order: { chatBeforeOrder: false } }, true, 'high', ['text.extortion', 'text.compensation_demand', 'order.no_chat']],
  ['extortion (no demand) + 1 other soft signal: watch', { text: '再不处理我就投诉到工商局，让大家都知道', order: { chatBeforeOrder: false } }, true, 'watch', ['text.extortion', 'order.no_chat']],
  ['demand for compensation in the text: watch', { text: '东西坏了，要求赔偿三倍' }, false, 'watch', ['text.compensation_demand']],
  ['demand for compensation on the phone: watch', { contacts: [{ at: '2026-11-20T10:00:00Z', channel: 'phone', outcome: 'demanded_compensation' }] }, false, 'watch', ['contacts.compensation_demand']],
  ['3 unanswered contacts: watch', { contacts: noAnswer(3) }, false, 'watch', ['contacts.unanswered']],
  ['2 unanswered contacts: nothing', { contacts: noAnswer(2) }, false, 'low', []],
  ['no chat + instant payment: watch', { order: { chatBeforeOrder: false, secondsToPay: 60 } }, false, 'watch', ['order.no_chat', 'order.instant_payment']],
  ['no chat alone: low', { order: { chatBeforeOrder: false } }, false, 'low', ['order.no_chat']],
  ['chatted, paid after 61 s: nothing', { order: { chatBeforeOrder: true, secondsToPay: 61 } }, false, 'low', []],
  ['new account + cheap item: watch', { buyer: { nick: 'x', accountAgeDays: 29 }, order: { price: 9.9 } }, false, 'watch', ['buyer.new_account', 'order.cheap_item']],
  ['30-day-old account, price 20: nothing', { buyer: { nick: 'x', accountAgeDays: 30 }, order: { price: 20 } }, false, 'low', []],
  ['OTTO: 15 EUR is not cheap (the EUR line is 10)', { platform: 'otto', order: { price: 15 } }, false, 'low', []],
  ['advertising-law picking + no chat: watch', { text: '详情页写着最好的有机大米，包装上根本没有有机字样，虚假宣传', order: { chatBeforeOrder: false } }, false, 'watch', ['text.ad_law_picking', 'order.no_chat']],
  ['advertising-law picking alone: low', { text: '你们这是虚假宣传' }, false, 'low', ['text.ad_law_picking']],
];

describe('critic-risk band rules (issue 6)', () => {
  it.each(rows)('%s', (_name, input, extortion, band, ids) => {
    const f = facts(input);
    // The analyzer's verdict is fixed per row so each row tests the band rules, not the analyzer.
    const finding: ExtortionFinding = extortion ? extortionFor(f.text) : NO_EXTORTION;
    const result = assessRisk(f, { extortion: finding });
    expect(result.band).toBe(band);
    expect(result.signals.map((s) => s.id).sort()).toEqual([...ids].sort());
    const range = { low: [0, 29], watch: [30, 69], high: [70, 100] }[band];
    expect(result.score).toBeGreaterThanOrEqual(range[0]);
    expect(result.score).toBeLessThanOrEqual(range[1]);
  });

  it('one angry review alone is never high, however it is worded', () => {
    const texts = [ANGRY_TEXT, THREAT, '虚假宣传！违反广告法！假一赔十，必须赔偿，不然曝光你们，找律师', 'Irreführende Werbung! Ich verlange Schadensersatz, sonst Abmahnung.'];
    for (const text of texts) {
      for (const rating of ['bad', 'medium', 'unknown'] as const) {
        const result = assessRisk({ id: 'x', platform: 'qianniu', rating, text }, { extortion: extortionFor(text) });
        expect(result.band).not.toBe('high');
      }
    }
  });

  it('every signal carries the fields the UI and CLI need, strongest first', () => {
    const result = assessRisk(facts({ text: THREAT, blacklisted: true, order: { chatBeforeOrder: false } }), { extortion: extortionFor(THREAT) });
    for (const s of result.signals) {
      expect(s.kind === 'hard' || s.kind === 'soft').toBe(true);
      expect(s.detail.length).toBeGreaterThan(0);
      expect(s.messageKey).toMatch(/^risk_sig_[a-z_]+$/);
      expect(s.weight).toBeGreaterThan(0);
    }
    const weights = result.signals.map((s) => s.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(result.signals[0].id).toBe('blacklisted');
    const extortion = result.signals.find((s) => s.id === 'text.extortion')!;
    expect(extortion.evidence).toEqual([[0, THREAT.length]]);
  });

  it('the detail speaks to the seller and never names the buyer a critic', () => {
    const text = `${THREAT}，还虚假宣传`;
    const everything = facts({
      text,
      blacklisted: true,
      buyer: { nick: 'tb_1', accountAgeDays: 3, givenRatings: { good: 1, medium: 5, bad: 9, windowDays: 182 }, distinctShopsBadRated: 9 },
      order: { chatBeforeOrder: false, secondsToPay: 5, price: 3 },
      contacts: [...noAnswer(4), { at: 1, channel: 'phone', outcome: 'demanded_compensation' }],
      history: { priorBadReviewsThisShop: 3, similarTextsLast7Days: 5 },
    });
    const result = assessRisk(everything, { extortion: extortionFor(text) });
    // Every kind of signal at once: the top of the scale, and no more.
    expect(result.score).toBe(100);
    for (const s of result.signals) expect(s.detail).not.toMatch(/critic|差评师|scam|fraud|liar/i);
  });

  it('without a finding passed in, the text analysis is asked (real analyzer)', () => {
    const threat = assessRisk(facts({ text: THREAT }));
    expect(threat.signals.map((s) => s.id)).toContain('text.extortion');
    expect(threat.band).toBe('watch');
    const plain = assessRisk(facts());
    expect(plain).toEqual({ score: 0, band: 'low', signals: [] });
  });

  it('one angry review alone is never high with the real analyzer either', () => {
    const texts = [THREAT, '虚假宣传！违反广告法！假一赔十，必须赔偿，不然曝光你们，找律师', '垃圾东西，骗子店铺，再也不来了，投诉你们！', 'Totaler Betrug, ich gehe zum Anwalt und verlange Schadensersatz!', 'Scam. I will report you and I want compensation.'];
    for (const text of texts) expect(assessRisk(facts({ text })).band).not.toBe('high');
  });
});
