import { browser } from 'wxt/browser';
import { accountPlatforms, blacklistKey } from './cases/blacklist-codec';
import { isBuyerRatingPage, type BuyerRatingProfile, type RatingCounts, type RatingPeriod } from './sites/taobao-buyer-rating';
import type { Platform } from './sites/types';

/**
 * Buyer profiles read from the public rating page, kept in storage.local by account name. The
 * rating page is the only source of a buyer's history outside this shop; it is stored so a case
 * opened later (or graded again) still knows it.
 */

const KEY_PREFIX = 'buyerProfile:';

/** Profiles exist only for Taobao accounts (the rating page is on rate.taobao.com). */
export const PROFILE_PLATFORMS: readonly Platform[] = accountPlatforms('taobao_classic');

/**
 * A masked nick (王**, t***9) stands for many accounts: tying one account's history to it could
 * brand a stranger, so masked nicks never get or match a profile.
 */
export function isMaskedNick(nick: string | undefined): boolean {
  return !nick || /[*＊]/.test(nick);
}

/** Qianniu and classic Taobao share one account space, exactly as the blacklist does. */
export function buyerProfileKey(platform: Platform, nick: string): string {
  return `${KEY_PREFIX}${blacklistKey(platform, nick)}`;
}

/** Stores the profile under its nick. False when the page showed no usable (full) nick. */
export async function saveBuyerProfile(profile: BuyerRatingProfile): Promise<boolean> {
  if (!profile.nick || isMaskedNick(profile.nick)) return false;
  await browser.storage.local.set({ [buyerProfileKey(profile.platform, profile.nick)]: profile });
  return true;
}

/**
 * The stored profile of exactly this account name, or undefined. The key folds case and width
 * (so the store keeps one profile per account), but a profile only answers for the very nick it
 * was read under.
 */
export async function loadBuyerProfile(platform: Platform, nick: string): Promise<BuyerRatingProfile | undefined> {
  if (!PROFILE_PLATFORMS.includes(platform) || isMaskedNick(nick)) return undefined;
  const key = buyerProfileKey(platform, nick);
  let stored: Record<string, unknown>;
  try {
    stored = await browser.storage.local.get(key);
  } catch {
    // No extension storage here (a script, a torn-down context): the history is unknown, not clean.
    return undefined;
  }
  const profile = parseBuyerProfile(stored[key]);
  return profile && profile.nick === nick ? profile : undefined;
}

const PERIODS: readonly RatingPeriod[] = ['week', 'month', 'halfYear', 'beforeHalfYear', 'total'];
const MAX_COUNT = 1_000_000_000;
const MAX_SHOPS = 500;
const MAX_TEXT = 100;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < MAX_COUNT;
}

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
}

function countsOf(value: unknown): RatingCounts | null {
  if (value === null || typeof value !== 'object') return null;
  const { good, medium, bad } = value as Record<string, unknown>;
  return isCount(good) && isCount(medium) && isCount(bad) ? { good, medium, bad } : null;
}

export function pageUrlOk(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return isBuyerRatingPage(new URL(value));
  } catch {
    return false;
  }
}

/**
 * Checks a profile that came from a content script (or from storage) field by field, keeping only
 * what the reader produces. The page is hostile: anything else is dropped, a wrong shape is null.
 */
export function parseBuyerProfile(input: unknown): BuyerRatingProfile | null {
  if (input === null || typeof input !== 'object') return null;
  const raw = input as Record<string, unknown>;
  if (raw.platform !== 'taobao_classic') return null;
  if (typeof raw.userId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(raw.userId)) return null;
  if (typeof raw.seenAt !== 'string' || Number.isNaN(Date.parse(raw.seenAt)) || !pageUrlOk(raw.pageUrl)) return null;
  if (raw.given === null || typeof raw.given !== 'object') return null;
  const given: BuyerRatingProfile['given'] = {};
  for (const period of PERIODS) {
    const value = (raw.given as Record<string, unknown>)[period];
    if (value === undefined) continue;
    const counts = countsOf(value);
    if (!counts) return null;
    given[period] = counts;
  }
  if (Object.keys(given).length === 0) return null;
  const profile: BuyerRatingProfile = { platform: 'taobao_classic', userId: raw.userId, given, seenAt: raw.seenAt, pageUrl: raw.pageUrl };
  if (isShortText(raw.nick)) profile.nick = raw.nick;
  if (typeof raw.creditLevel === 'string' && /^[a-z]_[a-z]+_\d{1,2}$/i.test(raw.creditLevel)) profile.creditLevel = raw.creditLevel;
  if (isCount(raw.creditPoints)) profile.creditPoints = raw.creditPoints;
  if (typeof raw.goodRatePercent === 'number' && raw.goodRatePercent >= 0 && raw.goodRatePercent <= 100) profile.goodRatePercent = raw.goodRatePercent;
  if (Array.isArray(raw.badRatedShopsSeen)) {
    const shops = raw.badRatedShopsSeen.filter(isShortText).slice(0, MAX_SHOPS);
    profile.badRatedShopsSeen = [...new Set(shops)];
  }
  return profile;
}
