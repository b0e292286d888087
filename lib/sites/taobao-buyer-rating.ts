import type { BuyerFacts, GivenRatings } from '../analysis/risk/facts';
import { textOf } from './dom';

/**
 * A buyer's PUBLIC rating page on classic Taobao, `rate.taobao.com/user-rate-<id>.htm`: the only
 * place a seller can see how many medium/bad ratings a buyer has given (the hard signal for
 * professional critics). Read-only, like every adapter: it reports numbers and never judges.
 *
 * Page structure (userscripts and scrapers 2015–2024, still served in 2026):
 *   #new-rate-content > div.personal-info > div.personal-rating
 *     h4.tb-rate-ico-bg.ico-seller  "卖家信用：<a>N</a><a><img src=…/s_…gif></a>"  (only for sellers)
 *     table.tb-rate-table.align-c.thm-plain                                      (seller's table)
 *     h4.tb-rate-ico-bg.ico-buyer   "买家信用：<a>N</a><a><img src=…/b_red_4.gif></a>"
 *     table.tb-rate-table.align-c.thm-plain   rows 好评/中评/差评(/总计) × 最近1周…总计
 *   and the list of ratings, also a table.tb-rate-table (class thm-list), one row per rating.
 * Class names have varied (thm-plain / theme-plain), so tables are recognised by their visible
 * period labels and rows by their 好评/中评/差评 labels.
 */

export type RatingPeriod = 'week' | 'month' | 'halfYear' | 'beforeHalfYear' | 'total';

export interface RatingCounts {
  good: number;
  medium: number;
  bad: number;
}

export interface BuyerRatingProfile {
  platform: 'taobao_classic';
  /** The `<id>` of user-rate-<id>.htm: stable per account, unlike a masked nick. */
  userId: string;
  nick?: string;
  /** Buyer credit icon name as the page shows it, e.g. `b_red_4`. */
  creditLevel?: string;
  /** 买家信用 points. */
  creditPoints?: number;
  /** 好评率 in percent, when the page states it. */
  goodRatePercent?: number;
  /** The summary table; a period is left out when its column is missing or unreadable. */
  given: Partial<Record<RatingPeriod, RatingCounts>>;
  /**
   * Shops that got a medium/bad rating in the rating list visible on this page (one page of it):
   * a lower bound of the buyer's spread. Absent when the page shows no rating list.
   */
  badRatedShopsSeen?: string[];
  /** ISO time the page was read (the profile is kept locally and ages). */
  seenAt: string;
  pageUrl: string;
}

/** Days each summary column covers; the two open-ended columns have none. */
export const PERIOD_DAYS: Partial<Record<RatingPeriod, number>> = { week: 7, month: 30, halfYear: 182 };

// 2026-11: visible column labels, old and new wording. Matched after removing whitespace.
const PERIOD_LABELS: [RatingPeriod, RegExp][] = [
  ['week', /^最近(?:1|一)周$/],
  ['month', /^最近(?:1|一)个?月$/],
  ['halfYear', /^最近(?:6|六)个?月$|^最近半年$/],
  ['beforeHalfYear', /^(?:6|六)个?月前$|^半年(?:以)?前$/],
  ['total', /^总计$|^合计$/],
];

const ROW_LABELS: [keyof RatingCounts, RegExp][] = [
  ['good', /好评/],
  ['medium', /中评/],
  ['bad', /差评/],
];

// 2026-11: the page's own containers, most specific first; the whole document is the last resort.
const RATING_BOX_SELECTORS = ['#new-rate-content .personal-rating', '.personal-rating', '#new-rate-content'];
const BUYER_HEADING = /买家(?:累积)?信用/;
const SELLER_HEADING = /卖家(?:累积)?信用/;

export function isBuyerRatingPage(url: URL): boolean {
  return url.hostname === 'rate.taobao.com' && /^\/user-rate-[A-Za-z0-9_-]+\.htm$/.test(url.pathname);
}

function squeeze(node: Node | null | undefined): string {
  return textOf(node).replace(/\s+/g, '');
}

/** "1,024" → 1024; "-" or empty → undefined (unknown, not zero). */
function readCount(cell: Element | undefined): number | undefined {
  const digits = squeeze(cell).replace(/[,，]/g, '');
  return /^\d{1,9}$/.test(digits) ? Number(digits) : undefined;
}

/** Column index → period, from the header row; null when the table is not a summary table. */
function periodColumns(table: Element): Map<number, RatingPeriod> | null {
  const headerRow = table.querySelector('thead tr') ?? table.querySelector('tr');
  if (!headerRow) return null;
  const columns = new Map<number, RatingPeriod>();
  Array.from(headerRow.children).forEach((cell, index) => {
    const label = squeeze(cell);
    const hit = PERIOD_LABELS.find(([, pattern]) => pattern.test(label));
    if (hit) columns.set(index, hit[0]);
  });
  return columns.size >= 2 ? columns : null;
}

function readSummaryTable(table: Element): Partial<Record<RatingPeriod, RatingCounts>> | null {
  const columns = periodColumns(table);
  if (!columns) return null;
  const partial: Partial<Record<RatingPeriod, Partial<RatingCounts>>> = {};
  for (const row of Array.from(table.querySelectorAll('tbody tr'))) {
    const cells = Array.from(row.children);
    const label = squeeze(cells[0]);
    const kind = ROW_LABELS.find(([, pattern]) => pattern.test(label))?.[0];
    if (!kind) continue; // 总计 row and anything else
    for (const [index, period] of columns) {
      const value = readCount(cells[index]);
      if (value === undefined) continue;
      (partial[period] ??= {})[kind] = value;
    }
  }
  const out: Partial<Record<RatingPeriod, RatingCounts>> = {};
  for (const [period, counts] of Object.entries(partial) as [RatingPeriod, Partial<RatingCounts>][]) {
    if (counts.good !== undefined && counts.medium !== undefined && counts.bad !== undefined) {
      out[period] = { good: counts.good, medium: counts.medium, bad: counts.bad };
    }
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** The heading (h4 or similar) that precedes `table` most closely inside `box`. */
function headingBefore(box: Element, table: Element): Element | null {
  let found: Element | null = null;
  for (const heading of Array.from(box.querySelectorAll('h3, h4, h5, .tb-rate-ico-bg'))) {
    if (heading.compareDocumentPosition(table) & 4 /* FOLLOWING */) found = heading;
  }
  return found;
}

interface SummaryTable {
  table: Element;
  counts: Partial<Record<RatingPeriod, RatingCounts>>;
  heading: Element | null;
}

function headingSays(heading: Element | null, iconClass: string, pattern: RegExp): boolean {
  return heading !== null && (heading.classList.contains(iconClass) || pattern.test(textOf(heading)));
}

/**
 * The buyer's summary table: the one under the 买家信用 heading; on a page that only has one
 * summary table (a pure buyer), that one, unless it sits under the seller heading.
 */
function buyerSummary(box: Element): SummaryTable | null {
  const summaries: SummaryTable[] = [];
  for (const table of Array.from(box.querySelectorAll('table'))) {
    const counts = readSummaryTable(table);
    if (counts) summaries.push({ table, counts, heading: headingBefore(box, table) });
  }
  const underBuyer = summaries.find((s) => headingSays(s.heading, 'ico-buyer', BUYER_HEADING));
  if (underBuyer) return underBuyer;
  const unlabelled = summaries.filter((s) => !headingSays(s.heading, 'ico-seller', SELLER_HEADING));
  return unlabelled.length === 1 ? unlabelled[0] : null;
}

function creditOf(heading: Element | null): { creditPoints?: number; creditLevel?: string } {
  if (!heading) return {};
  const out: { creditPoints?: number; creditLevel?: string } = {};
  const points = /信用[:：]?\s*(\d{1,9})/.exec(textOf(heading))?.[1];
  if (points) out.creditPoints = Number(points);
  const icon = heading.querySelector('img')?.getAttribute('src') ?? '';
  const level = /\/([a-z]_[a-z]+_\d+)\.gif/i.exec(icon)?.[1];
  if (level) out.creditLevel = level;
  return out;
}

function goodRate(box: Element): number | undefined {
  const match = /好评率[:：]?\s*(\d{1,3}(?:\.\d+)?)%/.exec(textOf(box));
  return match ? Number(match[1]) : undefined;
}

// 2026-11: the list's rating icon says good/normal/bad in its class or title.
const LIST_RATING: [keyof RatingCounts, RegExp][] = [
  ['bad', /差评|\bbad\b|rate-?bad|ico-?bad/i],
  ['medium', /中评|\bnormal\b|\bneutral\b|rate-?(?:normal|neutral)|ico-?normal/i],
  ['good', /好评|\bgood\b|rate-?(?:good|ok)|ico-?good/i],
];

function listRowRating(row: Element): keyof RatingCounts | undefined {
  const marker = row.querySelector('[class*="rate"] [title], [class*="rate"][title], i[class], span[class]');
  const cues = [marker?.getAttribute('title') ?? '', marker?.getAttribute('class') ?? '', squeeze(row.children[0])].join(' ');
  return LIST_RATING.find(([, pattern]) => pattern.test(cues))?.[0];
}

/** The shop a listed rating went to: a link to a shop or a user's rating page, or text after 卖家：. */
function listRowShop(row: Element): string | undefined {
  const link = row.querySelector('a[href*="shop"], a[href*="user-rate-"], a[href*="store.taobao.com"]');
  const name = textOf(link);
  if (name) return name;
  const labelled = /(?:卖家|被评价人)[:：]\s*(\S+)/.exec(textOf(row))?.[1];
  return labelled || undefined;
}

/** Shops that got a medium/bad rating in the rating list on this page, or undefined without a list. */
function badRatedShops(doc: ParentNode, summary: Element): string[] | undefined {
  const lists = Array.from(doc.querySelectorAll('table.tb-rate-table')).filter((t) => t !== summary && periodColumns(t) === null);
  if (lists.length === 0) return undefined;
  const shops = new Set<string>();
  for (const row of lists.flatMap((t) => Array.from(t.querySelectorAll('tbody tr')))) {
    const rating = listRowRating(row);
    if (rating !== 'medium' && rating !== 'bad') continue;
    const shop = listRowShop(row);
    if (shop) shops.add(shop);
  }
  return [...shops];
}

function nickOf(doc: ParentNode): string | undefined {
  // 2026-11: the nick sits in the info box header; the <title> rarely carries it.
  const el = doc.querySelector('.personal-info .user-nick, .personal-info .nick, .info-hd .nick, #new-rate-content .nickname');
  return textOf(el) || undefined;
}

/**
 * Reads the buyer's public rating page. Null when the page has no readable buyer summary table
 * (rating hidden, a login or check page, a layout Mend does not know yet).
 */
export function readBuyerRatingPage(doc: ParentNode, url: URL, now: Date = new Date()): BuyerRatingProfile | null {
  const userId = /^\/user-rate-([A-Za-z0-9_-]+)\.htm$/.exec(url.pathname)?.[1];
  if (!userId) return null;
  // The narrowest container that holds a readable buyer table wins; the body is the last resort.
  const boxes = [...RATING_BOX_SELECTORS.map((selector) => doc.querySelector(selector)), (doc as Document).body ?? null];
  let box: Element | null = null;
  let summary: SummaryTable | null = null;
  for (const candidate of boxes) {
    summary = candidate ? buyerSummary(candidate) : null;
    if (summary) {
      box = candidate;
      break;
    }
  }
  if (!box || !summary) return null;
  const profile: BuyerRatingProfile = {
    platform: 'taobao_classic',
    userId,
    given: summary.counts,
    seenAt: now.toISOString(),
    pageUrl: url.href,
    ...creditOf(summary.heading),
  };
  const nick = nickOf(doc);
  if (nick) profile.nick = nick;
  const rate = goodRate(box);
  if (rate !== undefined) profile.goodRatePercent = rate;
  const shops = badRatedShops(doc, summary.table);
  if (shops) profile.badRatedShopsSeen = shops;
  return profile;
}

/** Stands for "the whole account life" when only the 总计 column could be read. */
export const LIFETIME_WINDOW_DAYS = 36500;

/**
 * The counts the risk rules read: the six-month column (what the rules are written for), else the
 * lifetime total (only the share rules apply to it), else the shortest period the page showed.
 */
export function givenRatingsOf(profile: BuyerRatingProfile): GivenRatings | undefined {
  const pick = (period: RatingPeriod, windowDays: number): GivenRatings | undefined => {
    const counts = profile.given[period];
    return counts && { ...counts, windowDays };
  };
  return pick('halfYear', 182) ?? pick('total', LIFETIME_WINDOW_DAYS) ?? pick('month', 30) ?? pick('week', 7);
}

/** The profile as buyer facts for the risk assessment; fields the page did not show stay unknown. */
export function buyerFactsOf(profile: BuyerRatingProfile, nick = profile.nick ?? profile.userId): BuyerFacts {
  const facts: BuyerFacts = { nick };
  if (profile.creditLevel) facts.creditLevel = profile.creditLevel;
  const given = givenRatingsOf(profile);
  if (given) facts.givenRatings = given;
  if (profile.badRatedShopsSeen && profile.badRatedShopsSeen.length > 0) facts.distinctShopsBadRated = profile.badRatedShopsSeen.length;
  return facts;
}
