import { assessRisk } from './analysis/risk/assess';
import type { BuyerFacts, CriticFacts } from './analysis/risk/facts';
import { findSimilarTexts, SIMILAR_TEXT_WINDOW_MS, type RecentText } from './analysis/risk/similar-texts';
import type { CasesRepository } from './cases/repository';
import type { Case, CaseRisk } from './cases/types';
import { reviewStart } from './cases/time';
import { buyerFactsOf, type BuyerRatingProfile } from './sites/taobao-buyer-rating';
import type { Platform } from './sites/types';
import { loadBuyerProfile } from './buyer-profiles';
import { accountPlatforms } from './cases/blacklist-codec';

/** How many recently updated cases to compare texts with: a coordinated attack lands within days. */
const RECENT_CASES = 3000;

/** Texts other buyers left recently, from the shop's own cases. */
export async function recentTexts(repo: CasesRepository, now: number): Promise<RecentText[]> {
  const recent = await repo.list({ sort: 'updated', limit: RECENT_CASES });
  return recent
    .filter((c) => c.buyerNick && now - reviewStart(c) <= SIMILAR_TEXT_WINDOW_MS)
    .map((c) => ({ buyer: `${c.platform}:${c.buyerNick}`, text: c.text, at: reviewStart(c) }));
}


/** Where a buyer's rating-page profile comes from (storage.local in the extension; tests pass their own). */
export type BuyerProfileLookup = (platform: Platform, nick: string) => Promise<BuyerRatingProfile | undefined>;

/**
 * A profile older than this is left out: its six-month counts describe a buyer who may have
 * changed since, and an old reading must not keep a case high forever.
 */
export const BUYER_PROFILE_MAX_AGE_MS = 90 * 24 * 3_600_000;

/**
 * The profile's history, only for the very account it was read from: the nick must match exactly
 * and must not be masked (王** is many people).
 */
function profileFacts(profile: BuyerRatingProfile | undefined, nick: string, now: number): Pick<BuyerFacts, 'givenRatings' | 'distinctShopsBadRated' | 'creditLevel'> {
  if (!profile || profile.nick !== nick || /[*＊]/.test(nick)) return {};
  const seen = Date.parse(profile.seenAt);
  if (!Number.isFinite(seen) || now - seen > BUYER_PROFILE_MAX_AGE_MS) return {};
  const { givenRatings, distinctShopsBadRated, creditLevel } = buyerFactsOf(profile, nick);
  return {
    ...(givenRatings ? { givenRatings } : {}),
    ...(distinctShopsBadRated !== undefined ? { distinctShopsBadRated } : {}),
    ...(creditLevel ? { creditLevel } : {}),
  };
}

/**
 * Everything the shop's own records (and the buyer's stored rating-page profile) say about a case,
 * as critic facts. Unknown stays undefined: a buyer without a nick has no history rather than a clean one.
 */
export async function caseFacts(
  repo: CasesRepository,
  c: Case,
  recent: readonly RecentText[],
  now: number,
  profileOf: BuyerProfileLookup = loadBuyerProfile,
): Promise<CriticFacts> {
  const facts: CriticFacts = { id: c.id, platform: c.platform, rating: c.initialRating, text: c.text };
  if (c.contacts.length > 0) facts.contacts = c.contacts.map((a) => ({ at: a.at, channel: a.channel, outcome: a.outcome }));
  const order = { ...c.manualFacts };
  if (Object.values(order).some((v) => v !== undefined)) facts.order = order;
  if (!c.buyerNick || /^\*+$/.test(c.buyerNick)) return facts;

  const nick = c.buyerNick;
  const [sameBuyer, listed, profile] = await Promise.all([
    repo.listByBuyer(c.platform, nick),
    Promise.all(accountPlatforms(c.platform).map((platform) => repo.getBlacklisted(platform, nick))),
    profileOf(c.platform, nick).catch(() => undefined),
  ]);
  const blacklisted = listed.some(Boolean);
  // The case's own credit reading is newer than a stored profile's.
  facts.buyer = { nick: c.buyerNick, ...profileFacts(profile, c.buyerNick, now), ...(c.buyerCredit ? { creditLevel: c.buyerCredit } : {}) };
  const before = reviewStart(c);
  const priorBad = sameBuyer.filter(
    (other) => other.id !== c.id && (other.initialRating === 'bad' || other.initialRating === 'medium') && reviewStart(other) < before,
  ).length;
  facts.history = {
    priorBadReviewsThisShop: priorBad,
    similarTextsLast7Days: findSimilarTexts({ text: c.text, buyer: `${c.platform}:${c.buyerNick}` }, recent, now),
  };
  facts.blacklisted = Boolean(blacklisted);
  return facts;
}

/** Assesses a case against the shop's records and stores the result on it. */
export async function refreshCaseRisk(
  repo: CasesRepository,
  c: Case,
  recent: readonly RecentText[],
  now = Date.now(),
  profileOf: BuyerProfileLookup = loadBuyerProfile,
): Promise<CaseRisk> {
  const facts = await caseFacts(repo, c, recent, now, profileOf);
  const assessment = assessRisk(facts, { extortion: { extortion: c.extortion, extortionEvidence: c.extortionEvidence } });
  const risk: CaseRisk = { band: assessment.band, score: assessment.score, signals: assessment.signals, assessedAt: now };
  await repo.setRisk(c.id, risk, now);
  return risk;
}

/**
 * Grades every case of one buyer again (after the blacklist or the buyer's profile changed).
 * Returns how many cases were graded.
 */
export async function refreshBuyerCases(
  repo: CasesRepository,
  platforms: readonly Platform[],
  nick: string,
  now = Date.now(),
  profileOf: BuyerProfileLookup = loadBuyerProfile,
): Promise<number> {
  const cases = (await Promise.all(platforms.map((platform) => repo.listByBuyer(platform, nick)))).flat();
  if (cases.length === 0) return 0;
  const recent = await recentTexts(repo, now);
  for (const c of cases) await refreshCaseRisk(repo, c, recent, now, profileOf);
  return cases.length;
}
