import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../../lib/analysis/risk/assess';
import { SIGNALS, SIGNAL_IDS, STRONGER_OF, type SignalId } from '../../../lib/analysis/risk/catalogue';
import type { CriticFacts } from '../../../lib/analysis/risk/facts';
import { RISK_BANDS, scoreOf } from '../../../lib/analysis/risk/score';

const rank = (band: string) => RISK_BANDS.indexOf(band as never);
const scored = (ids: SignalId[]) => ids.map((id) => ({ id, source: SIGNALS[id].source, weight: SIGNALS[id].weight }));

const WEAKER = new Set(Object.keys(STRONGER_OF) as SignalId[]);
const STRONGER = new Set(Object.values(STRONGER_OF) as SignalId[]);
const WEAKER_OF = new Map(Object.entries(STRONGER_OF).map(([weak, strong]) => [strong as SignalId, weak as SignalId]));

/** A set of signals the facts could produce together: never a weak signal next to its strong form. */
const signalSet = fc.subarray(SIGNAL_IDS).map((ids) => ids.filter((id) => !(WEAKER.has(id) && ids.includes(STRONGER_OF[id]!))));

/** Every way one more piece of evidence can change a signal set: a new signal, or a weak one turning strong. */
function additions(ids: SignalId[]): SignalId[][] {
  const out: SignalId[][] = [];
  for (const id of SIGNAL_IDS) {
    if (ids.includes(id)) continue;
    if (WEAKER.has(id) && ids.includes(STRONGER_OF[id]!)) continue;
    if (STRONGER.has(id) && ids.includes(WEAKER_OF.get(id)!)) out.push([...ids.filter((x) => x !== WEAKER_OF.get(id)), id]);
    else out.push([...ids, id]);
  }
  return out;
}

describe('monotonicity', () => {
  it('adding any signal (or strengthening one) raises the score and never lowers the band', () => {
    fc.assert(
      fc.property(signalSet, (ids) => {
        const before = scoreOf(scored(ids));
        for (const more of additions(ids)) {
          const after = scoreOf(scored(more));
          expect(after.score).toBeGreaterThan(before.score);
          expect(rank(after.band)).toBeGreaterThanOrEqual(rank(before.band));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('scores stay inside their band for every possible signal set', () => {
    fc.assert(
      fc.property(signalSet, (ids) => {
        const { score, band } = scoreOf(scored(ids));
        const [min, max] = { low: [0, 29], watch: [30, 69], high: [70, 100] }[band];
        expect(score).toBeGreaterThanOrEqual(min);
        expect(score).toBeLessThanOrEqual(max);
      }),
      { numRuns: 500 },
    );
  });

  const count = fc.nat({ max: 40 });
  const fullFacts: fc.Arbitrary<CriticFacts> = fc.record({
    id: fc.constant('p'),
    platform: fc.constantFrom('qianniu', 'pinduoduo', 'otto', 'amazon', 'generic' as const),
    rating: fc.constantFrom('bad', 'medium', 'unknown' as const),
    text: fc.constantFrom('质量太差了，用了两天就坏了', '要求赔偿三倍，不然投诉', '详情页写着最好，虚假宣传', 'Nicht wie beschrieben.'),
    buyer: fc.record({
      nick: fc.constant('tb_buyer'),
      accountAgeDays: fc.nat({ max: 400 }),
      givenRatings: fc.record({ good: count, medium: count, bad: count, windowDays: fc.constantFrom(7, 30, 182, 3650) }),
      distinctShopsBadRated: fc.nat({ max: 8 }),
    }),
    order: fc.record({ price: fc.integer({ min: 1, max: 300 }), chatBeforeOrder: fc.boolean(), secondsToPay: fc.nat({ max: 600 }), daysToReview: fc.nat({ max: 30 }) }),
    contacts: fc.array(fc.record({ at: fc.nat(), channel: fc.constantFrom('phone', 'chat'), outcome: fc.constantFrom('answered', 'no_answer', 'refused', 'agreed', 'demanded_compensation' as const) }), { maxLength: 6 }),
    history: fc.record({ priorBadReviewsThisShop: fc.nat({ max: 4 }), similarTextsLast7Days: fc.nat({ max: 5 }) }),
    blacklisted: fc.boolean(),
  });

  /** Forget some of the facts, as if Mend had not gathered them yet. */
  function forget(f: CriticFacts, mask: boolean[]): CriticFacts {
    const copy: CriticFacts = structuredClone(f);
    const drops: (() => void)[] = [
      () => delete copy.blacklisted,
      () => delete copy.buyer!.givenRatings,
      () => delete copy.buyer!.distinctShopsBadRated,
      () => delete copy.buyer!.accountAgeDays,
      () => delete copy.order!.price,
      () => delete copy.order!.chatBeforeOrder,
      () => delete copy.order!.secondsToPay,
      () => delete copy.history!.priorBadReviewsThisShop,
      () => delete copy.history!.similarTextsLast7Days,
      () => delete copy.contacts,
      () => delete copy.order,
      () => delete copy.history,
      () => delete copy.buyer,
    ];
    drops.forEach((drop, i) => mask[i] && drop());
    return copy;
  }

  it('learning a missing fact never lowers the score or the band (unknown is not evidence)', () => {
    fc.assert(
      fc.property(fullFacts, fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }), fc.boolean(), (full, mask, threat) => {
        const extortion = { extortion: threat, extortionEvidence: threat ? ([[0, 2]] as [number, number][]) : [] };
        const known = assessRisk(full, { extortion });
        const partial = assessRisk(forget(full, mask), { extortion });
        expect(known.score).toBeGreaterThanOrEqual(partial.score);
        expect(rank(known.band)).toBeGreaterThanOrEqual(rank(partial.band));
        const partialIds = partial.signals.map((s) => s.id);
        for (const id of partialIds) {
          const stronger = STRONGER_OF[id];
          expect(known.signals.some((s) => s.id === id || s.id === stronger)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
