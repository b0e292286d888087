import { CONTACT_OUTCOMES, type ContactOutcome } from '../../cases/types';
import type { Platform, Rating } from '../../sites/types';

// Contact outcomes share the case log's vocabulary, so a case's contact list can be handed over as it is.
export { CONTACT_OUTCOMES, type ContactOutcome };

/** Counts of the ratings a buyer has given, over one period. */
export interface GivenRatings {
  good: number;
  medium: number;
  bad: number;
  /**
   * How many days the counts cover: 7, 30, 182 (最近6个月, the period the rules are written for)
   * or the whole account life. The "≥ 10 medium/bad" rule only applies to windows of at most six
   * months; the share rules apply to any window.
   */
  windowDays: number;
}

/** What Mend knows about the buyer. Every field but `nick` may be unknown (left out). */
export interface BuyerFacts {
  nick: string;
  /** Credit level as the platform shows it, e.g. the icon name `b_red_3`. Shown, never scored. */
  creditLevel?: string;
  /** Age of the buyer's account in days. */
  accountAgeDays?: number;
  /** Ratings this buyer has given, from the public rating page (rate.taobao.com user-rate-*.htm). */
  givenRatings?: GivenRatings;
  /** In how many different shops this buyer left a medium or bad review. */
  distinctShopsBadRated?: number;
}

/** Facts about the order behind the review; each is either seen on a page or ticked by the seller. */
export interface OrderFacts {
  /** Item price in the shop's currency (CNY on Chinese platforms, EUR on OTTO/Amazon.de). */
  price?: number;
  /** Whether the buyer wrote to the shop before ordering. */
  chatBeforeOrder?: boolean;
  /** Seconds from placing the order to paying. */
  secondsToPay?: number;
  /** Days from delivery (or order) to the review. Shown for context; not scored. */
  daysToReview?: number;
}

/** One attempt by the shop to reach the buyer, as logged in the case. */
export interface ContactFact {
  /** When: ISO 8601 text or epoch milliseconds. */
  at: string | number;
  /** phone, chat, sms, site_message, platform_message, email … */
  channel: string;
  outcome: ContactOutcome;
}

/** What the shop's own records say about this buyer and this text. */
export interface HistoryFacts {
  /** Medium/bad reviews this buyer left in this shop BEFORE the one being assessed. */
  priorBadReviewsThisShop?: number;
  /**
   * Different OTHER buyers who posted a near-identical text to this shop within 7 days
   * (see findSimilarTexts).
   */
  similarTextsLast7Days?: number;
}

/**
 * Everything the critic-risk assessment looks at for one review. The same shape is the input line
 * of `npm run mend -- assess`. A missing field means "not known": it is never read as evidence
 * for or against the buyer.
 */
export interface CriticFacts {
  /** The review's id (echoed in the output). */
  id: string;
  platform: Platform;
  rating: Rating;
  /** The review text as the buyer wrote it. */
  text: string;
  buyer?: BuyerFacts;
  order?: OrderFacts;
  contacts?: ContactFact[];
  history?: HistoryFacts;
  /** Whether the buyer is on the team's blacklist (lib/cases/blacklist-codec.ts). */
  blacklisted?: boolean;
}

export const PLATFORMS: readonly Platform[] = ['qianniu', 'taobao_classic', 'pinduoduo', 'douyin', 'jd', 'kuaishou', 'otto', 'amazon', 'generic'];
const RATINGS: readonly Rating[] = ['good', 'medium', 'bad', 'unknown'];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function fail(path: string, expected: string, value: unknown): never {
  const shown = value === undefined ? 'nothing' : JSON.stringify(value)?.slice(0, 60);
  throw new Error(`"${path}" must be ${expected} (got ${shown})`);
}

/** `undefined` and `null` both mean "not known"; anything else must have the right type. */
function optional<T>(obj: Json, key: string, path: string, read: (value: unknown, path: string) => T): T | undefined {
  const value = obj[key];
  return value === undefined || value === null ? undefined : read(value, `${path}${key}`);
}

function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(path, 'a whole number ≥ 0', value);
  return value;
}

function nonNegative(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(path, 'a number ≥ 0', value);
  return value;
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
  return value;
}

function str(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'a string', value);
  return value;
}

function oneOf<T extends string>(options: readonly T[]) {
  return (value: unknown, path: string): T => {
    if (typeof value !== 'string' || !options.includes(value as T)) fail(path, `one of ${options.join(', ')}`, value);
    return value as T;
  };
}

function object(value: unknown, path: string): Json {
  if (!isObject(value)) fail(path, 'an object', value);
  return value;
}

function givenRatings(value: unknown, path: string): GivenRatings {
  const obj = object(value, path);
  const windowDays = count(obj.windowDays, `${path}.windowDays`);
  if (windowDays === 0) fail(`${path}.windowDays`, 'at least 1', windowDays);
  return {
    good: count(obj.good, `${path}.good`),
    medium: count(obj.medium, `${path}.medium`),
    bad: count(obj.bad, `${path}.bad`),
    windowDays,
  };
}

function buyer(value: unknown, path: string): BuyerFacts {
  const obj = object(value, path);
  const p = `${path}.`;
  return dropUndefined({
    nick: str(obj.nick, `${p}nick`),
    creditLevel: optional(obj, 'creditLevel', p, (v, q) => (typeof v === 'number' ? String(v) : str(v, q))),
    accountAgeDays: optional(obj, 'accountAgeDays', p, nonNegative),
    givenRatings: optional(obj, 'givenRatings', p, givenRatings),
    distinctShopsBadRated: optional(obj, 'distinctShopsBadRated', p, count),
  });
}

function order(value: unknown, path: string): OrderFacts {
  const obj = object(value, path);
  const p = `${path}.`;
  return dropUndefined({
    price: optional(obj, 'price', p, nonNegative),
    chatBeforeOrder: optional(obj, 'chatBeforeOrder', p, bool),
    secondsToPay: optional(obj, 'secondsToPay', p, nonNegative),
    daysToReview: optional(obj, 'daysToReview', p, nonNegative),
  });
}

function contactTime(value: unknown, path: string): string | number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
  return fail(path, 'an ISO date-time or epoch milliseconds', value);
}

function contacts(value: unknown, path: string): ContactFact[] {
  if (!Array.isArray(value)) fail(path, 'a list', value);
  return value.map((item, index) => {
    const p = `${path}[${index}]`;
    const obj = object(item, p);
    return {
      at: contactTime(obj.at, `${p}.at`),
      channel: str(obj.channel, `${p}.channel`),
      outcome: oneOf(CONTACT_OUTCOMES)(obj.outcome, `${p}.outcome`),
    };
  });
}

function history(value: unknown, path: string): HistoryFacts {
  const obj = object(value, path);
  const p = `${path}.`;
  return dropUndefined({
    priorBadReviewsThisShop: optional(obj, 'priorBadReviewsThisShop', p, count),
    similarTextsLast7Days: optional(obj, 'similarTextsLast7Days', p, count),
  });
}

function dropUndefined<T extends object>(obj: T): T {
  for (const key of Object.keys(obj) as (keyof T)[]) if (obj[key] === undefined) delete obj[key];
  return obj;
}

/**
 * Checks an untrusted object (a JSONL line, a message from the content script) against the
 * CriticFacts shape. Throws an Error naming the first wrong field; `null` counts as not known.
 */
export function parseCriticFacts(input: unknown): CriticFacts {
  const obj = object(input, 'record');
  const id = typeof obj.id === 'number' ? String(obj.id) : str(obj.id, 'id');
  return dropUndefined({
    id,
    platform: oneOf(PLATFORMS)(obj.platform, 'platform'),
    rating: oneOf(RATINGS)(obj.rating, 'rating'),
    text: str(obj.text, 'text'),
    buyer: optional(obj, 'buyer', '', buyer),
    order: optional(obj, 'order', '', order),
    contacts: optional(obj, 'contacts', '', contacts),
    history: optional(obj, 'history', '', history),
    blacklisted: optional(obj, 'blacklisted', '', bool),
  });
}
