import { assessRisk } from './analysis/risk/assess';
import type { CriticFacts } from './analysis/risk/facts';
import { findSimilarTexts, SIMILAR_TEXT_WINDOW_MS, type RecentText } from './analysis/risk/similar-texts';
import type { CasesRepository } from './cases/repository';
import type { Case, CaseRisk } from './cases/types';

/** How many recently updated cases to compare texts with: a coordinated attack lands within days. */
const RECENT_CASES = 3000;

function reviewTime(c: Case): number {
  const parsed = c.reviewDate ? Date.parse(c.reviewDate) : Number.NaN;
  return Number.isFinite(parsed) ? parsed : c.firstSeenAt;
}

/** Texts other buyers left recently, from the shop's own cases. */
export async function recentTexts(repo: CasesRepository, now: number): Promise<RecentText[]> {
  const recent = await repo.list({ sort: 'updated', limit: RECENT_CASES });
  return recent
    .filter((c) => c.buyerNick && now - reviewTime(c) <= SIMILAR_TEXT_WINDOW_MS)
    .map((c) => ({ buyer: `${c.platform}:${c.buyerNick}`, text: c.text, at: reviewTime(c) }));
}

/**
 * Everything the shop's own records say about a case, as critic facts. Unknown stays undefined:
 * a buyer without a nick has no history rather than a clean one.
 */
export async function caseFacts(repo: CasesRepository, c: Case, recent: readonly RecentText[], now: number): Promise<CriticFacts> {
  const facts: CriticFacts = { id: c.id, platform: c.platform, rating: c.initialRating, text: c.text };
  if (c.contacts.length > 0) facts.contacts = c.contacts.map((a) => ({ at: a.at, channel: a.channel, outcome: a.outcome }));
  const order = { ...c.manualFacts };
  if (Object.values(order).some((v) => v !== undefined)) facts.order = order;
  if (!c.buyerNick || /^\*+$/.test(c.buyerNick)) return facts;

  facts.buyer = { nick: c.buyerNick, ...(c.buyerCredit ? { creditLevel: c.buyerCredit } : {}) };
  const [sameBuyer, blacklisted] = await Promise.all([
    repo.listByBuyer(c.platform, c.buyerNick),
    repo.getBlacklisted(c.platform, c.buyerNick),
  ]);
  const before = reviewTime(c);
  const priorBad = sameBuyer.filter(
    (other) => other.id !== c.id && (other.initialRating === 'bad' || other.initialRating === 'medium') && reviewTime(other) < before,
  ).length;
  facts.history = {
    priorBadReviewsThisShop: priorBad,
    similarTextsLast7Days: findSimilarTexts({ text: c.text, buyer: `${c.platform}:${c.buyerNick}` }, recent, now),
  };
  facts.blacklisted = Boolean(blacklisted);
  return facts;
}

/** Assesses a case against the shop's records and stores the result on it. */
export async function refreshCaseRisk(repo: CasesRepository, c: Case, recent: readonly RecentText[], now = Date.now()): Promise<CaseRisk> {
  const facts = await caseFacts(repo, c, recent, now);
  const assessment = assessRisk(facts, { extortion: { extortion: c.extortion, extortionEvidence: c.extortionEvidence } });
  const risk: CaseRisk = { band: assessment.band, score: assessment.score, signals: assessment.signals, assessedAt: now };
  await repo.setRisk(c.id, risk, now);
  return risk;
}
