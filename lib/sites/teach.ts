/**
 * Teach by click (the pure part): the seller points at one review on a page Mend does not know;
 * Mend derives a rule that finds that review's siblings and where their text and rating sit,
 * previews every match, and the caller stores the rule per host and path pattern.
 *
 * Rules are plain JSON. Selectors avoid hashed class names (CSS modules, release suffixes) by
 * keeping only their stable prefix, so a rule survives the next deploy of the page.
 */
import { blockSignature } from './generic';
import { readGenericReview, reviewTextElement } from './generic-read';
import { closestDeep, deepQueryAll, deepText } from './deep';
import { makeSnapshot, ratingFromStars } from './common';
import { hashedReviewId } from './stable-id';
import { isProse, ownText, proseIn, ratingSign } from './review-signals';
import type { ReviewSnapshot } from './types';

export interface LearnedRule {
  version: 1;
  /** Matches every review block on the page (the example and its siblings). */
  rootSelector: string;
  /** Inside a block: where the review text is. */
  textSelector?: string;
  /** Inside a block: how the rating shows, when the example showed one. */
  rating?: { kind: 'label' | 'stars' | 'aria' | 'score'; selector?: string };
  /** How many blocks matched when the rule was made, for the preview and for health checks. */
  matchedWhenLearned: number;
}

/** Where a rule applies: the host, and the path with ids and numbers generalised. */
export interface RuleScope {
  host: string;
  pathPattern: string;
}

/** Class tokens that look generated: release suffixes (`_5-188-0`), CSS-module hashes (`--3Kx9a`). */
const HASHED_SUFFIX = /(?:[-_]{1,2}[A-Za-z0-9]*\d[A-Za-z0-9]*|_\d+-\d+-\d+)$/;
const STATE_CLASS = /^(first|last|odd|even|active|selected|current|checked|hover|disabled|expanded|collapsed|open|on|cur)$/i;

function cssEscape(value: string): string {
  return value.replace(/(["\\])/g, '\\$1');
}

/** Stable pieces of one element's identity, as selector parts. */
function stableParts(el: Element): string[] {
  const parts: string[] = [];
  const testId = el.getAttribute('data-testid');
  if (testId) {
    const stem = testId.replace(/[-_]?[A-Z]?\d[\w-]*$/, '');
    parts.push(stem === testId ? `[data-testid="${cssEscape(testId)}"]` : `[data-testid^="${cssEscape(stem)}"]`);
  }
  const role = el.getAttribute('role');
  if (role) parts.push(`[role="${cssEscape(role)}"]`);
  for (const token of (el.getAttribute('class') ?? '').split(/\s+/)) {
    if (!token || STATE_CLASS.test(token) || /^(mend|data-mend)/.test(token)) continue;
    if (!HASHED_SUFFIX.test(token)) {
      parts.push(`.${token.replace(/([^\w-])/g, '\\$1')}`);
      continue;
    }
    const stem = token.replace(HASHED_SUFFIX, '');
    if (stem.length >= 3) parts.push(`[class*="${cssEscape(stem)}"]`);
  }
  return parts;
}

function selectorFor(el: Element): string {
  return el.tagName.toLowerCase() + stableParts(el).join('');
}

/** All elements matching in the tree the element lives in (document or shadow root). */
function matchesInTree(el: Element, selector: string): Element[] {
  const tree = el.getRootNode() as ParentNode;
  try {
    return Array.from(tree.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** Same-component siblings of `el`, itself included. */
function sameSiblings(el: Element): Element[] {
  const parent = el.parentElement ?? (el.parentNode as ParentNode | null);
  if (!parent) return [el];
  const signature = blockSignature(el);
  return Array.from(parent.children).filter((c) => blockSignature(c) === signature);
}

/**
 * The review block for a clicked element: the lowest ancestor that repeats among its siblings,
 * where most of those siblings hold prose. A clicked star or a table cell repeats too, but its
 * siblings (other stars, the product and action cells) hold no review text.
 */
export function blockForClick(clicked: Element): Element {
  for (let el: Element | null = clicked; el && el.tagName !== 'BODY'; el = el.parentElement ?? hostOf(el)) {
    const siblings = sameSiblings(el);
    if (siblings.length < 2) continue;
    const withProse = siblings.filter((s) => proseIn(s) !== null).length;
    if (withProse >= 2 && withProse >= siblings.length * 0.6 && proseIn(el) !== null) return el;
  }
  return clicked;
}

function hostOf(el: Element): Element | null {
  const root = el.getRootNode() as ShadowRoot | Document;
  return 'host' in root ? root.host : null;
}

/**
 * A selector that matches the block's siblings and nothing else: the block's own stable parts,
 * narrowed by its parents' stable parts until no stray element matches.
 */
function rootSelectorFor(block: Element): string {
  const siblings = sameSiblings(block);
  const own = selectorFor(block);
  let selector = own;
  let anchor: Element | null = block.parentElement;
  for (let depth = 0; depth < 4; depth++) {
    const matches = matchesInTree(block, selector);
    const exact = matches.length === siblings.length && siblings.every((s) => matches.includes(s));
    if (exact || !anchor) return selector;
    selector = `${selectorFor(anchor)} > ${selector}`;
    anchor = anchor.parentElement;
  }
  return selector;
}

/** A selector for `target` relative to `block`: a short chain of stable parts. */
function relativeSelector(block: Element, target: Element): string | undefined {
  const chain: Element[] = [];
  for (let el: Element | null = target; el && el !== block; el = el.parentElement) chain.unshift(el);
  if (chain.length === 0) return undefined;
  for (let start = chain.length - 1; start >= 0; start--) {
    const selector = chain.slice(start).map(selectorFor).join(' ');
    try {
      if (block.querySelector(selector) === target) return selector;
    } catch {
      // a token that is not a valid selector: try a longer chain
    }
  }
  return `:scope > ${chain.map((el) => `${el.tagName.toLowerCase()}:nth-child(${indexAmongSiblings(el)})`).join(' > ')}`;
}

function indexAmongSiblings(el: Element): number {
  return Array.from(el.parentElement?.children ?? []).indexOf(el) + 1;
}

export function deriveRule(example: Element): LearnedRule {
  const block = blockForClick(example);
  const rootSelector = rootSelectorFor(block);
  // The seller clicked the review text itself more often than not: trust that over any guess.
  const clickedText = example !== block && isProse(ownText(example)) ? example : null;
  const textElement = clickedText ?? reviewTextElement(block);
  const sign = ratingSign(block);
  const rule: LearnedRule = {
    version: 1,
    rootSelector,
    textSelector: textElement ? relativeSelector(block, textElement) : undefined,
    rating: sign ? { kind: sign.kind } : undefined,
    matchedWhenLearned: 0,
  };
  rule.matchedWhenLearned = applyRule(block.getRootNode() as ParentNode, rule).length;
  return rule;
}

/** Blocks the rule finds in `scope` (a document or an added subtree), each once. */
export function applyRule(scope: ParentNode, rule: LearnedRule): Element[] {
  let found: Element[];
  try {
    found = deepQueryAll(scope, rule.rootSelector);
  } catch {
    return [];
  }
  const self = (scope as Node).nodeType === 1 ? (scope as Element) : null;
  const enclosing = self ? closestDeep(self, rule.rootSelector) : null;
  if (enclosing && !found.includes(enclosing)) found.unshift(enclosing);
  return found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
}

/** Reads a block found by a rule: the rule's text hint first, the generic reader for the rest. */
export function readWithRule(root: Element, rule: LearnedRule, url: URL): ReviewSnapshot | null {
  const hinted = rule.textSelector ? safeQuery(root, rule.textSelector) : null;
  const text = hinted ? deepText(hinted) : '';
  const generic = readGenericReview(root, url);
  if (generic) return text ? { ...generic, text } : generic;
  if (!text) return null;
  // Taught blocks may show no rating Mend can read (满意/不满意, coloured dots): keep them, unrated.
  const sign = ratingSign(root);
  return makeSnapshot(
    { platform: 'generic', reviewId: hashedReviewId([url.hostname, text]), rating: sign?.stars ? ratingFromStars(sign.stars) : 'unknown', text, canReply: false, pageUrl: url.href },
    { stars: sign?.stars },
  );
}

function safeQuery(root: Element, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** Path segments that are ids (numbers, long hex/hash-like tokens) become `*`. */
export function ruleScopeFor(url: URL): RuleScope {
  const pathPattern = url.pathname
    .split('/')
    .map((segment) => (/\d{3,}|^[0-9a-f]{8,}$|^[A-Za-z0-9_-]{20,}$/i.test(segment) ? '*' : segment))
    .join('/');
  return { host: url.hostname, pathPattern };
}

export function ruleScopeMatches(scope: RuleScope, url: URL): boolean {
  if (url.hostname !== scope.host) return false;
  const pattern = new RegExp(`^${scope.pathPattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);
  return pattern.test(url.pathname);
}

/** Rules come back from storage: keep only well-formed ones. */
export function isLearnedRule(value: unknown): value is LearnedRule {
  const rule = value as LearnedRule;
  return (
    typeof rule === 'object' && rule !== null && rule.version === 1 && typeof rule.rootSelector === 'string' &&
    rule.rootSelector.length > 0 && (rule.textSelector === undefined || typeof rule.textSelector === 'string')
  );
}
