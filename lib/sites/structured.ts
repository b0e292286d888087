/**
 * Review lists the back-office itself loads (read-only): Qianniu's sellercenter list response,
 * Pinduoduo's reviews list, Douyin's commentList. They fill fields the DOM hides (the platform's
 * own ids, exact times, the follow-up when it is collapsed). The DOM stays the source of truth:
 * structured data only fills gaps, and never changes a review's id once the page gave one.
 *
 * Response shapes change and are wrapped differently per release, so each reader looks for the
 * array of review-shaped objects anywhere in the JSON instead of trusting one path.
 */
import { localDateToIso } from './dates';
import { ratingFromStars } from './common';
import type { Platform, Rating, ReviewSnapshot } from './types';

export type StructuredReview = Partial<Omit<ReviewSnapshot, 'platform'>> & { platform: Platform };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined;
const num = (value: unknown): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
const get = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), value);

/** The first array (breadth-first, bounded depth) whose objects carry `key`. */
export function findRecords(json: unknown, key: string, maxDepth = 6): Json[] {
  let level: unknown[] = [json];
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const node of level) {
      if (Array.isArray(node)) {
        const records = node.filter(isObject);
        if (records.length > 0 && records.some((r) => key in r)) return records;
        next.push(...node);
      } else if (isObject(node)) {
        next.push(...Object.values(node));
      }
    }
    level = next;
  }
  return [];
}

/** Unix seconds or milliseconds, or a `YYYY-MM-DD HH:MM:SS` string, in China time. */
function chinaTime(value: unknown): string | undefined {
  const n = num(value);
  if (n !== undefined && n > 1e9) {
    const ms = n < 1e12 ? n * 1000 : n;
    const local = new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 19);
    return `${local}+08:00`;
  }
  const s = str(value);
  return s ? localDateToIso(s) : undefined;
}

function compact(record: StructuredReview): StructuredReview {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== '')) as StructuredReview;
}

const QIANNIU_EMOTION: Record<string, Rating> = { '11': 'good', '12': 'medium', '13': 'bad' };

/** POST h5api.m.taobao.com/h5/mtop.rm.sellercenter.list.data.pc/1.0/ */
export function readQianniuList(json: unknown): StructuredReview[] {
  return findRecords(json, 'rateContent').map((row) => {
    const main = get(row, 'rateContent', 'mainRate');
    const append = get(row, 'rateContent', 'appendRate');
    const item = get(row, 'itemInfo');
    const credit = str(get(row, 'orderInfo', 'userStar')) ?? str(get(row, 'userInfo', 'userStar'));
    return compact({
      platform: 'qianniu',
      reviewId: str(get(main, 'feedId')),
      rating: QIANNIU_EMOTION[str(get(row, 'emotionType', 'status')) ?? ''],
      text: str(get(main, 'content')),
      followUp: str(get(append, 'content')),
      buyerNick: str(get(row, 'userInfo', 'userName')),
      buyerCredit: credit?.replace(/^.*\//, '').replace(/\.(gif|png)$/, ''),
      orderId: str(get(row, 'orderInfo', 'orderId')) ?? str(get(row, 'orderInfo', 'mainOrderId')),
      product: str(get(item, 'title'))
        ? { title: str(get(item, 'title'))!, url: str(get(item, 'link')), id: str(get(item, 'itemId')) }
        : undefined,
      date: chinaTime(get(main, 'date')),
    });
  });
}

/** POST mms.pinduoduo.com/saturn/reviews/list */
export function readPinduoduoList(json: unknown): StructuredReview[] {
  return findRecords(json, 'reviewId').map((row) => {
    const stars = num(row.descScore) ?? num(row.score);
    const name = str(row.goodsName);
    return compact({
      platform: 'pinduoduo',
      reviewId: str(row.reviewId),
      rating: stars === undefined ? undefined : ratingFromStars(stars),
      stars,
      text: str(row.comment),
      followUp: str(row.appendComment) ?? str(get(row, 'appendComment', 'comment')),
      existingReply: str(row.reply) ?? str(get(row, 'reply', 'content')),
      buyerNick: str(row.userName),
      orderId: str(row.orderSn),
      product: name ? { title: name, id: str(row.goodsId), sku: str(row.specs) } : undefined,
      date: chinaTime(row.createTime),
    });
  });
}

const DOUYIN_RANK: Record<string, Rating> = { '0': 'good', '1': 'medium', '2': 'bad' };

/** GET fxg.jinritemai.com/product/tcomment/commentList?rank=0|1|2 (0 good, 1 medium, 2 bad) */
export function readDouyinList(json: unknown, requestedRank?: string): StructuredReview[] {
  return findRecords(json, 'comment_time').map((row) => {
    const stars = num(row.rank_score) ?? num(row.score);
    const rank = str(row.rank) ?? requestedRank;
    const title = str(get(row, 'product', 'name'));
    return compact({
      platform: 'douyin',
      reviewId: str(row.id) ?? str(row.comment_id),
      rating: (rank ? DOUYIN_RANK[rank] : undefined) ?? (stars === undefined ? undefined : ratingFromStars(stars)),
      stars,
      text: str(row.content),
      existingReply: str(row.shop_reply) ?? str(get(row, 'shop_reply', 'content')),
      orderId: str(row.shop_order_id) ?? str(row.order_id),
      product: title ? { title, id: str(row.product_id), sku: str(row.sku) } : undefined,
      date: chinaTime(row.comment_time),
    });
  });
}

const normalise = (text: string | undefined) => (text ?? '').replace(/\s+/g, '');

/** The structured record for a review read from the DOM: same platform id, else same order and text. */
export function findStructuredMatch(snapshot: ReviewSnapshot, records: readonly StructuredReview[]): StructuredReview | undefined {
  const byId = records.find((r) => r.platform === snapshot.platform && r.reviewId === snapshot.reviewId);
  if (byId) return byId;
  const text = normalise(snapshot.text);
  return records.find(
    (r) =>
      r.platform === snapshot.platform &&
      normalise(r.text) === text &&
      (r.orderId === undefined || snapshot.orderId === undefined || r.orderId === snapshot.orderId),
  );
}

/**
 * The DOM snapshot with gaps filled from the matching structured record. What the DOM showed is
 * kept, the review id above all (cases are keyed by it), so a late response never forks a case.
 */
export function fillFromStructured(snapshot: ReviewSnapshot, records: readonly StructuredReview[]): ReviewSnapshot {
  const match = findStructuredMatch(snapshot, records);
  if (!match) return snapshot;
  const filled: ReviewSnapshot = { ...snapshot };
  const target = filled as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(match)) {
    if (key === 'reviewId' || key === 'platform' || value === undefined) continue;
    const current = target[key];
    if (current === undefined || (key === 'rating' && current === 'unknown')) target[key] = value;
  }
  if (snapshot.product && match.product) filled.product = { ...match.product, ...snapshot.product };
  return filled;
}
