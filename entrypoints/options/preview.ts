import type { CauseId, Lang } from '../../lib/analysis/types';
import type { DraftSettings } from '../../lib/draft-settings';
import type { ContactAttempt, DraftInput, DraftKind, Tone } from '../../lib/drafts/types';
import type { Settings } from '../../lib/settings';
import type { Platform } from '../../lib/sites/types';

/** A made-up review the preview drafts for, so the seller sees their template with real words in it. */
const SAMPLE: Record<Lang, { product: string; buyerNick: string }> = {
  'zh-Hans': { product: '保温杯', buyerNick: '王**' },
  'zh-Hant': { product: '保溫杯', buyerNick: '陳**' },
  en: { product: 'travel mug', buyerNick: 'Sam P.' },
  de: { product: 'Thermobecher', buyerNick: 'Anna K.' },
};

export interface PreviewChoice {
  cause: CauseId;
  kind: DraftKind;
  lang: Lang;
  platform: Platform;
  tone: Tone;
}

/**
 * Every kind exists in the sample (a high-risk review, a solved problem, two logged contacts), so
 * any template can be previewed. The clock is passed in so the preview does not change while typing.
 */
export function previewInput(choice: PreviewChoice, settings: Settings, drafts: Pick<DraftSettings, 'overrides'> & { remedy?: DraftInput['remedy'] }, now: Date): DraftInput {
  const day = 24 * 3600 * 1000;
  const contacts: ContactAttempt[] = [
    { at: new Date(now.getTime() - 2 * day).toISOString(), channel: 'phone', outcome: 'no_answer' },
    { at: new Date(now.getTime() - day).toISOString(), channel: 'chat', outcome: 'no_answer' },
  ];
  return {
    lang: choice.lang,
    platform: choice.platform,
    tone: choice.tone,
    rating: 'bad',
    causes: [choice.cause],
    product: SAMPLE[choice.lang].product,
    buyerNick: SAMPLE[choice.lang].buyerNick,
    orderId: '3912837465120093',
    shop: { name: settings.shopName.trim(), signature: settings.signature.trim(), serviceHours: settings.serviceHours.trim() },
    remedy: drafts.remedy,
    contacts,
    risk: 'high',
    problemSolved: true,
    buyerSatisfied: true,
    seed: 'options-preview',
    now,
    overrides: drafts.overrides,
  };
}
