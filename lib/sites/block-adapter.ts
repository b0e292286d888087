/**
 * Most back-offices show one review per block (a row, a tbody, a card) with its fields inside.
 * Such a site is described as data (`BlockSite`) and this module turns the description into a
 * SiteAdapter, so each platform file holds only site knowledge: dated selectors and label patterns.
 */
import { capture, makeSnapshot, ratingFromLabel, ratingFromStars, starsFromText } from './common';
import { localDateToIso } from './dates';
import { deepQuery, deepQueryAll, deepText, closestDeep } from './deep';
import { absoluteHref, isDisabled, outermostOnly, queryAllIncludingSelf, queryParam, textOf } from './dom';
import { reviewTextElement } from './generic-read';
import { phraseText } from './review-signals';
import { hashedReviewId } from './stable-id';
import type { Platform, Rating, ReviewSnapshot, SiteAdapter } from './types';

export interface StarSource {
  selector: string;
  /** Attribute holding the score (`value`, `aria-label`, `aria-valuenow`); absent: the element's text. */
  attribute?: string;
}

export interface BlockSite {
  platform: Platform;
  matchesUrl(url: URL): boolean;
  /** Review blocks, most trusted selector first. Every one is checked with `isReview`. */
  roots: readonly string[];
  /** Look through open shadow roots (Katal web components). */
  deep?: boolean;
  /** Sanity check of a candidate block: a real review shows these. */
  requiredText?: RegExp;
  text: readonly string[];
  followUp?: readonly string[];
  existingReply?: readonly string[];
  /** Label prefixes that belong to the page, not to what the buyer or shop wrote. */
  stripPrefix?: RegExp;
  ratingLabels?: readonly string[];
  /** Each match is one filled star. */
  filledStars?: readonly string[];
  starValue?: readonly StarSource[];
  buyerNick?: { selectors?: readonly string[]; pattern?: RegExp };
  /** Credit icons are images: the level is in an attribute (`src`, `data-src`, `class`). */
  buyerCredit?: { selectors: readonly string[]; attributePattern: RegExp };
  orderId?: { selectors?: readonly string[]; pattern?: RegExp };
  date?: { selectors?: readonly string[]; pattern?: RegExp; toIso?: (text: string) => string | undefined };
  product?: {
    link?: readonly string[];
    title?: readonly string[];
    idParam?: string;
    idPattern?: RegExp;
    sku?: readonly string[];
  };
  /** Where the platform's own review id lives: attributes on the block or inside it. */
  reviewIdAttributes?: readonly string[];
  reviewIdPattern?: RegExp;
  replyDaysLeft?: RegExp;
  /** Visible text of the reply action, exact, most specific first. */
  replyLabels: readonly string[];
  /** Where Mend's UI should go inside the block. */
  mount?: readonly string[];
}

export function blockAdapter(site: BlockSite): SiteAdapter {
  const all = (scope: ParentNode, selector: string) =>
    site.deep ? deepQueryAll(scope, selector) : queryAllIncludingSelf(scope, selector);
  const one = (scope: ParentNode, selector: string) =>
    site.deep ? deepQuery(scope, selector) : scope.querySelector(selector);
  const text = (node: Node | null) => (node ? (site.deep ? deepText(node) : textOf(node)) : '');
  const rootSelector = site.roots.join(', ');

  const isReview = (el: Element) => {
    const content = text(el);
    if (site.requiredText && !site.requiredText.test(content)) return false;
    return reviewText(el) !== '';
  };

  const readText = (root: Element, selectors: readonly string[] | undefined): string => {
    for (const selector of selectors ?? []) {
      const hit = one(root, selector);
      const value = strip(text(hit));
      if (value) return value;
    }
    return '';
  };

  /**
   * The buyer's text: the dated selectors first; when a release renamed them all, the longest
   * prose in the block outside the parts the site marks as follow-up or shop reply. A block still
   * has to pass `requiredText` and the root selectors, so the fallback only reads, never finds.
   */
  const reviewText = (root: Element): string => {
    const byselector = readText(root, site.text);
    if (byselector || site.deep) return byselector;
    const known = [...(site.followUp ?? []), ...(site.existingReply ?? [])].flatMap((selector) => all(root, selector));
    const prose = reviewTextElement(root, known);
    return prose ? strip(phraseText(prose)) : '';
  };

  const strip = (value: string) => (site.stripPrefix ? value.replace(site.stripPrefix, '').trim() : value);

  const findReviewRoots = (scope: ParentNode): Element[] => {
    const self = (scope as Node).nodeType === 1 ? (scope as Element) : null;
    const enclosing = self?.parentElement ? closestDeep(self.parentElement, rootSelector) : null;
    const candidates = enclosing ? [enclosing] : site.roots.flatMap((selector) => all(scope, selector));
    // Selectors overlap (a row matched by two of them, a nested table): keep each block once.
    return outermostOnly(candidates.filter(isReview));
  };

  const stars = (root: Element): number | undefined => {
    if (site.filledStars) {
      for (const selector of site.filledStars) {
        const count = all(root, selector).length;
        if (count > 0) return Math.min(count, 5);
      }
    }
    for (const source of site.starValue ?? []) {
      const el = one(root, source.selector);
      if (!el) continue;
      const raw = source.attribute ? el.getAttribute(source.attribute) : text(el);
      const value = starsFromText(raw);
      if (value !== undefined) return value;
    }
    return undefined;
  };

  const rating = (root: Element, starCount: number | undefined): Rating => {
    for (const selector of site.ratingLabels ?? []) {
      for (const el of all(root, selector)) {
        const fromLabel = ratingFromLabel(text(el)) ?? ratingFromLabel(el.getAttribute('title')) ?? ratingFromLabel(el.getAttribute('aria-label'));
        if (fromLabel) return fromLabel;
      }
    }
    return ratingFromStars(starCount);
  };

  const field = (root: Element, spec: { selectors?: readonly string[]; pattern?: RegExp } | undefined, whole: string) => {
    if (!spec) return undefined;
    for (const selector of spec.selectors ?? []) {
      const value = text(one(root, selector));
      if (!value) continue;
      if (!spec.pattern) return value;
      const m = capture(value, spec.pattern);
      if (m) return m;
    }
    return spec.pattern ? capture(whole, spec.pattern) : undefined;
  };

  const credit = (root: Element): string | undefined => {
    const spec = site.buyerCredit;
    if (!spec) return undefined;
    for (const selector of spec.selectors) {
      for (const el of all(root, selector)) {
        for (const attribute of Array.from(el.attributes)) {
          const m = capture(attribute.value, spec.attributePattern);
          if (m) return m;
        }
      }
    }
    return undefined;
  };

  const reviewId = (root: Element, order: string | undefined, date: string | undefined, body: string) => {
    for (const attribute of site.reviewIdAttributes ?? []) {
      const holder = root.hasAttribute(attribute) ? root : one(root, `[${attribute}]`);
      const value = holder?.getAttribute(attribute)?.trim();
      if (value) return site.reviewIdPattern ? capture(value, site.reviewIdPattern) ?? value : value;
    }
    return hashedReviewId([order, date, body]);
  };

  const product = (root: Element, whole: string): ReviewSnapshot['product'] => {
    const spec = site.product;
    if (!spec) return undefined;
    let link: Element | null = null;
    for (const selector of spec.link ?? []) if (!link) link = one(root, selector);
    const href = link?.getAttribute('href') ?? undefined;
    let title = '';
    for (const selector of spec.title ?? []) {
      const el = one(root, selector);
      if (!title && el) title = el.getAttribute('title')?.trim() || text(el);
    }
    if (!title && link) title = link.getAttribute('title')?.trim() || text(link);
    const id = (href && spec.idParam ? queryParam(href, spec.idParam) : undefined) ??
      (spec.idPattern ? capture(href ?? '', spec.idPattern) ?? capture(whole, spec.idPattern) : undefined);
    const sku = readText(root, spec.sku) || undefined;
    if (!title && !id) return undefined;
    return { title, url: href ? absoluteHref(href) : undefined, id, sku };
  };

  const replyButton = (root: Element): HTMLElement | null => {
    const clickables = all(root, 'button, a, [role="button"], kat-button') as HTMLElement[];
    for (const label of site.replyLabels) {
      for (const el of clickables) {
        const name = text(el) || el.getAttribute('label') || el.getAttribute('aria-label') || '';
        if (name.trim() === label && !isDisabled(el)) return el;
      }
    }
    return null;
  };

  const read = (root: Element, url: URL): ReviewSnapshot | null => {
    const body = reviewText(root);
    if (!body) return null;
    // Element boundaries become spaces so patterns like 买家昵称：(\S+) stop at the next field.
    const whole = deepText(root);
    const starCount = stars(root);
    const dateText = field(root, site.date, whole);
    const date = dateText ? (site.date?.toIso ?? localDateToIso)(dateText) : undefined;
    const orderId = field(root, site.orderId, whole);
    const days = site.replyDaysLeft ? capture(whole, site.replyDaysLeft) : undefined;
    return makeSnapshot(
      {
        platform: site.platform,
        reviewId: reviewId(root, orderId, dateText, body),
        rating: rating(root, starCount),
        text: body,
        canReply: replyButton(root) !== null,
        pageUrl: url.href,
      },
      {
        stars: starCount,
        followUp: readText(root, site.followUp) || undefined,
        existingReply: readText(root, site.existingReply) || undefined,
        buyerNick: field(root, site.buyerNick, whole),
        buyerCredit: credit(root),
        orderId,
        product: product(root, whole),
        date,
        replyDaysLeft: days === undefined ? undefined : Number(days),
      },
    );
  };

  const mountPoint = (root: Element): Element => {
    for (const selector of site.mount ?? []) {
      const hit = root.querySelector(selector);
      if (hit) return hit;
    }
    return root;
  };

  const rootOf = (el: Element): Element | null => {
    const root = closestDeep(el, rootSelector);
    return root && isReview(root) ? root : null;
  };

  return { platform: site.platform, matchesUrl: site.matchesUrl, findReviewRoots, read, replyButton, mountPoint, rootOf };
}

/** URL test for a host list and a path pattern. */
export function hostAndPath(hosts: readonly (string | RegExp)[], path: RegExp) {
  return (url: URL) =>
    hosts.some((host) => (typeof host === 'string' ? url.hostname === host : host.test(url.hostname))) &&
    path.test(url.pathname + url.hash);
}
