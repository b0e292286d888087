/**
 * The isolated world's check of what the page-world tap posts. Any script on the page can post the
 * same message, and no secret can be shared across worlds, so a message is taken apart as hostile
 * input: exact shape, a platform this page can have, a response URL the tap would have read, a
 * bounded body that parses, and records whose fields look like what the platform sends.
 */
import { readDouyinList, readPinduoduoList, readQianniuList, type StructuredReview } from './structured';
import { MAX_RESPONSE_CHARS, TAP_MESSAGE, structuredSourceFor, type StructuredPlatform } from './structured-sources';
import type { Rating } from './types';

const READERS: Record<StructuredPlatform, (json: unknown, url: URL) => StructuredReview[]> = {
  qianniu: (json) => readQianniuList(json),
  pinduoduo: (json) => readPinduoduoList(json),
  // The requested rank (0 good, 1 medium, 2 bad) is the verdict when rows carry none.
  douyin: (json, url) => readDouyinList(json, url.searchParams.get('rank') ?? undefined),
};

/** mtop may answer as JSONP (`mtopjsonp3({...})`): the JSON inside is the same. */
function jsonOf(body: string): unknown {
  const trimmed = body.trim();
  const jsonp = /^[\w$.]{1,64}\(([\s\S]*)\)\s*;?$/.exec(trimmed);
  try {
    return JSON.parse(jsonp ? jsonp[1] : trimmed);
  } catch {
    return undefined;
  }
}

const RATINGS: readonly Rating[] = ['good', 'medium', 'bad', 'unknown'];
const ID = /^[\w-]{1,64}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

const boundedText = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;

/** Keeps only fields of the expected kind and size; a record without an id or text is dropped. */
export function sanitizeRecord(record: StructuredReview, platform: StructuredPlatform): StructuredReview | null {
  const reviewId = typeof record.reviewId === 'string' && ID.test(record.reviewId) ? record.reviewId : undefined;
  const text = boundedText(record.text, 5000);
  if (!reviewId && !text) return null;
  const stars = typeof record.stars === 'number' && Number.isInteger(record.stars) && record.stars >= 1 && record.stars <= 5 ? record.stars : undefined;
  const product = record.product && boundedText(record.product.title, 300)
    ? {
        title: record.product.title,
        ...(boundedText(record.product.url, 2048) && /^https:\/\//.test(record.product.url!) ? { url: record.product.url } : {}),
        ...(record.product.id && ID.test(record.product.id) ? { id: record.product.id } : {}),
        ...(boundedText(record.product.sku, 300) ? { sku: record.product.sku } : {}),
      }
    : undefined;
  const out: StructuredReview = {
    platform,
    reviewId,
    rating: RATINGS.includes(record.rating as Rating) ? record.rating : undefined,
    stars,
    text,
    followUp: boundedText(record.followUp, 5000),
    existingReply: boundedText(record.existingReply, 5000),
    buyerNick: boundedText(record.buyerNick, 64),
    buyerCredit: boundedText(record.buyerCredit, 64),
    orderId: record.orderId && ID.test(record.orderId) ? record.orderId : undefined,
    product,
    date: typeof record.date === 'string' && ISO_DATE.test(record.date) ? record.date : undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as StructuredReview;
}

/**
 * The review records a message carries, or null when it is not a tap message for this page.
 * `pageHost` is the receiving page's own host: a message naming another platform is ignored.
 */
export function recordsFromTapMessage(data: unknown, pageHost: string): StructuredReview[] | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const { type, platform, url, body } = data as Record<string, unknown>;
  if (type !== TAP_MESSAGE || typeof url !== 'string' || typeof body !== 'string') return null;
  if (url.length > 4096 || body.length > MAX_RESPONSE_CHARS) return null;
  const source = structuredSourceFor(pageHost, url);
  if (!source || source.platform !== platform) return null;
  const json = jsonOf(body);
  if (json === undefined) return null;
  const records = READERS[source.platform](json, new URL(url));
  return records.map((record) => sanitizeRecord(record, source.platform)).filter((r): r is StructuredReview => r !== null);
}
