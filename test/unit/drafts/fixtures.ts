import type { CauseId, Lang } from '../../../lib/analysis/types';
import type { DraftInput, Tone } from '../../../lib/drafts/types';
import type { Platform } from '../../../lib/sites/types';

export const LANGS: Lang[] = ['zh-Hans', 'zh-Hant', 'de', 'en'];
export const PLATFORMS: Platform[] = ['qianniu', 'taobao_classic', 'pinduoduo', 'jd', 'douyin', 'kuaishou', 'otto', 'amazon', 'generic'];
export const TONES_ALL: Tone[] = ['sincere', 'professional', 'concise'];

/** Facts written in the script of each language, as a seller's settings would be. */
const FACTS: Record<Lang, Pick<DraftInput, 'product' | 'buyerNick' | 'shop'>> = {
  'zh-Hans': { product: '保温杯', buyerNick: '阿***', shop: { name: '青禾家居', signature: '店长 小林', serviceHours: '9:00–22:00' } },
  'zh-Hant': { product: '保溫杯', buyerNick: '阿***', shop: { name: '青禾家居', signature: '店長 小林', serviceHours: '9:00–22:00' } },
  de: { product: 'Thermobecher', buyerNick: 'Anna K.', shop: { name: 'Qinghe Home', signature: 'Lena', serviceHours: 'Mo–Fr 9–18 Uhr' } },
  en: { product: 'travel mug', buyerNick: 'J. Smith', shop: { name: 'Qinghe Home', signature: 'Lena', serviceHours: 'Mon–Fri 9am–6pm' } },
};

export const CONTACTS: NonNullable<DraftInput['contacts']> = [
  { at: '2026-11-20T04:15:00Z', channel: 'phone', outcome: 'no_answer' },
  { at: '2026-11-20T11:25:00Z', channel: 'chat', outcome: 'demanded_compensation' },
  { at: '2026-11-21T02:30:00Z', channel: 'sms', outcome: 'no_answer' },
];

/** A fully loaded case: every kind is drafted (except where a platform forbids it). */
export function fullInput(lang: Lang, platform: Platform, causes: CauseId[], tone: Tone, seed = 'r1'): DraftInput {
  return {
    lang,
    platform,
    rating: 'bad',
    causes,
    tone,
    ...FACTS[lang],
    orderId: '3456789012345678',
    remedy: { kind: 'partial_refund', amount: 20 },
    contacts: CONTACTS,
    risk: 'high',
    problemSolved: true,
    buyerSatisfied: true,
    seed,
    now: '2026-11-23T02:00:00Z',
    timeZone: 'Asia/Shanghai',
  };
}

/** The same case with no optional facts at all. */
export function bareInput(lang: Lang, platform: Platform, causes: CauseId[], tone: Tone): DraftInput {
  return { lang, platform, rating: 'medium', causes, tone, risk: 'high', contacts: CONTACTS.slice(0, 1), problemSolved: true, buyerSatisfied: true };
}
