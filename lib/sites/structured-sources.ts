/**
 * Which responses of a back-office carry its own review list, and how the page-world tap and the
 * extension's receiver talk about them. Kept free of imports: the page-world script bundles this
 * module alone and runs it at document_start on every matching page, so it must stay tiny.
 */

export type StructuredPlatform = 'qianniu' | 'pinduoduo' | 'douyin';

export interface StructuredSource {
  platform: StructuredPlatform;
  /** Pages whose own requests are looked at (manifest match patterns). */
  pageHosts: readonly string[];
  /** Request URLs whose responses hold the review list. Anything else is never read. */
  responseUrl: RegExp;
}

export const STRUCTURED_SOURCES: readonly StructuredSource[] = [
  // 2026-11: Qianniu loads 来自买家的评价 through mtop (POST, sometimes GET with the data in the query).
  { platform: 'qianniu', pageHosts: ['myseller.taobao.com', 'qn.taobao.com'], responseUrl: /^https:\/\/h5api\.m\.(taobao|tmall)\.com\/h5\/mtop\.rm\.sellercenter\.list\.data\.pc\/\d/ },
  // 2026-11: POST /saturn/reviews/list on the same origin.
  { platform: 'pinduoduo', pageHosts: ['mms.pinduoduo.com'], responseUrl: /^https:\/\/mms\.pinduoduo\.com\/saturn\/reviews\/list(?:[?#]|$)/ },
  // 2026-11: GET /product/tcomment/commentList?page=&pageSize=&rank=0|1|2 on the same origin.
  { platform: 'douyin', pageHosts: ['fxg.jinritemai.com'], responseUrl: /^https:\/\/fxg\.jinritemai\.com\/product\/tcomment\/commentList(?:[?#]|$)/ },
];

/** Manifest match patterns of the pages that get the page-world tap (nothing else does). */
export const STRUCTURED_HOST_PATTERNS = STRUCTURED_SOURCES.flatMap((source) => source.pageHosts.map((host) => `https://${host}/*`));

/** The source whose review list `requestUrl` returns, if it is requested from a page on `pageHost`. */
export function structuredSourceFor(pageHost: string, requestUrl: string): StructuredSource | undefined {
  return STRUCTURED_SOURCES.find((source) => source.pageHosts.includes(pageHost) && source.responseUrl.test(requestUrl));
}

/**
 * Responses larger than this are skipped: a page of 100 reviews is a few hundred KB, anything far
 * bigger is not a review list and not worth copying across worlds.
 */
export const MAX_RESPONSE_CHARS = 2_000_000;

/** Marks a message from the page-world tap. The page can forge it too: the receiver checks everything. */
export const TAP_MESSAGE = 'mend:structured-response';
/** Sent by the receiver once it listens: the tap posts again what it saw before (bounded). */
export const REPLAY_MESSAGE = 'mend:structured-replay';

export interface TapMessage {
  type: typeof TAP_MESSAGE;
  platform: StructuredPlatform;
  url: string;
  body: string;
}
