/**
 * Qianniu / myseller "来自买家的评价" (comment-manage) adapter.
 *
 * The page is an Alibaba Fusion SPA whose class names move between releases, so rows are found from
 * the visible labels every release keeps (正面评价/中性评价/负面评价 next to 订单号：) and the selectors
 * below only speed up or sharpen the reading. Each selector list is ordered: most specific first.
 */
import type { Rating, ReviewSnapshot, SiteAdapter } from './types';
import { makeSnapshot } from './common';
import { localDateToIso } from './dates';
import {
  absoluteHref,
  buttonWithText,
  collapseSpaces,
  elementsWithLabel,
  elementsWithOwnText,
  firstMatch,
  isDisabled,
  queryParam,
  scopeElement,
  textOf,
} from './dom';
import { hashedReviewId } from './stable-id';

export const QIANNIU_SITE = {
  hosts: ['myseller.taobao.com', 'qn.taobao.com'],
  /** SPA routes; some shells keep the route in the hash instead of the path. */
  routePrefix: '/home.htm/comment-manage/',
  /** Row containers, 2026-11: Fusion `tr.next-table-row`; fallbacks for table/ARIA rewrites. */
  rowSelectors: ['tbody.next-table-body > tr.next-table-row', 'tr', '[role="row"]'],
  /** The 追评 row Fusion expands under its review, 2026-11. */
  followUpRowSelectors: ['tr.next-table-expanded-row', '[class*="expanded-row"]'],
  /** Review text, 2026-11: second span of `.rate-content`; the first span is a label. */
  textSelectors: [
    '.l-rate-content .rate-content > span:nth-of-type(2)',
    '.rate-content > span:nth-of-type(2)',
    '[class*="rate-content"] > span:nth-of-type(2)',
  ],
  nickSelectors: ['.buyer-nick', '[class*="buyer-nick"]', '[class*="nick"]'],
  productLinkSelectors: [
    'a[href*="detail.tmall.com/item.htm"]',
    'a[href*="item.taobao.com/item.htm"]',
    'a[href*="item.htm?id="]',
  ],
  ratingLabels: { 正面评价: 'good', 中性评价: 'medium', 负面评价: 'bad' } as Record<string, Rating>,
  ratingLabel: /^(正面评价|中性评价|负面评价)$/,
  ratingWord: /正面评价|中性评价|负面评价/,
  ratingWordGlobal: /正面评价|中性评价|负面评价/g,
  orderMarker: /订单号\s*[：:]\s*(\d{8,})/,
  firstReviewDate: /初次评价\s*[：:]\s*(\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)/,
  replyDaysLeft: /还有\s*(\d+)\s*天可回复/,
  followUpMarker: /^(追评|追加评价)/,
  replyRecordLabel: /^评价回复记录[：:]?$/,
  /** Labels of history blocks whose text belongs to the shop or the platform, never the buyer. */
  foreignTextLabel: /^(评价回复记录|追评回复记录|投诉评价记录)/,
  replyButtonLabels: ['评价回复'],
  followUpReplyButtonLabels: ['追评回复'],
  /** Masked buyer nick: a few visible characters, then asterisks (王**, t**1). */
  maskedNick: /^[^\s*：:]{1,6}\*{2,}[^\s*]{0,3}$/,
  /** Taobao credit icons: red hearts, blue diamonds, caps and crowns for buyers (b_) and sellers (s_). */
  creditIcon: /\b([bs]_(?:red|blue|cap|crown)_\d)\b/,
  creditIconWords: ['_red_', '_blue_', '_cap_', '_crown_'],
  /** Where the icon name shows: the image file (often lazy-loaded) or a sprite class. */
  creditIconElements: 'img, i',
  creditIconAttributes: ['data-src', 'src', 'class', 'data-icon', 'alt', 'title'],
  feedIdAttributes: ['data-feed-id', 'data-feedid'],
  feedIdInLink: /[?&]feedId=(\d+)/,
  /** Leaf texts that are page furniture, never the review text. */
  furniture:
    /^(正面评价|中性评价|负面评价|初次评价|追评|追加评价|订单号|还有\s*\d+\s*天可回复|评价回复|追评回复|评价回复记录|追评回复记录|投诉评价记录|查看大图|展开|收起|评价内容|评价[：:]|已回复|投诉评价)/,
};

const S = QIANNIU_SITE;

function matchesUrl(url: URL): boolean {
  if (!S.hosts.includes(url.hostname)) return false;
  return url.pathname.startsWith(S.routePrefix) || url.hash.startsWith(`#${S.routePrefix}`) ||
    url.hash.startsWith(`#${S.routePrefix.replace('/home.htm', '')}`);
}

const ROW_SELECTOR = S.rowSelectors.join(', ');
const FOLLOW_UP_ROW_SELECTOR = S.followUpRowSelectors.join(', ');

/**
 * Label elements, after a native substring check on `text` (the scope's text, read here unless the
 * caller has it) that spares the tree walk for most subtrees.
 */
function labelled(el: ParentNode, quick: RegExp, exact: RegExp, text = scopeText(el)): Element[] {
  return quick.test(text) ? elementsWithLabel(el, quick, exact) : [];
}

function scopeText(el: ParentNode): string {
  const known = duringCall?.texts.get(el);
  if (known !== undefined) return known;
  const node = el as Node;
  // A Document's own textContent is null; its element's is the page text.
  const text = (node.nodeType === 9 ? (node as Document).documentElement?.textContent : node.textContent) ?? '';
  duringCall?.texts.set(el, text);
  return text;
}

/**
 * What the current read() or findReviewRoots() already learned of the page, which cannot change
 * while it runs: one review asks for its own labels and text and its neighbours' several times
 * (root, cell, 追评 rows, reply record), and each ask would walk or copy the subtree's text again.
 */
let duringCall: { labels: SmallMemo<Element[]>; texts: SmallMemo<string> } | null = null;

/**
 * A handful of entries (the root, its cell, the rows next to it), found by identity, in arrays that
 * keep their room from call to call (maps, or arrays cut to length 0, would allocate anew each time).
 */
class SmallMemo<T> {
  private keys: (ParentNode | null)[] = [];
  private values: (T | null)[] = [];
  private size = 0;
  get(key: ParentNode): T | undefined {
    for (let i = 0; i < this.size; i++) if (this.keys[i] === key) return this.values[i] as T;
    return undefined;
  }
  set(key: ParentNode, value: T) {
    this.keys[this.size] = key;
    this.values[this.size] = value;
    this.size++;
  }
  /** Forgets the entries without holding on to the page's nodes. */
  clear() {
    for (let i = 0; i < this.size; i++) {
      this.keys[i] = null;
      this.values[i] = null;
    }
    this.size = 0;
  }
}

const callMemo = { labels: new SmallMemo<Element[]>(), texts: new SmallMemo<string>() };

function withCallMemo<T>(run: () => T): T {
  if (duringCall) return run();
  duringCall = callMemo;
  try {
    return run();
  } finally {
    duringCall = null;
    callMemo.labels.clear();
    callMemo.texts.clear();
  }
}

/**
 * Rating labels of rows whose text has not changed since they were found. Each row is asked when it
 * is found, when it is read, and when the review above it looks for its 追评 rows; without this,
 * each ask walks all of the row's text again (most of Mend's time on a long review page).
 */
const labelsOfRow = new WeakMap<Element, { text: string; labels: Element[] }>();

function ratingLabelsIn(el: ParentNode): Element[] {
  const known = duringCall?.labels.get(el);
  if (known) return known;
  const labels = (el as Node).nodeType === 1 ? rowLabels(el as Element) : labelled(el, S.ratingWord, S.ratingLabel);
  duringCall?.labels.set(el, labels);
  return labels;
}

function rowLabels(row: Element): Element[] {
  const text = scopeText(row);
  const kept = labelsOfRow.get(row);
  // Same text and every label still inside: a re-render that swapped a label element is found anew.
  if (kept && kept.text === text && kept.labels.every((label) => row.contains(label))) return kept.labels;
  const labels = labelled(row, S.ratingWord, S.ratingLabel, text);
  labelsOfRow.set(row, { text, labels });
  return labels;
}

/**
 * The review block a rating label belongs to: its row when the row holds exactly this one review,
 * else the smallest ancestor that also carries the order number.
 */
function reviewRootForLabel(label: Element): Element | null {
  const row = label.closest(ROW_SELECTOR);
  if (row && isSingleReview(row)) return row;
  // Climb until the order number comes into view; a second rating label first means this label
  // is not part of one review (a filter bar, a stats card), and every higher ancestor fails too.
  for (let el = label.parentElement; el && el.tagName !== 'BODY'; el = el.parentElement) {
    const text = el.textContent ?? '';
    if ((text.match(S.ratingWordGlobal) ?? []).length > 1) return null;
    if (S.orderMarker.test(text)) return el;
  }
  return null;
}

function isSingleReview(el: Element): boolean {
  // Collapsing whitespace cannot change whether the order marker (\s*-tolerant) is there.
  return S.orderMarker.test(scopeText(el)) && ratingLabelsIn(el).length === 1;
}

function findReviewRoots(scope: ParentNode): Element[] {
  return withCallMemo(() => reviewRootsIn(scope));
}

function reviewRootsIn(scope: ParentNode): Element[] {
  // A subtree added inside an existing row (a re-rendered cell) still belongs to that row.
  const self = scopeElement(scope);
  const enclosingRow = self?.parentElement?.closest(ROW_SELECTOR);
  const base: ParentNode = enclosingRow ?? scope;
  const labels = ratingLabelsIn(base);
  // The usual scope, one row added by the page, holds one label or none: no bookkeeping to allocate.
  if (labels.length === 0) return [];
  if (labels.length === 1) {
    const root = rootForOnlyLabel(labels[0]);
    return root ? [root] : [];
  }
  // One pass: count labels per row, so a row is checked once instead of once per label.
  const labelsPerRow = new Map<Element, number>();
  for (const label of labels) {
    const row = label.closest(ROW_SELECTOR);
    if (row) labelsPerRow.set(row, (labelsPerRow.get(row) ?? 0) + 1);
  }
  const roots: Element[] = [];
  const seen = new Set<Element>();
  for (const label of labels) {
    const row = label.closest(ROW_SELECTOR);
    const root =
      row && labelsPerRow.get(row) === 1 && S.orderMarker.test(scopeText(row)) ? row : reviewRootForLabel(label);
    if (root && !seen.has(root)) {
      seen.add(root);
      roots.push(root);
    }
  }
  return roots;
}

/** The review root of the scope's one rating label (the general case above with a count of one). */
function rootForOnlyLabel(label: Element): Element | null {
  const row = label.closest(ROW_SELECTOR);
  return row && S.orderMarker.test(scopeText(row)) ? row : reviewRootForLabel(label);
}

/** Any element inside a review (the 追评 row included) → the review root it belongs to. */
function rootOf(el: Element): Element | null {
  const row = el.closest(ROW_SELECTOR) ?? el;
  if (isFollowUpRow(row)) {
    for (let prev = row.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (isSingleReview(prev)) return prev;
      if (!isFollowUpRow(prev)) return null;
    }
    return null;
  }
  const label = ratingLabelsIn(row)[0];
  return label ? reviewRootForLabel(label) : null;
}

function isFollowUpRow(el: Element): boolean {
  if (ratingLabelsIn(el).length > 0) return false;
  return el.matches(FOLLOW_UP_ROW_SELECTOR) || labelled(el, /追评|追加评价/, S.followUpMarker).length > 0;
}

/** The 追评 rows Fusion renders right after the review row. */
function followUpRows(root: Element): Element[] {
  const rows: Element[] = [];
  for (let next = root.nextElementSibling; next && isFollowUpRow(next); next = next.nextElementSibling) {
    rows.push(next);
  }
  return rows;
}

/** Containers of shop replies and complaint history: their text is never the buyer's. */
function foreignBlocks(container: Element): Element[] {
  return elementsWithOwnText(container, S.foreignTextLabel)
    .map((label): Element | null => label.parentElement)
    .filter((el): el is Element => el !== null && el !== container);
}

/**
 * Fallback when no text selector matches: the longest free-standing text in the container that is
 * neither a label, a link, a button, a nick, nor part of a reply/complaint history.
 */
function longestFreeText(container: Element): string {
  const excluded = foreignBlocks(container);
  let best = '';
  for (const el of elementsWithOwnText(container, /\S/)) {
    if (el.closest('a, button, [role="button"]')) continue;
    if (excluded.some((block) => block.contains(el))) continue;
    const text = ownText(el);
    if (S.furniture.test(text) || S.maskedNick.test(text)) continue;
    if (/^\d{4}-\d{1,2}-\d{1,2}/.test(text)) continue;
    if (text.length > best.length) best = text;
  }
  return best;
}

function ownText(el: Element): string {
  let text = '';
  for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === 3) text += child.nodeValue;
  return text.replace(/\s+/g, ' ').trim();
}

function reviewText(container: Element): string {
  const hit = firstMatch(container, S.textSelectors);
  const text = hit ? textOf(hit) : '';
  return text || longestFreeText(container);
}

function followUpText(root: Element): string | undefined {
  const texts = followUpRows(root)
    .map((row) => reviewText(row))
    .filter((text) => text.length > 0);
  return texts.length > 0 ? texts.join('\n') : undefined;
}

/** The cell that holds the rating label; the review text lives there, not in the product cell. */
function reviewCell(root: Element): Element {
  const label = ratingLabelsIn(root)[0];
  const cell = label?.closest('td, [role="gridcell"], [role="cell"]');
  return cell && root.contains(cell) && cell !== root ? cell : root;
}

function existingReply(root: Element): string | undefined {
  const label = labelled(root, /评价回复记录/, S.replyRecordLabel)[0];
  if (!label) return undefined;
  let best = '';
  for (let sib = label.nextElementSibling; sib; sib = sib.nextElementSibling) {
    const text = textOf(sib);
    if (text.length > best.length && !/^\d{4}-\d{1,2}-\d{1,2}[\d: ]*$/.test(text)) best = text;
  }
  if (!best && label.parentElement) {
    best = textOf(label.parentElement).replace(S.replyRecordLabel, '').replace(/^评价回复记录[：:]?/, '').trim();
  }
  return best || undefined;
}

function buyerNick(root: Element): string | undefined {
  const hit = firstMatch(root, S.nickSelectors);
  if (hit && textOf(hit)) return textOf(hit);
  return elementsWithOwnText(root, S.maskedNick).map(ownText)[0];
}

/**
 * Icons with one of the credit words in an attribute that may name it: every icon the pattern can
 * match, and few others (a row's product and review photos need not be read at all).
 */
const CREDIT_ICON_SELECTOR = `:is(${S.creditIconElements}):is(${S.creditIconAttributes
  .flatMap((attribute) => S.creditIconWords.map((word) => `[${attribute}*="${word}"]`))
  .join(', ')})`;

function buyerCredit(root: Element): string | undefined {
  for (const el of Array.from(root.querySelectorAll(CREDIT_ICON_SELECTOR))) {
    for (const attribute of S.creditIconAttributes) {
      const m = S.creditIcon.exec(el.getAttribute(attribute) ?? '');
      if (m) return m[1];
    }
  }
  return undefined;
}

function product(root: Element): ReviewSnapshot['product'] {
  const link = firstMatch(root, S.productLinkSelectors) as HTMLAnchorElement | null;
  if (!link) return undefined;
  const href = link.getAttribute('href') ?? '';
  const title = link.getAttribute('title')?.trim() || textOf(link);
  return { title, url: absoluteHref(href), id: queryParam(href, 'id') };
}

const FEED_ID_HOLDERS = S.feedIdAttributes.map((attr) => [attr, `[${attr}]`] as const);

function feedId(root: Element): string | undefined {
  for (const [attr, selector] of FEED_ID_HOLDERS) {
    const holder = root.hasAttribute(attr) ? root : root.querySelector(selector);
    const value = holder?.getAttribute(attr)?.trim();
    if (value) return value;
  }
  const links = root.querySelectorAll('a[href*="feedId="]');
  for (let i = 0; i < links.length; i++) {
    const m = S.feedIdInLink.exec(links[i].getAttribute('href') ?? '');
    if (m) return m[1];
  }
  return undefined;
}

function replyButton(root: Element): HTMLElement | null {
  const primary = buttonWithText(root, S.replyButtonLabels);
  if (primary && !isDisabled(primary)) return primary;
  const followUp = buttonWithText(root, S.followUpReplyButtonLabels);
  if (followUp && !isDisabled(followUp)) return followUp;
  for (const row of followUpRows(root)) {
    const inRow = buttonWithText(row, S.followUpReplyButtonLabels);
    if (inRow && !isDisabled(inRow)) return inRow;
  }
  return null;
}

function read(root: Element, url: URL): ReviewSnapshot | null {
  return withCallMemo(() => readReview(root, url));
}

function readReview(root: Element, url: URL): ReviewSnapshot | null {
  const label = ratingLabelsIn(root)[0];
  // The row's text as the page has it: the markers allow any run of whitespace where they allow one,
  // so they match here exactly where they match the collapsed text, and only the date (the one
  // capture that may hold whitespace) needs collapsing, not the whole row.
  const all = scopeText(root);
  const order = S.orderMarker.exec(all)?.[1];
  if (!label || !order) return null;
  const text = reviewText(reviewCell(root));
  const rawDate = S.firstReviewDate.exec(all)?.[1];
  const dateText = rawDate === undefined ? undefined : collapseSpaces(rawDate);
  const date = dateText ? localDateToIso(dateText) : undefined;
  const days = S.replyDaysLeft.exec(all)?.[1];
  return makeSnapshot(
    {
      platform: 'qianniu',
      reviewId: feedId(root) ?? hashedReviewId([order, dateText, text]),
      rating: S.ratingLabels[ownText(label)] ?? 'unknown',
      text,
      canReply: replyButton(root) !== null,
      pageUrl: url.href,
    },
    {
      orderId: order,
      followUp: followUpText(root),
      buyerNick: buyerNick(root),
      buyerCredit: buyerCredit(root),
      product: product(root),
      date,
      existingReply: existingReply(root),
      replyDaysLeft: days === undefined ? undefined : Number(days),
    },
  );
}

export const qianniuAdapter: SiteAdapter = {
  platform: 'qianniu',
  matchesUrl,
  findReviewRoots,
  read,
  replyButton,
  rootOf,
  mountPoint: reviewCell,
};
