/** Platforms Mend knows. `generic` marks reviews found by the structural detector. */
export type Platform =
  | 'qianniu'
  | 'taobao_classic'
  | 'pinduoduo'
  | 'douyin'
  | 'jd'
  | 'kuaishou'
  | 'otto'
  | 'amazon'
  | 'generic';

/** The platform's own verdict: Qianniu 正面/中性/负面, stars mapped 4–5/3/1–2. */
export type Rating = 'good' | 'medium' | 'bad' | 'unknown';

/** Everything Mend reads from one review on a page. Plain data: it crosses the messaging boundary. */
export interface ReviewSnapshot {
  platform: Platform;
  /** Stable per platform: the platform's own id when the page shows one, else a hash of stable fields. */
  reviewId: string;
  rating: Rating;
  /** 1–5 when the page shows stars or a score. */
  stars?: number;
  text: string;
  /** 追评 / follow-up review. */
  followUp?: string;
  buyerNick?: string;
  /** Credit level as the page shows it (e.g. an icon name such as `b_blue_4`). */
  buyerCredit?: string;
  orderId?: string;
  product?: { title: string; url?: string; id?: string; sku?: string };
  /** ISO 8601 date-time of the (first) review, when the page shows one. */
  date?: string;
  /** The shop's reply already posted, if any. */
  existingReply?: string;
  /** "还有N天可回复" and the like. */
  replyDaysLeft?: number;
  /** Whether the page offers a reply action for this review. */
  canReply: boolean;
  /** The page the review was seen on, so the seller can go back to it. */
  pageUrl: string;
}

/** Site knowledge for one platform. Adapters read; they never judge a review. */
export interface SiteAdapter {
  platform: Platform;
  /** Whether this adapter is responsible for the URL at all (host + path). */
  matchesUrl(url: URL): boolean;
  /** The roots of reviews inside `scope` (a document, or a subtree that was just added). */
  findReviewRoots(scope: ParentNode): Element[];
  /** Reads one review root; null when the root turns out not to be a complete review (yet). */
  read(root: Element, url: URL): ReviewSnapshot | null;
  /** The platform's own reply button for this review, if any (Mend may click it, never submit). */
  replyButton?(root: Element): HTMLElement | null;
  /** Where Mend's UI goes inside the root (default: the root, or the widest cell of a table row). */
  mountPoint?(root: Element): Element;
  /**
   * Any element inside a review (a 追评 row rendered later included) → the root of that review, so
   * an observer can re-read a review when one of its parts arrives after the review itself.
   */
  rootOf?(el: Element): Element | null;
}
