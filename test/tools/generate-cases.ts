import { CAUSE_IDS, type CauseId } from '../../lib/analysis/types';
import { newCase, withDerived } from '../../lib/cases/snapshot';
import { DAY_MS, HOUR_MS } from '../../lib/cases/time';
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  REMEDY_KINDS,
  type Case,
  type CaseState,
  type RiskBand,
} from '../../lib/cases/types';
import type { Platform } from '../../lib/sites/types';

/** Deterministic PRNG (mulberry32): the same seed gives the same cases on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLATFORMS: Platform[] = ['qianniu', 'qianniu', 'qianniu', 'pinduoduo', 'jd', 'douyin', 'kuaishou', 'otto', 'amazon'];
const PRODUCTS = ['保温杯 500ml', '加厚毛巾 三条装', '儿童雨靴', 'Kaffeemühle manuell', '蓝牙耳机 Pro', '羊毛围巾', 'Phone case', '不锈钢锅具套装'];
const NICKS = ['王**', '李*明', 'z***9', '小***子', 'M. S***', 't***8', '陈**', 'anna_k***'];
const TEXTS = ['快递太慢了，包装也破了', '质量一般，用了两天就坏了', '和描述的不一样，颜色差很多', '客服态度很差，一直不回消息', 'Leider zu klein', 'Broke after a week'];
const STATES: CaseState[] = ['new', 'new', 'new', 'contacted', 'contacted', 'remedy_offered', 'agreed_to_revise', 'revised', 'closed_unrevised', 'reviewed'];
const BANDS: RiskBand[] = ['low', 'low', 'low', 'watch', 'high'];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)];
}

/**
 * `count` plausible cases spread over the last ~90 days before `now`: every state, platform, cause,
 * contacts, remedies, follow-ups and risk bands, built through the same code paths the store uses.
 */
export function generateCases(count: number, options: { seed?: number; now?: number } = {}): Case[] {
  const next = random(options.seed ?? 42);
  const now = options.now ?? Date.now();
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const seenAt = now - Math.floor(next() * 90 * DAY_MS);
    const platform = pick(next, PLATFORMS);
    const causes = [...new Set([pick(next, CAUSE_IDS), ...(next() < 0.3 ? [pick(next, CAUSE_IDS)] : [])])] as CauseId[];
    // Forty products: the same id always has the same title, as on a real shop.
    const productIndex = Math.floor(next() * 40);
    const product = `${PRODUCTS[productIndex % PRODUCTS.length]}${productIndex >= PRODUCTS.length ? ` ${String.fromCharCode(65 + Math.floor(productIndex / PRODUCTS.length))}` : ''}`;
    const c = newCase(
      {
        platform,
        reviewId: `gen-${i}`,
        rating: next() < 0.6 ? 'bad' : 'medium',
        text: pick(next, TEXTS),
        buyerNick: `${pick(next, NICKS)}${i % 97}`,
        orderId: String(1_000_000_000_000 + i),
        product: { title: product, id: String(10_000 + productIndex), sku: `SKU-${productIndex}-${i % 3}` },
        date: new Date(seenAt - Math.floor(next() * 12 * HOUR_MS)).toISOString(),
        replyDaysLeft: platform === 'qianniu' ? Math.floor(next() * 30) : undefined,
        canReply: true,
        pageUrl: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC',
      },
      {
        lang: 'zh-Hans',
        negative: true,
        negativity: 0.5 + next() / 2,
        causes,
        evidence: {},
        extortion: next() < 0.03,
        extortionEvidence: [],
      },
      seenAt,
    );
    const state = pick(next, STATES);
    let at = seenAt + Math.floor(next() * 30 * HOUR_MS);
    if (state !== 'new') {
      const attempts = 1 + Math.floor(next() * 3);
      for (let k = 0; k < attempts; k++, at += Math.floor(next() * DAY_MS)) {
        c.contacts.push({ id: `${c.id}:c${k}`, channel: pick(next, CONTACT_CHANNELS), at, outcome: pick(next, CONTACT_OUTCOMES) });
      }
      c.firstResponseAt = c.contacts[0].at;
      c.history.push({ from: 'new', to: 'contacted', at: c.firstResponseAt });
      if (state !== 'contacted' && next() < 0.7) {
        const kind = pick(next, REMEDY_KINDS);
        c.remedies.push({ id: `${c.id}:r0`, kind, at, amount: Math.round(next() * 5000) / 100, currency: platform === 'otto' || platform === 'amazon' ? 'EUR' : 'CNY' });
      }
      if (state !== 'contacted') c.history.push({ from: 'contacted', to: state, at });
      c.state = state;
      if (state === 'revised' || state === 'reviewed') c.outcome = 'revised';
      if (state === 'closed_unrevised') c.outcome = 'unrevised';
      if (state === 'reviewed') c.lesson = { rootCause: causes[0], improvement: '加固包装，换快递', at };
      if (c.outcome) c.closedAt = at;
    }
    if (next() < 0.15) c.nextFollowUpAt = now + Math.floor((next() - 0.3) * 3 * DAY_MS);
    const band = pick(next, BANDS);
    c.risk = { band, score: band === 'high' ? 80 : band === 'watch' ? 45 : 10, signals: [], assessedAt: seenAt };
    cases.push(withDerived(c, Math.min(now, Math.max(at, seenAt))));
  }
  return cases;
}
