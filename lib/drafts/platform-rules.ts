import type { Platform } from '../sites/types';

/** What a platform allows a seller's reply to do. Data, not code: update the dated notes when rules change. */
export interface PlatformRules {
  /** Longest reply the platform accepts, in characters (code points). */
  maxLength: number;
  /** Whether the seller may ask the buyer (politely, without incentive) to revise a review. */
  revisionRequestAllowed: boolean;
  /** Only one reply per review, and it cannot be edited afterwards. */
  oneReplyNoEdit: boolean;
  /** Days after the review during which a reply is possible; undefined when no limit is known. */
  replyWindowDays?: number;
  /** Why we believe the above; "assumption" marks values no public source confirmed. */
  notes: string;
}

export const PLATFORM_RULES: Record<Platform, PlatformRules> = {
  qianniu: {
    maxLength: 500,
    revisionRequestAllowed: true,
    oneReplyNoEdit: false,
    replyWindowDays: 30,
    notes:
      '2026-11: the back-office shows "还有N天可回复" per review, which fits a 30-day window. ' +
      'The 500-character limit is an assumption taken from the classic 解释 box; not confirmed on the new UI.',
  },
  taobao_classic: {
    maxLength: 500,
    revisionRequestAllowed: true,
    oneReplyNoEdit: false,
    replyWindowDays: 30,
    notes: '2026-11: same rules as Qianniu (same shop, older page). Length limit is an assumption.',
  },
  pinduoduo: {
    maxLength: 200,
    revisionRequestAllowed: true,
    oneReplyNoEdit: false,
    notes:
      '2026-11: assumption. No public limit found; 200 characters is the conservative figure sellers quote. ' +
      'Incentives for reviews are forbidden; a plain request after a solved problem is common practice.',
  },
  douyin: {
    maxLength: 300,
    revisionRequestAllowed: true,
    oneReplyNoEdit: false,
    notes: '2026-11: assumption for the length limit. Inducing review changes with benefits is forbidden by 抖店 rules.',
  },
  jd: {
    maxLength: 500,
    revisionRequestAllowed: true,
    oneReplyNoEdit: false,
    notes: '2026-11: assumption for the length limit; JD reviews cannot be edited by buyers, only followed up (追评).',
  },
  kuaishou: {
    maxLength: 300,
    revisionRequestAllowed: true,
    oneReplyNoEdit: true,
    replyWindowDays: 30,
    notes:
      '2026-11: one reply, first review only, within 30 days, no editing — from the 快手小店 rules quoted in ' +
      'shared/platforms.md. The length limit is an assumption.',
  },
  otto: {
    maxLength: 1000,
    revisionRequestAllowed: true,
    oneReplyNoEdit: false,
    notes:
      '2026-11: assumption. No public OTTO Market limit found. German unfair-competition law forbids paying for ' +
      'reviews; a plain request is not forbidden as far as we know — the seller should check the partner terms.',
  },
  amazon: {
    maxLength: 500,
    revisionRequestAllowed: false,
    oneReplyNoEdit: false,
    notes:
      '2026-11: Amazon forbids asking a buyer to change or remove a review or feedback, and any incentive for it ' +
      '(Seller Central policy). The 500-character public-reply limit is an assumption.',
  },
  generic: {
    maxLength: 500,
    revisionRequestAllowed: true,
    oneReplyNoEdit: false,
    notes: '2026-11: an unknown site; 500 characters is a cautious default, not a known rule.',
  },
};

export function platformRules(platform: Platform): PlatformRules {
  return PLATFORM_RULES[platform] ?? PLATFORM_RULES.generic;
}
