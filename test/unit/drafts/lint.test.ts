import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS } from '../../../lib/analysis/types';
import { DRAFT_KINDS, generateDrafts, jaccard, lintReply, platformRules, type DraftKind, type LintContext, type LintRule } from '../../../lib/drafts';
import type { Platform } from '../../../lib/sites/types';
import { fullInput, LANGS, PLATFORMS, TONES_ALL } from './fixtures';

type Case = [rule: LintRule, platform: Platform, kind: DraftKind, text: string, offending: string];

/** Each row: the rule must fire with a span covering exactly `offending` (or containing it, for tied pairs). */
const POSITIVE: Case[] = [
  // personal data in public text
  ['personal_data', 'qianniu', 'public', '已电话联系您13812345678，请查收', '13812345678'],
  ['personal_data', 'qianniu', 'public', '我们给138****5678打过电话', '138****5678'],
  ['personal_data', 'jd', 'firm', '已致电 138 1234 5678 未接通', '138 1234 5678'],
  ['personal_data', 'jd', 'public', '座机0571-88886666无人接听', '0571-88886666'],
  ['personal_data', 'otto', 'public', 'Wir haben Sie unter +49 30 1234567 angerufen.', '+49 30 1234567'],
  ['personal_data', 'qianniu', 'public', '您的订单号：3456789012345678已处理', '订单号：3456789012345678'],
  ['personal_data', 'pinduoduo', 'public', '订单 231120-123456789012345 已补发', '订单 231120-123456789012345'],
  ['personal_data', 'amazon', 'public', 'Your order 302-1234567-7654321 was refunded.', '302-1234567-7654321'],
  ['personal_data', 'qianniu', 'unreachable', '关于尾号5678的订单，我们已联系您', '尾号5678'],
  ['personal_data', 'qianniu', 'public', '已寄到浙江省杭州市西湖区文三路100号', '杭州市西湖区'],
  ['personal_data', 'qianniu', 'public', '已送到文三路100号3栋', '文三路100号'],
  ['personal_data', 'otto', 'public', 'Die Lieferung an Hauptstraße 12 war korrekt.', 'Hauptstraße 12'],
  ['personal_data', 'amazon', 'public', 'We shipped to 42 Baker Street as ordered.', '42 Baker Street'],
  ['personal_data', 'qianniu', 'public', '王小明女士，您的问题已处理', '王小明女士'],
  ['personal_data', 'otto', 'public', 'Sehr geehrte Frau Anna Müller, danke.', 'Frau Anna Müller'],
  ['personal_data', 'qianniu', 'public', '收件人：李建国，已补发', '收件人：李建国'],
  ['personal_data', 'douyin', 'public', '有问题加微信：shop_kefu88', '微信：shop_kefu88'],
  ['personal_data', 'douyin', 'public', '或加QQ 12345678联系', 'QQ 12345678'],
  ['personal_data', 'amazon', 'public', 'Write to jane.doe@example.com for help', 'jane.doe@example.com'],
  // review incentives, any kind
  ['review_incentive', 'qianniu', 'private', '亲，好评返现5元哦', '好评返'],
  ['review_incentive', 'pinduoduo', 'private', '改好评送您一张优惠券', '改好评送您一张优惠券'],
  ['review_incentive', 'jd', 'phone', '您把差评改一下，我们给您退款', '差评改一下，我们给您退款'],
  ['review_incentive', 'qianniu', 'private', '删除评价后我们发红包给您', '删除评价后我们发红包'],
  ['review_incentive', 'jd', 'private', '麻烦追加个好评，送您积分', '追加个好评，送您积分'],
  ['review_incentive', 'otto', 'private', 'We will refund you if you change your review.', 'refund you if you change your review'],
  ['review_incentive', 'otto', 'private', 'Sie erhalten einen Gutschein gegen Änderung der Bewertung.', 'Gutschein gegen Änderung'],
  ['review_incentive', 'otto', 'private', 'Wenn Sie die Bewertung löschen, erstatten wir 10 € als Gutschrift.', 'Bewertung löschen, erstatten wir 10 € als Gutschrift'],
  // Amazon: any request to change a review, any kind, any language
  ['amazon_review_request', 'amazon', 'private', 'Now that it is fixed, could you update your review?', 'update your review'],
  ['amazon_review_request', 'amazon', 'phone', 'Would you consider removing the review?', 'removing the review'],
  ['amazon_review_request', 'amazon', 'private', 'Könnten Sie Ihre Bewertung bitte anpassen?', 'Bewertung bitte anpassen'],
  ['amazon_review_request', 'amazon', 'private', '问题解决了，麻烦您修改一下评价', '修改一下评价'],
  ['amazon_review_request', 'amazon', 'public', 'Please leave us a 5-star review.', 'leave us a 5-star review'],
  // blaming or arguing
  ['blame_buyer', 'qianniu', 'public', '这是你自己的问题', '你自己'],
  ['blame_buyer', 'jd', 'public', '请不要乱评，商品没有问题', '请不要乱评'],
  ['blame_buyer', 'qianniu', 'firm', '对于这种恶意差评我们保留追究权利', '恶意差评'],
  ['blame_buyer', 'qianniu', 'public', '尺码表写得很清楚，是您自己没看清', '您自己没看清'],
  ['blame_buyer', 'pinduoduo', 'public', '这跟我们无关，是快递的事', '跟我们无关'],
  ['blame_buyer', 'amazon', 'public', 'This is not our fault; you should have read the description.', 'not our fault'],
  ['blame_buyer', 'amazon', 'public', 'You should have measured first.', 'You should have measured'],
  ['blame_buyer', 'otto', 'public', 'Das ist nicht unser Problem.', 'nicht unser Problem'],
  ['blame_buyer', 'otto', 'public', 'Sie hätten die Beschreibung lesen müssen.', 'Sie hätten die Beschreibung lesen'],
  // absolute claims
  ['absolute_claim', 'qianniu', 'public', '我们是最好的保温杯品牌', '最好的'],
  ['absolute_claim', 'qianniu', 'public', '本店是国家级认证的第一品牌', '国家级'],
  ['absolute_claim', 'qianniu', 'public', '本店是认证的第一品牌', '第一品牌'],
  ['absolute_claim', 'jd', 'public', '顶级面料，全网最低价', '顶级'],
  ['absolute_claim', 'jd', 'public', '全网最低价', '全网最低价'],
  ['absolute_claim', 'amazon', 'public', 'Our best-selling mug is world-class.', 'best-selling'],
  ['absolute_claim', 'otto', 'public', 'Wir sind die Nummer 1 bei Thermobechern.', 'Nummer 1'],
];

describe('lint rules catch each violation (errors)', () => {
  it.each(POSITIVE)('%s on %s/%s: %s', (rule, platform, kind, text, offending) => {
    const findings = lintReply(text, { platform, kind });
    const hit = findings.find((f) => f.rule === rule);
    expect(hit, JSON.stringify(findings)).toBeDefined();
    expect(hit!.severity).toBe('error');
    const span = text.slice(hit!.start, hit!.end);
    // The span points at the offending words: it covers them and adds at most a few characters.
    expect(span).toContain(offending);
    expect(span.length).toBeLessThanOrEqual(offending.length + 8);
    expect(hit!.messageKey).toMatch(/^lint_/);
    expect(hit!.message.length).toBeGreaterThan(10);
  });

  it('personal data is allowed in private messages and phone scripts', () => {
    for (const kind of ['private', 'phone', 'revisionRequest'] as const) {
      expect(lintReply('王小明女士您好，订单号：3456789012345678，电话13812345678', { platform: 'qianniu', kind })).toEqual([]);
    }
  });

  it('known buyer names are personal data in public text', () => {
    const findings = lintReply('谢谢 tb_8812 的反馈', { platform: 'qianniu', kind: 'public', knownNames: ['tb_8812'] });
    expect(findings.map((f) => [f.rule, f.messageKey])).toEqual([['personal_data', 'lint_personal_name']]);
  });

  it('a revision request on Amazon is an error even without a recognised phrase', () => {
    const findings = lintReply('Hello, thanks again!', { platform: 'amazon', kind: 'revisionRequest' });
    expect(findings).toMatchObject([{ rule: 'amazon_review_request', start: 0, end: 20 }]);
  });

  it('a plain revision request is fine outside Amazon; the same with a reward is not', () => {
    const plain = '问题已经处理好了。如果您满意，方便时可以修改一下评价，改不改由您决定。';
    expect(lintReply(plain, { platform: 'qianniu', kind: 'revisionRequest' })).toEqual([]);
    expect(lintReply(plain, { platform: 'amazon', kind: 'revisionRequest' }).map((f) => f.rule)).toEqual(['amazon_review_request']);
    const paid = '如果您满意，方便时可以修改一下评价，我们再送您一张优惠券。';
    expect(lintReply(paid, { platform: 'qianniu', kind: 'revisionRequest' }).map((f) => f.rule)).toContain('review_incentive');
  });
});

describe('warnings', () => {
  it('over the platform limit, span from the first character past it', () => {
    const limit = platformRules('pinduoduo').maxLength;
    const text = '谢'.repeat(limit + 5);
    const [f] = lintReply(text, { platform: 'pinduoduo', kind: 'public' });
    expect(f).toMatchObject({ rule: 'too_long', severity: 'warning', start: limit, end: text.length, args: [String(limit + 5), String(limit)] });
    expect(lintReply('谢'.repeat(limit), { platform: 'pinduoduo', kind: 'public' })).toEqual([]);
  });

  it('counts code points, not UTF-16 units, and keeps spans in UTF-16', () => {
    const limit = platformRules('pinduoduo').maxLength;
    const text = '𠀀'.repeat(limit + 1);
    const [f] = lintReply(text, { platform: 'pinduoduo', kind: 'public' });
    expect(f.start).toBe(limit * 2);
  });

  it('reply window closed or closing, from the page or from the review date', () => {
    const rule = (ctx: Partial<LintContext>) => lintReply('谢谢您的反馈', { platform: 'qianniu', kind: 'public', ...ctx }).map((f) => f.messageKey);
    expect(rule({ replyDaysLeft: 10 })).toEqual([]);
    expect(rule({ replyDaysLeft: 2 })).toEqual(['lint_reply_window_closing']);
    expect(rule({ replyDaysLeft: -1 })).toEqual(['lint_reply_window_closed']);
    expect(rule({ reviewDate: '2026-10-01T10:00:00Z', now: '2026-11-23T10:00:00Z' })).toEqual(['lint_reply_window_closed']);
    expect(rule({ reviewDate: '2026-10-26T10:00:00Z', now: '2026-11-23T10:00:00Z' })).toEqual(['lint_reply_window_closing']);
    expect(rule({ reviewDate: '2026-11-20T10:00:00Z', now: '2026-11-23T10:00:00Z' })).toEqual([]);
    // Pinduoduo has no known window: no guess.
    expect(lintReply('谢谢', { platform: 'pinduoduo', kind: 'public', reviewDate: '2020-01-01T00:00:00Z' })).toEqual([]);
    // A broken date never throws out of the linter.
    expect(rule({ reviewDate: 'not a date' })).toEqual([]);
  });

  it('Kuaishou: one reply, no edits', () => {
    expect(lintReply('谢谢您的反馈', { platform: 'kuaishou', kind: 'public' }).map((f) => f.messageKey)).toEqual(['lint_one_reply']);
    expect(lintReply('谢谢您的反馈', { platform: 'kuaishou', kind: 'public', isEdit: true }).map((f) => f.messageKey)).toEqual(['lint_no_edit']);
    expect(lintReply('谢谢您的反馈', { platform: 'kuaishou', kind: 'private' })).toEqual([]);
    expect(lintReply('谢谢您的反馈', { platform: 'qianniu', kind: 'public', isEdit: true })).toEqual([]);
  });

  it('near-duplicates of recent replies, not merely similar ones', () => {
    const previous = '感谢您的反馈，商品的质量问题是我们出库检查没有把好关，已为您安排换货，同批次库存已重新抽检。';
    const copy = '感谢您的反馈！商品的质量问题是我们出库检查没有把好关，已为您安排换货，同批次库存已重新抽检';
    const other = '谢谢您指出包装的问题，我们已经换了更结实的外箱，易碎商品会加防撞包装。';
    expect(jaccard(previous, copy)).toBeGreaterThanOrEqual(0.85);
    expect(lintReply(copy, { platform: 'qianniu', kind: 'public', recentReplies: [other, previous] })).toMatchObject([{ rule: 'near_duplicate', args: ['100'] }]);
    expect(lintReply(other, { platform: 'qianniu', kind: 'public', recentReplies: [previous] })).toEqual([]);
  });
});

describe('no false errors on good replies', () => {
  const GOOD: [Platform, DraftKind, string][] = [
    ['qianniu', 'public', '您好，收到您的反馈后我们第一时间核对了订单，最近这批货的包装确实有问题，最后一道检查我们已经加上了。'],
    ['qianniu', 'public', '谢谢您的评价！您自己也可以在订单页查看物流进度，有问题随时找我们。'],
    ['jd', 'public', '抱歉让您久等了，我们已经联系快递加急配送，后续会更换合作快递。'],
    ['pinduoduo', 'public', '王先生您好，尺码偏小是我们尺码表不准，已为您安排换码。'],
    ['qianniu', 'public', '我们会尽最大努力改进包装，感谢您的耐心。'],
    ['qianniu', 'private', '您好，给您造成不便很抱歉，我们可以为您退款或补发，您看哪种方便？'],
    ['qianniu', 'revisionRequest', '问题已经处理好了，谢谢您的配合。如果您觉得满意，可以追加几句说明，改不改完全由您决定。'],
    ['jd', 'public', '感谢反馈，我们已更新尺码表并调整了价格说明。'],
    ['otto', 'public', 'Vielen Dank für Ihre Bewertung. Wir haben die Verpackung verbessert und bieten Ihnen einen Umtausch an. Freundliche Grüße'],
    ['otto', 'public', 'Wir haben unsere Größentabelle aktualisiert. Ihr Feedback hilft uns sehr.'],
    ['amazon', 'public', 'Thank you for your feedback. We are sorry the mug leaked; we have switched to a better seal and will send you a free replacement.'],
    ['amazon', 'private', 'We did our best to fix this quickly and have issued a full refund. Thank you for your patience.'],
    ['amazon', 'public', 'Feel free to contact us any time; we updated the size chart based on your feedback.'],
    ['douyin', 'public', '您好，12月1日 14:30 我们致电未接通，20:05 又发了飞鸽消息，期待您的回复。'],
    ['qianniu', 'public', '感谢您的追评，退款已经为您办理好了。'],
    ['jd', 'public', '感谢您的评价和建议，已为您安排退款，我们也会改进包装。'],
  ];

  it.each(GOOD)('%s/%s: %s', (platform, kind, text) => {
    expect(lintReply(text, { platform, kind }).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('all generated drafts, every kind and tone, in every language, with facts', () => {
    for (const lang of LANGS) {
      for (const platform of PLATFORMS) {
        for (const cause of CAUSE_IDS) {
          const tone = TONES_ALL[CAUSE_IDS.indexOf(cause) % 3];
          const drafts = generateDrafts(fullInput(lang, platform, [cause], tone, `${platform}${cause}`));
          for (const kind of DRAFT_KINDS) {
            const text = drafts[kind];
            if (text === null) continue;
            const errors = lintReply(text, { platform, kind }).filter((f) => f.severity === 'error');
            expect(errors, `${lang}/${platform}/${cause}/${kind}: ${text}`).toEqual([]);
          }
        }
      }
    }
  });
});

describe('robustness', () => {
  const platforms = fc.constantFrom(...PLATFORMS);
  const kinds = fc.constantFrom(...DRAFT_KINDS);
  const text = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.stringMatching(/^[0-9*\-\s+好评返现改评价微信QQ@.a-z]{0,80}$/));

  it('never throws; spans stay within the text and are ordered', () => {
    fc.assert(
      fc.property(
        text,
        platforms,
        kinds,
        fc.option(fc.integer({ min: -100, max: 100 })),
        fc.option(fc.string()),
        fc.array(fc.string({ maxLength: 60 }), { maxLength: 3 }),
        fc.boolean(),
        (t, platform, kind, days, date, recent, isEdit) => {
          const findings = lintReply(t, { platform, kind, replyDaysLeft: days ?? undefined, reviewDate: date ?? undefined, recentReplies: recent, isEdit, knownNames: recent });
          for (const f of findings) {
            expect(f.start).toBeGreaterThanOrEqual(0);
            expect(f.end).toBeLessThanOrEqual(t.length);
            expect(f.start).toBeLessThanOrEqual(f.end);
            expect(['error', 'warning']).toContain(f.severity);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('errors come before warnings', () => {
    const findings = lintReply('你自己看'.repeat(60), { platform: 'kuaishou', kind: 'public' });
    const severities = findings.map((f) => f.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
  });
});
