/**
 * What makes a block of a page look like a review, platform-independent. Used by the generic
 * detector (which needs all three kinds of signal at once) and by the generic field reader.
 * Word lists cover the back-offices Mend knows: Chinese, English, German.
 */
import { starsFromText } from './common';
import { deepText } from './deep';

export const RATING_LABEL = /^(好评|中评|差评|正面评价|中性评价|负面评价)$/;
const STAR_GLYPHS = /[★☆]{3,}|★/;
const STAR_CLASS = /star|rating|(^|[^a-z])rate([^a-z]|$)/i;
const SCORE_TEXT = /评分\s*[:：]?\s*[1-5](?!\d)|(?<!\d)[1-5]\s*星(?!期)/;

/** Order, date, buyer and review-context markers: a review names at least one of them. */
export const MARKERS: readonly RegExp[] = [
  /订单(?:号|编号)\s*[：:]|Order ID|Bestell(?:nummer|nr)|\b\d{3}-\d{7}-\d{7}\b/i,
  /\b\d{4}[-./]\d{1,2}[-./]\d{1,2}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/,
  /[^\s*]\*{2,}|买家|用户|评价人|Verfasser|Reviewer|Reviewed/,
  /追评|追加评价|回复|评价|Bewertung|review|feedback/i,
];

/**
 * Words of pages that list products, orders to ship, settings or statistics (a rate, an average
 * score with two decimals): never review lists.
 */
const NOT_REVIEW_WORDS =
  /库存|销量|月销|已售|好评率|差评率|中差评率|体验分|\d\.\d{2}\s*分|上架|下架|加入购物车|立即购买|待发货|去发货|Add to cart|In stock|\bsold\b|Auf Lager|In den Warenkorb|verkauft|[¥￥$€]\s?\d+(?:[.,]\d{1,2})?/i;

const SENTENCE_CJK = /[\u4e00-\u9fff].*[，。！？!?～…]|[，。！？!?～…].*[\u4e00-\u9fff]/;
const CJK_CHARS = /[\u4e00-\u9fff]/g;

/** A free-standing run of prose: a sentence a buyer wrote, not a label, link, or button. */
export function isProse(text: string): boolean {
  const cjk = text.match(CJK_CHARS)?.length ?? 0;
  if (cjk >= 8 && SENTENCE_CJK.test(text)) return true;
  const words = text.split(/\s+/).filter((w) => /[A-Za-zÄÖÜäöüß]{2,}/.test(w));
  return cjk === 0 && words.length >= 5 && /[.!?,]/.test(text);
}

/** Whether `el` has a non-blank text node of its own. */
export function hasOwnText(el: Element): boolean {
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && /\S/.test(node.nodeValue ?? '')) return true;
  }
  return false;
}

/** Elements that hold their own text (text-node children), shadow content included. */
export function textHolders(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (let child = node.firstElementChild; child; child = child.nextElementSibling) {
      const tag = child.tagName;
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag.startsWith('MEND-')) continue;
      if (hasOwnText(child)) out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  visit(root);
  return out;
}

export function ownText(el: Element): string {
  let text = '';
  for (let node = el.firstChild; node; node = node.nextSibling) if (node.nodeType === 3) text += node.nodeValue;
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Inline children that are part of the sentence around them: keyword highlights (质量 in bold),
 * emphasis, emoji images (no text). Anything else inside an element is a field of its own.
 */
const PHRASE_TAGS = /^(EM|STRONG|B|I|U|MARK|FONT|SMALL|IMG|BR|WBR)$/;
const HIGHLIGHT_CLASS = /(^|[-_\s])(hl|highlight|keyword|kw|kw-hit|mark|emoji)([-_\s]|$)/i;

function isPhrasePart(el: Element): boolean {
  return PHRASE_TAGS.test(el.tagName) || (el.tagName === 'SPAN' && HIGHLIGHT_CLASS.test(el.getAttribute('class') ?? ''));
}

/** The element's own text with its highlighted words put back (`刚用就<em>坏</em>了` → 刚用就坏了). */
export function phraseText(el: Element): string {
  let text = '';
  const collect = (node: Element) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue;
      else if (child.nodeType === 1 && isPhrasePart(child as Element)) collect(child as Element);
    }
  };
  collect(el);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text nobody sees unless they hover or open something: per-row tips and tooltips. Their prose
 * (温馨提示：请勿诱导…) is the page talking, never a buyer. Attributes only: no layout is forced.
 */
export function isHiddenHelp(el: Element): boolean {
  return el.closest('[hidden], [aria-hidden="true"], [role="tooltip"], [style*="display:none"], [style*="display: none"]') !== null;
}

/** Sentences the page opens with a notice label: tips and rules, not what a buyer wrote. */
const NOTICE_OPENING = /^(温馨提示|提示|注意|说明|规则说明|Hinweis|Tipp|Note|Tip)\s*[：:]/i;

/** Class names of a product's title (goods-title, GoodsCell_title__x1, logic_goodsName_…). */
const PRODUCT_TITLE_CLASS = /(goods|product|commodity)[\w-]{0,12}(title|name)|item[-_]?(title|name)/i;
/** The id line printed next to a product's title. */
const PRODUCT_ID_LINE = /^(商品)?(ID|编号|货号)\s*[：:]\s*\w|^(SKU|ASIN|Artikelnr\.?|Artikelnummer)\s*[：:]?\s*\w/i;

/**
 * A product's title: titles are often written like sentences (迷你暖风机，办公室桌面，速热), so they
 * are known by their class name or by the id line beside them, never by their wording.
 */
export function isProductTitle(el: Element): boolean {
  if (PRODUCT_TITLE_CLASS.test(el.getAttribute('class') ?? '')) return true;
  for (const sibling of [el.previousElementSibling, el.nextElementSibling]) {
    if (sibling && PRODUCT_ID_LINE.test((sibling.textContent ?? '').trim())) return true;
  }
  return false;
}

/** A holder of buyer prose: own text that reads as a sentence, outside links, controls and tips. */
export function isProseHolder(el: Element): boolean {
  if (!hasOwnText(el)) return false;
  const text = phraseText(el);
  return isProse(text) && !NOTICE_OPENING.test(text) && !isControlText(el) && !isHiddenHelp(el) && !isProductTitle(el);
}

/** Links to a product page: their text is the product's title. */
const PRODUCT_LINK = /item\.htm|item\.jd\.com|\/dp\/|otto\.de\/p\/|[?&](goods_?id|item_?id|product_?id)=/i;

/**
 * Text of a control. Buttons, tabs, menus and form labels never hold what a buyer wrote; a link or
 * a clickable block may — pages make the review text itself open the review's detail — unless it
 * leads to a product page.
 */
function isControlText(el: Element): boolean {
  if (el.closest('button, select, option, label, [role="tab"], [role="menuitem"]')) return true;
  const link = el.closest('a, [role="button"]');
  return link !== null && PRODUCT_LINK.test(link.getAttribute('href') ?? '');
}

/**
 * Whether this one element is a rating sign (verdict word, star value, filled star icon, star
 * glyphs, score text, class-coded level). A block is rated when it contains such an element.
 */
export function isRatingSignElement(el: Element): boolean {
  let sign = labelOf(el) !== undefined;
  if (!sign && el.hasAttributes()) {
    const marks = `${el.getAttribute('class') ?? ''} ${el.getAttribute('data-testid') ?? ''}`;
    sign =
      starValueOf(el) !== undefined ||
      (STAR_CLASS.test(marks) && (FILLED_STAR.test(marks) || (/\bactive\b/.test(marks) && /star/i.test(marks)) || /\bstar-?[1-5]\b/.test(marks)));
  }
  if (!sign && hasOwnText(el)) {
    const own = ownText(el);
    sign = /★/.test(own) || SCORE_TEXT.test(own);
  }
  if (!sign && el.childElementCount === 5) sign = starStripValue(el) !== undefined;
  return sign && !isFilterControl(el);
}

function isFilterControl(el: Element): boolean {
  return el.closest('select, option, label, button, input, [role="tab"], [role="radio"]:not([aria-posinset]), [role="option"], form') !== null;
}

function isInteractive(el: Element): boolean {
  return el.closest('a, button, select, option, label, [role="button"], [role="tab"], [role="menuitem"]') !== null;
}

/** The longest prose run in the block that is not a link, button or form label. */
export function proseIn(root: Element): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const el of textHolders(root)) {
    if (isInteractive(el)) continue;
    const text = ownText(el);
    if (text.length > bestLength && isProse(text)) {
      best = el;
      bestLength = text.length;
    }
  }
  return best;
}

/** Every element in the block including open shadow content. */
function allElements(root: Element): Element[] {
  const out: Element[] = [root];
  const visit = (node: Element | ShadowRoot) => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      // Mend's own widgets (a chip may say 差评) must never count as the page's rating.
      if (el.tagName.startsWith('MEND-')) continue;
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

export interface RatingSign {
  kind: 'label' | 'stars' | 'aria' | 'score';
  /** The label, when the sign is a 好评/中评/差评-style word. */
  label?: string;
  /** 1–5 when the sign carries a count or value. */
  stars?: number;
}

/** A 好评/中评/差评-style word as the whole of one text node, title or aria-label of `el`. */
function labelOf(el: Element): string | undefined {
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 3) continue;
    const value = (node.nodeValue ?? '').trim();
    if (value.length >= 2 && value.length <= 4 && RATING_LABEL.test(value)) return value;
  }
  for (const attribute of ['title', 'aria-label']) {
    const value = el.getAttribute(attribute)?.trim();
    if (value && RATING_LABEL.test(value)) return value;
  }
  return undefined;
}

function starValueOf(el: Element): number | undefined {
  const value = el.getAttribute('value');
  if (value && el.tagName.includes('STAR')) {
    const stars = starsFromText(value);
    if (stars) return stars;
  }
  const aria = el.getAttribute('aria-label');
  if (aria && /星|star|Stern|out of 5|von 5/i.test(aria)) {
    const stars = starsFromText(aria);
    if (stars) return stars;
  }
  if (el.getAttribute('aria-valuemax') === '5') {
    const now = Number(el.getAttribute('aria-valuenow'));
    if (now >= 1 && now <= 5) return Math.round(now);
  }
  return widthBarStars(el);
}

const WIDTH_PERCENT = /(?:^|;)\s*width\s*:\s*(\d{1,3}(?:\.\d+)?)%/;

/**
 * Stars drawn as a filled bar: a star/rating element (or its parent) with an inline width in
 * percent, in steps of one star (20%). Any other width is layout, not a rating.
 */
function widthBarStars(el: Element): number | undefined {
  const width = WIDTH_PERCENT.exec(el.getAttribute('style') ?? '');
  if (!width) return undefined;
  const marks = `${el.getAttribute('class') ?? ''} ${el.parentElement?.getAttribute('class') ?? ''}`;
  if (!STAR_CLASS.test(marks)) return undefined;
  const stars = Number(width[1]) / 20;
  return Number.isInteger(stars) && stars >= 1 && stars <= 5 ? stars : undefined;
}

/**
 * A strip of five look-alike icons, the first k marked one way and the rest another: a star
 * rating even when class names carry no meaning (hashed, renamed). All five alike reads as five
 * only for icon elements without text, since a fully filled strip has nothing to contrast with.
 */
export function starStripValue(el: Element): number | undefined {
  const icons = Array.from(el.children);
  if (icons.length !== 5) return undefined;
  const tag = icons[0].tagName;
  if (!/^(svg|SVG|I|SPAN|LI|DIV|EM)$/.test(tag)) return undefined;
  const signatures: string[] = [];
  for (const icon of icons) {
    const text = (icon.textContent ?? '').trim();
    if (icon.tagName !== tag || (text && !/^[★☆]$/.test(text))) return undefined;
    const fill = icon.querySelector('[fill]')?.getAttribute('fill') ?? icon.getAttribute('fill') ?? '';
    signatures.push(`${icon.getAttribute('class') ?? ''}|${icon.getAttribute('data-testid') ?? ''}|${fill}|${text}`);
  }
  const lead = signatures.filter((sig, i) => signatures.slice(0, i + 1).every((s) => s === signatures[0])).length;
  if (lead === 5) return signatures[0].endsWith('|') && !signatures[0].includes('☆') ? 5 : undefined;
  const rest = signatures.slice(lead);
  return rest.every((sig) => sig === rest[0]) ? lead : undefined;
}

const FILLED_STAR = /(star[-_]{0,2}(filled|full|on|active|checked))|((filled|full|active)[-_ ]{0,2}star)/i;

/**
 * The strongest rating sign in a block: a verdict word, a star value (attribute or ARIA), a count
 * of filled star icons, star glyphs, a score text, or a class-coded star level — in that order.
 * One pass over the block; filter controls (全部/好评/中评/差评 tabs, star selects) never count.
 */
export function ratingSign(root: Element, text?: string): RatingSign | null {
  let valued: number | undefined;
  let filled = 0;
  let coded: number | undefined;
  for (const el of allElements(root)) {
    const label = labelOf(el);
    if (label && !isFilterControl(el)) return { kind: 'label', label };
    if (!el.hasAttributes()) continue;
    if (valued === undefined) {
      const stars = starValueOf(el);
      if (stars && !isFilterControl(el)) valued = stars;
    }
    const marks = `${el.getAttribute('class') ?? ''} ${el.getAttribute('data-testid') ?? ''}`;
    if (!STAR_CLASS.test(marks) || isFilterControl(el)) continue;
    if (FILLED_STAR.test(marks) || (/\bactive\b/.test(marks) && /star/i.test(marks))) filled++;
    coded ??= /\bstar-?[1-5]\b/.test(marks) ? starsFromText(marks) : undefined;
  }
  if (valued) return { kind: 'aria', stars: valued };
  if (filled > 0) return { kind: 'stars', stars: Math.min(filled, 5) };
  for (const el of allElements(root)) {
    const strip = el.childElementCount === 5 && !isFilterControl(el) ? starStripValue(el) : undefined;
    if (strip) return { kind: 'stars', stars: strip };
  }
  const all = text ?? deepText(root);
  const glyphs = /★+/.exec(all);
  if (glyphs && STAR_GLYPHS.test(all)) return { kind: 'stars', stars: Math.min(glyphs[0].length, 5) };
  const score = SCORE_TEXT.exec(all);
  if (score) return { kind: 'score', stars: starsFromText(score[0].replace(/评分\s*[:：]?\s*/, '')) };
  if (coded) return { kind: 'stars', stars: coded };
  return null;
}

export function markerCount(text: string): number {
  return MARKERS.filter((marker) => marker.test(text)).length;
}

export function hasNonReviewWords(text: string): boolean {
  return NOT_REVIEW_WORDS.test(text);
}
