import type { Analysis } from '../../../lib/analysis/types';
import { IDBFactory } from 'fake-indexeddb';
import { openCasesDb, type CasesRepository } from '../../../lib/cases/repository';
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

const T0 = Date.parse('2026-11-21T08:00:00Z');
const HOUR = 3_600_000;

/** A store with every kind of data a case can carry. */
export async function populatedRepo(factory = new IDBFactory()): Promise<CasesRepository> {
  const repo = await openCasesDb({ factory });
  await repo.recordSeen(snapshot({ reviewId: 'a' }), analysis({ extortion: true, extortionEvidence: [[1, 3]] }), {
    autoOpen: true,
    now: T0,
  });
  await repo.recordSeen(snapshot({ reviewId: 'b', platform: 'kuaishou', followUp: '追评：还是坏的' }), analysis(), {
    autoOpen: true,
    now: T0,
  });
  await repo.track(snapshot({ reviewId: 'g', rating: 'good', stars: 5, date: undefined }), goodAnalysis, T0);
  await repo.logContact('qianniu:a', { channel: 'phone', outcome: 'no_answer', note: '中午再打' }, T0 + HOUR);
  await repo.logContact('qianniu:a', { channel: 'chat', outcome: 'agreed' }, T0 + 2 * HOUR);
  await repo.addRemedy('qianniu:a', { kind: 'partial_refund', amount: 12.5, currency: 'CNY' }, T0 + 2 * HOUR);
  await repo.addNote('qianniu:a', '买家要求换货', T0 + 2 * HOUR);
  await repo.setFollowUp('qianniu:a', T0 + 30 * HOUR, T0 + 2 * HOUR);
  await repo.setFlags('kuaishou:b', { appealFiled: true }, T0 + HOUR);
  await repo.setRisk(
    'kuaishou:b',
    { band: 'watch', score: 45, signals: [{ id: 'extortion', kind: 'soft', source: 'text', detail: '赔偿', weight: 20 }], assessedAt: T0 },
    T0 + HOUR,
  );
  await repo.setManualFacts('kuaishou:b', { chatBeforeOrder: false, secondsToPay: 20 }, T0 + HOUR);
  await repo.markEvidence('kuaishou:b', 'chat_log', true, T0 + HOUR);
  await repo.closeCase('qianniu:g', { outcome: 'revised', lesson: { rootCause: 'logistics', improvement: '换快递' } }, T0 + 3 * HOUR);
  await repo.putBlacklist([{ platform: 'qianniu', nick: '赵**', reason: '职业差评', addedAt: '2026-10-01', addedBy: 'ops' }]);
  return repo;
}

