import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS } from '../../../lib/analysis/types';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, DRAFT_KINDS, generateDrafts, generateDraftsReport, lintReply, platformRules, PUBLIC_KINDS, REMEDY_KINDS, type Drafts } from '../../../lib/drafts';
import { bareInput, CONTACTS, fullInput, LANGS, PLATFORMS, TONES_ALL } from './fixtures';

const errorsOf = (drafts: Drafts, platform: Parameters<typeof lintReply>[1]['platform'], knownNames?: string[]) =>
  DRAFT_KINDS.flatMap((kind) => {
    const text = drafts[kind];
    if (text === null) return [];
    return lintReply(text, { platform, kind, knownNames })
      .filter((f) => f.severity === 'error')
      .map((f) => `${kind}: ${f.rule} "${text.slice(f.start, f.end)}"`);
  });

describe('golden drafts: every cause × platform × language × tone', () => {
  for (const lang of LANGS) {
    it.each(PLATFORMS)(`${lang} on %s: all kinds are drafted and lint clean`, (platform) => {
      {
        for (const cause of CAUSE_IDS) {
          for (const tone of TONES_ALL) {
            for (const input of [fullInput(lang, platform, [cause, 'packaging'], tone, `${cause}-${tone}`), bareInput(lang, platform, [cause], tone)]) {
              const drafts = generateDrafts(input);
              for (const kind of ['public', 'private', 'phone', 'firm', 'unreachable'] as const) {
                expect(drafts[kind], `${lang}/${platform}/${cause}/${tone}/${kind}`).toMatch(/\S{2,}/);
              }
              expect(drafts.revisionRequest === null).toBe(!platformRules(platform).revisionRequestAllowed);
              expect(errorsOf(drafts, platform, input.buyerNick ? [input.buyerNick] : undefined), `${lang}/${platform}/${cause}/${tone}`).toEqual([]);
            }
          }
        }
      }
    });
  }

  it('public kinds never carry the buyer nick or the order number; private kinds may', () => {
    const drafts = generateDrafts(fullInput('zh-Hans', 'qianniu', ['quality'], 'sincere'));
    for (const kind of PUBLIC_KINDS) {
      expect(drafts[kind]).not.toContain('阿***');
      expect(drafts[kind]).not.toContain('5678');
    }
    expect(drafts.private).toContain('阿***');
    expect(drafts.private).toContain('尾号5678');
  });

  it('reads like the playbook: thanks, owns the cause, states remedy and change, signs', () => {
    const { public: reply } = generateDrafts(fullInput('zh-Hans', 'qianniu', ['quality'], 'sincere'));
    expect(reply).toMatch(/谢谢|感谢/);
    expect(reply).toMatch(/把好关|品控/);
    expect(reply).toContain('部分退款20元');
    expect(reply).toMatch(/抽检|检查/);
    expect(reply).toContain('——青禾家居 店长 小林');
    const en = generateDrafts(fullInput('en', 'otto', ['shipping'], 'professional')).public;
    expect(en).toContain('a partial refund of €20');
    expect(en).toMatch(/What changes:/);
  });

  it('fits public drafts into the platform limit when a shorter composition exists', () => {
    for (const lang of ['zh-Hans', 'zh-Hant'] as const) {
      for (const cause of CAUSE_IDS) {
        const drafts = generateDrafts(fullInput(lang, 'pinduoduo', [cause, 'logistics'], 'sincere'));
        expect([...drafts.public].length).toBeLessThanOrEqual(platformRules('pinduoduo').maxLength);
      }
    }
  });
});

describe('conditional kinds', () => {
  it('Amazon never gets a revision request, even when the buyer is satisfied', () => {
    for (const lang of LANGS) expect(generateDrafts(fullInput(lang, 'amazon', ['quality'], 'sincere')).revisionRequest).toBeNull();
  });

  it('a revision request needs both a solved problem and a satisfied buyer', () => {
    const base = fullInput('zh-Hans', 'jd', ['quality'], 'sincere');
    expect(generateDrafts({ ...base, problemSolved: false }).revisionRequest).toBeNull();
    expect(generateDrafts({ ...base, buyerSatisfied: undefined }).revisionRequest).toBeNull();
    expect(generateDrafts(base).revisionRequest).toMatch(/由您决定|您的意愿/);
  });

  it('a revision request never mentions compensation, even when a remedy was given', () => {
    for (const lang of LANGS) {
      for (const tone of TONES_ALL) {
        const text = generateDrafts({ ...fullInput(lang, 'otto', ['price_value'], tone), remedy: { kind: 'coupon', amount: 15 } }).revisionRequest!;
        expect(text).not.toMatch(/券|退款|補償|补偿|返现|红包|coupon|voucher|refund|Gutschein|Erstattung|15/i);
      }
    }
  });

  it('firm only for high risk, and it never accuses the buyer', () => {
    const base = fullInput('zh-Hans', 'qianniu', ['authenticity'], 'professional');
    expect(generateDrafts({ ...base, risk: 'watch' }).firm).toBeNull();
    expect(generateDrafts({ ...base, risk: undefined }).firm).toBeNull();
    const firm = generateDrafts(base).firm!;
    expect(firm).toContain('鉴定');
    expect(firm).not.toMatch(/恶意|差评师|敲诈|骗/);
  });

  it('unreachable is null without contact attempts', () => {
    expect(generateDrafts({ ...fullInput('de', 'otto', ['logistics'], 'sincere'), contacts: [] }).unreachable).toBeNull();
  });

  it('unreachable cites every attempt with date, time and channel, in order, in the given zone', () => {
    const shuffled = [CONTACTS[2], CONTACTS[0], CONTACTS[1]];
    const expectations = {
      'zh-Hans': [['11月20日 12:15', '电话'], ['11月20日 19:25', '旺旺消息'], ['11月21日 10:30', '短信']],
      'zh-Hant': [['11月20日 12:15', '電話'], ['11月20日 19:25', '旺旺訊息'], ['11月21日 10:30', '簡訊']],
      de: [['20. Nov., 12:15', 'Anruf'], ['20. Nov., 19:25', 'Chat-Nachricht'], ['21. Nov., 10:30', 'SMS']],
      en: [['20 Nov, 12:15', 'phone call'], ['20 Nov, 19:25', 'chat message'], ['21 Nov, 10:30', 'text message']],
    } as const;
    for (const lang of LANGS) {
      const text = generateDrafts({ ...fullInput(lang, 'qianniu', ['quality'], 'sincere'), contacts: shuffled }).unreachable!;
      const lines = text.split('\n').filter((l) => /^[·•]/.test(l));
      expect(lines).toHaveLength(3);
      expectations[lang].forEach(([when, channel], i) => {
        expect(lines[i]).toContain(when);
        expect(lines[i]).toContain(channel);
      });
      // The buyer's demand is never published.
      expect(text).not.toMatch(/赔偿|賠償|compensation|Entschädigung/i);
    }
  });

  it('the same instant prints in the seller zone it is given', () => {
    const berlin = generateDrafts({ ...fullInput('de', 'otto', ['quality'], 'sincere'), timeZone: 'Europe/Berlin' }).unreachable!;
    expect(berlin).toContain('20. Nov., 05:15');
  });

  it('the phone script follows the playbook and agrees a concrete follow-up time', () => {
    const script = generateDrafts(fullInput('zh-Hans', 'qianniu', ['size'], 'sincere')).phone;
    const order = ['【开场】', '【复述】', '【询问】', '【倾听】', '【方案】', '【约定】'].map((h) => script.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(script).toContain('青禾家居');
    expect(script).toContain('11月24日');
    expect(script).toContain('18:30');
    expect(script).toContain('偏大还是偏小');
  });
});

describe('Traditional Chinese', () => {
  // Characters that exist only in Simplified script (their Traditional forms differ).
  const SIMPLIFIED_ONLY = [...'们这说问题发货质评价应该对时间为样联买卖给让还没过进实现经处务赔偿颜单号码钱红优礼态员诚恳简洁确认检库换记录费运产图标签气动'];
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  // Characters that are the same in both scripts but which the converter maps to a Taiwan variant (台→臺, 划算).
  const SHARED = new Set(['台', '划']);

  it('has no Simplified-only characters, by a check list and by the converter', () => {
    for (const platform of ['qianniu', 'jd', 'douyin', 'pinduoduo', 'kuaishou'] as const) {
      for (const cause of CAUSE_IDS) {
        for (const tone of TONES_ALL) {
          const drafts = generateDrafts(fullInput('zh-Hant', platform, [cause, 'service'], tone, cause + tone));
          for (const text of Object.values(drafts)) {
            if (text === null) continue;
            const chars = new Set([...text]);
            expect(SIMPLIFIED_ONLY.filter((c) => chars.has(c)), text).toEqual([]);
            expect([...chars].filter((c) => !SHARED.has(c) && toTraditional(c) !== c), text).toEqual([]);
          }
        }
      }
    }
  });

  it('uses Taiwan wording, not converted mainland terms', () => {
    const drafts = generateDrafts(fullInput('zh-Hant', 'qianniu', ['quality', 'logistics'], 'sincere'));
    const all = Object.values(drafts).join('\n');
    expect(all).toContain('品質');
    expect(all).not.toMatch(/質量|快遞|反饋|支援換/);
  });
});

describe('variants', () => {
  it('different seeds give different public replies; the same seed gives the same one', () => {
    const texts = new Set(Array.from({ length: 12 }, (_, i) => generateDrafts(fullInput('zh-Hans', 'qianniu', ['quality'], 'sincere', `review-${i}`)).public));
    expect(texts.size).toBeGreaterThanOrEqual(4);
    const a = generateDrafts(fullInput('en', 'otto', ['size'], 'sincere', 'same'));
    const b = generateDrafts(fullInput('en', 'otto', ['size'], 'sincere', 'same'));
    expect(a).toEqual(b);
  });

  it('tones differ', () => {
    const [sincere, professional, concise] = TONES_ALL.map((tone) => generateDrafts(fullInput('zh-Hans', 'jd', ['service'], tone)).public);
    expect(new Set([sincere, professional, concise]).size).toBe(3);
    expect([...concise].length).toBeLessThan([...sincere].length);
  });
});

describe('template overrides', () => {
  const base = fullInput('zh-Hans', 'qianniu', ['quality', 'logistics'], 'sincere');

  it('byKind fills placeholders; byCause (leading cause) wins over byKind', () => {
    const report = generateDraftsReport({
      ...base,
      overrides: {
        byKind: { public: '感谢支持{shop}！关于{topic}，我们可以为您{remedy}。{signature}', private: '{buyer}您好，订单{orderTail}' },
        byCause: { quality: { phone: '您好，我是{shop}，{followUp}前回复您。' } },
      },
    });
    expect(report.issues).toEqual([]);
    expect(report.drafts.public).toBe('感谢支持青禾家居！关于商品的质量问题和配送上的问题，我们可以为您部分退款20元。店长 小林');
    expect(report.drafts.private).toBe('阿***您好，订单5678');
    expect(report.drafts.phone).toBe('您好，我是青禾家居，11月24日周二 18:30前回复您。');
  });

  it('{draft} wraps the built-in text; {contactList} lists the attempts', () => {
    const { drafts } = generateDraftsReport({ ...base, overrides: { byKind: { public: '【官方回复】{draft}', unreachable: '联系记录：\n{contactList}' } } });
    expect(drafts.public.startsWith('【官方回复】')).toBe(true);
    expect(drafts.public).toContain('——青禾家居');
    expect(drafts.unreachable!.split('\n')).toHaveLength(4);
  });

  it('reports unknown placeholders and personal ones in public kinds, keeping them visible, never crashing', () => {
    const report = generateDraftsReport({ ...base, overrides: { byKind: { public: '{buyer}，{oops}感谢{shop}' }, byCause: { quality: { firm: '{nope' } } } });
    expect(report.drafts.public).toBe('{buyer}，{oops}感谢青禾家居');
    expect(report.issues).toEqual([
      { kind: 'public', placeholder: 'buyer', reason: 'not_available' },
      { kind: 'public', placeholder: 'oops', reason: 'unknown' },
    ]);
    expect(report.drafts.firm).toBe('{nope');
  });

  it('overrides do not resurrect kinds that do not apply', () => {
    const { drafts } = generateDraftsReport({ ...fullInput('en', 'amazon', ['quality'], 'sincere'), overrides: { byKind: { revisionRequest: 'please update' } } });
    expect(drafts.revisionRequest).toBeNull();
  });
});

describe('input validation', () => {
  const ok = fullInput('en', 'otto', ['quality'], 'sincere');
  it.each([
    ['lang', { lang: 'fr' }],
    ['platform', { platform: 'tmall' }],
    ['tone', { tone: 'angry' }],
    ['causes', { causes: 'quality' }],
    ['causes[]', { causes: ['quality', 'weather'] }],
    ['contacts[0].channel', { contacts: [{ at: '2026-11-20T04:15:00Z', channel: 'pigeon', outcome: 'no_answer' }] }],
    ['contacts[0].at', { contacts: [{ at: 'yesterday', channel: 'phone', outcome: 'no_answer' }] }],
    ['contacts[0].outcome', { contacts: [{ at: '2026-11-20T04:15:00Z', channel: 'phone', outcome: 'maybe' }] }],
    ['time zone', { timeZone: 'Mars/Olympus' }],
    ['remedy.kind', { remedy: { kind: 'hug' } }],
    ['remedy.amount', { remedy: { kind: 'refund', amount: -3 } }],
  ])('throws naming %s', (field, patch) => {
    expect(() => generateDrafts({ ...ok, ...(patch as object) })).toThrow(field.split('[')[0]);
  });

  it('empty causes fall back to a general reply; "other" with a real cause is dropped', () => {
    expect(generateDrafts({ ...ok, causes: [] }).public).toContain('what went wrong with your order');
    expect(generateDrafts({ ...ok, causes: ['other', 'size'], seed: 'x' }).public).toContain('fit');
  });
});

describe('properties', () => {
  const contact = fc.record({
    at: fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    channel: fc.constantFrom(...CONTACT_CHANNELS),
    outcome: fc.constantFrom(...CONTACT_OUTCOMES),
  });
  const input = fc.record({
    lang: fc.constantFrom(...LANGS),
    platform: fc.constantFrom(...PLATFORMS),
    rating: fc.constantFrom('good' as const, 'medium' as const, 'bad' as const, 'unknown' as const),
    causes: fc.subarray([...CAUSE_IDS]),
    tone: fc.constantFrom(...TONES_ALL),
    product: fc.option(fc.constantFrom('保温杯', 'Thermobecher', 'travel mug', '一个名字特别特别特别特别特别特别长的商品标题关键词堆砌'), { nil: undefined }),
    remedy: fc.option(fc.record({ kind: fc.constantFrom(...REMEDY_KINDS), amount: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }) }), { nil: undefined }),
    contacts: fc.array(contact, { maxLength: 5 }),
    risk: fc.constantFrom('low' as const, 'watch' as const, 'high' as const),
    seed: fc.string({ maxLength: 12 }),
    problemSolved: fc.boolean(),
    buyerSatisfied: fc.boolean(),
    timeZone: fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', undefined),
  });

  it('any valid case yields non-empty, lint-error-free drafts with the documented nulls', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const drafts = generateDrafts({ ...raw, buyerNick: 'w**2', orderId: '3456789012345678', shop: { name: 'Qinghe' }, now: '2026-11-23T02:00:00Z' });
        for (const kind of ['public', 'private', 'phone'] as const) expect(drafts[kind].trim().length).toBeGreaterThan(20);
        expect(drafts.firm === null).toBe(raw.risk !== 'high');
        expect(drafts.unreachable === null).toBe(raw.contacts.length === 0);
        expect(drafts.revisionRequest === null).toBe(!(raw.problemSolved && raw.buyerSatisfied && platformRules(raw.platform).revisionRequestAllowed));
        expect(errorsOf(drafts, raw.platform, ['w**2'])).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the phone script has its parts in the playbook order in every language', () => {
    const headings = { 'zh-Hans': ['【开场】', '【复述】', '【询问】', '【方案】', '【约定】'], 'zh-Hant': ['【開場】', '【複述】', '【詢問】', '【方案】', '【約定】'], de: ['[Begrüßung]', '[Zusammenfassen]', '[Fragen]', '[Angebot]', '[Vereinbarung]'], en: ['[Opening]', '[Restate]', '[Ask]', '[Offer]', '[Follow-up]'] } as const;
    for (const lang of LANGS) {
      for (const tone of TONES_ALL) {
        const script = generateDrafts(fullInput(lang, 'otto', ['after_sales'], tone)).phone;
        const positions = headings[lang].map((h) => script.indexOf(h));
        expect(positions.every((p) => p >= 0), script).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        expect(script).toMatch(/18:30|6:30 pm/);
      }
    }
  });
});
