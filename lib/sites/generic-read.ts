/**
 * Reading the fields of a review block nobody described: verdict from the rating sign, text from
 * the longest prose, other fields from the labels every back-office prints.
 */
import { capture, makeSnapshot, ratingFromLabel, ratingFromStars } from './common';
import { englishDateToIso, germanDateToIso, localDateToIso } from './dates';
import { deepText } from './deep';
import { isDisabled } from './dom';
import { isHiddenHelp, isProductTitle, isProse, isProseHolder, ownText, phraseText, ratingSign, textHolders } from './review-signals';
import { hashedReviewId } from './stable-id';
import type { ReviewSnapshot } from './types';

const REPLY_LABEL = /^(商家回复|掌柜回复|卖家回复|店铺回复|\[?解释\]?|评价回复记录|Your (public )?reply|Seller response|Ihre Antwort|Antwort des Händlers)[：:]?\s*/i;
const FOLLOW_UP_LABEL = /^(追评|追加评价|\[?购买\d+天后追评\]?|\[?收货后\d+天追加\]?)[：:]?\s*/;
const REPLY_ACTIONS = ['评价回复', '回复/互动', '回复', '去回复', '解释', 'Post public reply', 'Post a public reply', 'Reply', 'Antworten', 'Contact customer'];
const ORDER = /(?:订单(?:号|编号)\s*[：:]\s*|Bestell(?:nummer|nr\.?)[:\s]+|Order ID[:\s]+)([A-Z0-9][\dA-Z-]{5,})|\b(\d{3}-\d{7}-\d{7})\b/i;
const NICK = /^[^\s*：:]{1,8}\*{2,}[^\s*]{0,4}$/;
const NICK_LABELLED = /(?:买家昵称|用户昵称|昵称|买家|用户|评价人|Verfasser)[：:]\s*([^\s]+)/;
const REVIEW_ID_ATTRIBUTES = ['data-review-id', 'data-comment-id', 'data-feed-id', 'data-guid', 'data-row-key', 'data-id'];

/**
 * Parts introduced by a label (商家回复：…, 追评：…): the text after the label in the same element,
 * else the longest of the label's following siblings. The part's container is excluded when the
 * review text is searched, so a reply is never taken for the review.
 */
function labelledParts(root: Element, label: RegExp): { container: Element; text: string }[] {
  const parts: { container: Element; text: string }[] = [];
  // Katal's <kat-label text="…"> shows its label from an attribute, not from text.
  const holders = [...textHolders(root), ...Array.from(root.querySelectorAll('kat-label[text]'))];
  for (const holder of holders) {
    if (holder.closest('a, button, [role="button"]')) continue;
    const own = holder.tagName === 'KAT-LABEL' ? holder.getAttribute('text') ?? '' : ownText(holder);
    if (!label.test(own)) continue;
    const rest = own.replace(label, '').trim();
    if (rest) {
      parts.push({ container: holder, text: rest });
      continue;
    }
    let best = '';
    for (let sib = holder.nextElementSibling; sib; sib = sib.nextElementSibling) {
      const text = deepText(sib);
      if (text.length > best.length && !DATE_ONLY.test(text)) best = text;
    }
    const container = holder.parentElement;
    if (best && container && container !== root) parts.push({ container, text: best });
  }
  return parts;
}

const DATE_ONLY = /^(回复时间[：:])?\s*\d{4}-\d{1,2}-\d{1,2}[\d: ]*$/;
/** Own texts that are page furniture, never what a buyer wrote. */
const FURNITURE = /[：:]|^\d|\*{2,}|^(好评|中评|差评|正面评价|中性评价|负面评价|[★☆]+)$|可回复|已回复|未回复|已超过|会员|Verified|Replied/;

function dateOf(text: string): string | undefined {
  const cn = /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?/.exec(text);
  if (cn) return localDateToIso(cn[0]);
  const de = /\b\d{1,2}\.\d{1,2}\.\d{4}\b/.exec(text);
  if (de) return germanDateToIso(de[0]);
  return englishDateToIso(text);
}

function nickOf(root: Element, whole: string): string | undefined {
  const labelled = capture(whole, NICK_LABELLED);
  if (labelled && !/^\d/.test(labelled)) return labelled;
  return textHolders(root).map(ownText).find((t) => NICK.test(t));
}

/**
 * The element holding the buyer's prose, outside shop replies and follow-ups (and outside `also`,
 * parts a caller already knows are not the review).
 */
export function reviewTextElement(root: Element, also: readonly Element[] = []): Element | null {
  const excluded = [...labelledParts(root, REPLY_LABEL), ...labelledParts(root, FOLLOW_UP_LABEL)].map((p) => p.container);
  return proseOutside(root, [...excluded, ...also]);
}

function proseOutside(root: Element, excluded: Element[]): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const holder of textHolders(root)) {
    if (excluded.some((c) => c.contains(holder)) || !isProseHolder(holder)) continue;
    const length = phraseText(holder).length;
    if (length > bestLength) {
      best = holder;
      bestLength = length;
    }
  }
  return best;
}

function reviewTextOf(root: Element, excluded: Element[]): string {
  const prose = proseOutside(root, excluded);
  if (prose) return phraseText(prose);
  // Short reviews ("一般"): the longest own text that is not a label, link, date, marker or tip.
  let best = '';
  for (const holder of textHolders(root)) {
    if (excluded.some((c) => c.contains(holder)) || isHiddenHelp(holder) || isProductTitle(holder)) continue;
    if (holder.closest('a, button, [role="button"], select, label')) continue;
    const text = phraseText(holder);
    if (FURNITURE.test(text)) continue;
    if (text.length > best.length) best = text;
  }
  return best;
}

export function genericReplyButton(root: Element): HTMLElement | null {
  const clickables = Array.from(root.querySelectorAll<HTMLElement>('button, a, [role="button"], kat-button'));
  for (const label of REPLY_ACTIONS) {
    for (const el of clickables) {
      const name = (el.textContent ?? '').trim() || el.getAttribute('label') || el.getAttribute('aria-label') || '';
      if (name.trim() === label && !isDisabled(el)) return el;
    }
  }
  return null;
}

export function readGenericReview(root: Element, url: URL): ReviewSnapshot | null {
  const sign = ratingSign(root);
  if (!sign) return null;
  const whole = deepText(root);
  const replies = labelledParts(root, REPLY_LABEL);
  const followUps = labelledParts(root, FOLLOW_UP_LABEL);
  const excluded = [...replies, ...followUps].map((p) => p.container);
  const text = reviewTextOf(root, excluded);
  if (!text) return null;
  const orderMatch = ORDER.exec(whole);
  const orderId = orderMatch ? orderMatch[1] ?? orderMatch[2] : undefined;
  const date = dateOf(whole);
  const ownId = REVIEW_ID_ATTRIBUTES.map((a) => root.getAttribute(a)).find((v) => v && v.trim());
  const rating = sign.label ? ratingFromLabel(sign.label) ?? 'unknown' : ratingFromStars(sign.stars);
  return makeSnapshot(
    {
      platform: 'generic',
      reviewId: ownId ? `generic:${ownId}` : hashedReviewId([url.hostname, orderId, date, text]),
      rating,
      text,
      canReply: genericReplyButton(root) !== null,
      pageUrl: url.href,
    },
    {
      stars: sign.stars,
      followUp: followUps.map((p) => p.text).filter((t) => isProse(t) || t.length > 1)[0],
      existingReply: replies[0]?.text,
      buyerNick: nickOf(root, whole),
      orderId,
      date,
    },
  );
}
