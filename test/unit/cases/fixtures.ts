import type { Analysis } from '../../../lib/analysis/types';
import type { Case } from '../../../lib/cases/types';
import { newCase, withDerived } from '../../../lib/cases/snapshot';
import type { ReviewSnapshot } from '../../../lib/sites/types';

export function snapshot(overrides: Partial<ReviewSnapshot> = {}): ReviewSnapshot {
  return {
    platform: 'qianniu',
    reviewId: 'r1',
    rating: 'bad',
    text: '快递太慢了，包装也破了',
    buyerNick: '王**',
    buyerCredit: 'b_blue_4',
    orderId: '1234567890123',
    product: { title: '保温杯 500ml', url: 'https://item.taobao.com/item.htm?id=42', id: '42' },
    date: '2026-11-20T10:00:00+08:00',
    replyDaysLeft: 25,
    canReply: true,
    pageUrl: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC',
    ...overrides,
  };
}

export function analysis(overrides: Partial<Analysis> = {}): Analysis {
  return {
    lang: 'zh-Hans',
    negative: true,
    negativity: 0.8,
    causes: ['logistics', 'packaging'],
    evidence: { logistics: [[0, 4]], packaging: [[6, 8]] },
    extortion: false,
    extortionEvidence: [],
    ...overrides,
  };
}

export const goodAnalysis: Analysis = {
  lang: 'zh-Hans',
  negative: false,
  negativity: 0.05,
  causes: [],
  evidence: {},
  extortion: false,
  extortionEvidence: [],
};

/** A case as the repository would build it, with workflow fields overridden for pure tests. */
export function makeCase(overrides: Partial<Case> & { reviewId: string }, seen: Partial<ReviewSnapshot> = {}): Case {
  const base = newCase(snapshot({ reviewId: overrides.reviewId, ...seen }), analysis(), overrides.createdAt ?? 0);
  return withDerived(Object.assign(base, overrides), overrides.updatedAt ?? base.updatedAt);
}
