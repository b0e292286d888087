/**
 * DOM reading helpers shared by the adapters. Read-only: nothing here writes to the page.
 */

/** Text of a node with runs of whitespace collapsed, the way a person reads it. */
export function textOf(node: Node | null | undefined): string {
  return collapseSpaces(node?.textContent ?? '');
}

/** Runs of whitespace as one space, none at the ends. */
export function collapseSpaces(text: string): string {
  // Most texts have nothing but single spaces between words: then there is nothing to collapse and
  // no copy to make (the result is the same either way).
  return (NEEDS_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** Whitespace other than a lone space: a tab, a newline, or two in a row. */
const NEEDS_COLLAPSE = /[^\S ]|\s\s/;

/** The scope itself when it is an element, so a query can also match the scope. */
export function scopeElement(scope: ParentNode): Element | null {
  return (scope as Node).nodeType === 1 ? (scope as Element) : null;
}

/** Every element in `scope` (and the scope itself) matching `selector`, in document order. */
export function queryAllIncludingSelf(scope: ParentNode, selector: string): Element[] {
  const self = scopeElement(scope);
  const found = Array.from(scope.querySelectorAll(selector));
  return self && self.matches(selector) ? [self, ...found] : found;
}

/** First element matching one of the selectors, tried in order (most trusted first). */
export function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const hit = root.querySelector(selector);
    if (hit) return hit;
  }
  return null;
}

/**
 * Elements whose own text (not counting descendants' extra text) matches `pattern`.
 * Anchoring on the smallest element that carries a label survives class-name changes.
 */
export function elementsWithOwnText(scope: ParentNode, pattern: RegExp): Element[] {
  const out: Element[] = [];
  const doc = (scope as Node).ownerDocument ?? (scope as Document);
  const walker = doc.createTreeWalker(scope as Node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || out[out.length - 1] === parent) continue;
    if (pattern.test((node.nodeValue ?? '').trim()) && !isHidden(parent)) out.push(parent);
  }
  return out;
}

/**
 * `elementsWithOwnText(scope, exact)` for labels that always contain `word` (a non-global pattern):
 * only children whose text contains the word are entered. A review row holds one label among dozens
 * of text nodes, and every node a walk passes gets a wrapper object the page's collector has to
 * sweep; this way only the label's ancestors and their siblings are touched.
 */
export function elementsWithLabel(scope: ParentNode, word: RegExp, exact: RegExp): Element[] {
  const out: Element[] = [];
  const visit = (node: ParentNode) => {
    for (let child = (node as Node).firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) {
        if (word.test(child.textContent ?? '')) visit(child as Element);
        continue;
      }
      if (child.nodeType !== 3) continue;
      const parent = child.parentElement;
      if (!parent || out[out.length - 1] === parent) continue;
      if (exact.test((child.nodeValue ?? '').trim()) && !isHidden(parent)) out.push(parent);
    }
  };
  visit(scope);
  return out;
}

/** Elements that are clearly not rendered text (scripts, styles, templates). */
function isHidden(el: Element): boolean {
  const tag = el.tagName;
  return tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'NOSCRIPT';
}

/** A clickable element whose visible text is exactly one of `labels`. */
export function buttonWithText(root: ParentNode, labels: readonly string[]): HTMLElement | null {
  const candidates = root.querySelectorAll<HTMLElement>('button, a, [role="button"]');
  for (const label of labels) {
    for (let i = 0; i < candidates.length; i++) {
      if (textOf(candidates[i]) === label) return candidates[i];
    }
  }
  return null;
}

export function isDisabled(el: Element): boolean {
  return (
    el.hasAttribute('disabled') ||
    el.getAttribute('aria-disabled') === 'true' ||
    /(^|[\s-])disabled(\s|$)/.test(el.getAttribute('class') ?? '')
  );
}

/** The `id` (or another) query parameter of a link, tolerant of protocol-relative hrefs. */
export function queryParam(href: string, name: string): string | undefined {
  // Reviews of one product share its link: a long page would otherwise parse the same URL hundreds of times.
  const key = `${name}\u0000${href}`;
  if (queryParamCache.has(key)) return queryParamCache.get(key);
  const value = parseQueryParam(href, name);
  if (queryParamCache.size >= QUERY_PARAM_CACHE_SIZE) queryParamCache.clear();
  queryParamCache.set(key, value);
  return value;
}

const QUERY_PARAM_CACHE_SIZE = 256;
const queryParamCache = new Map<string, string | undefined>();

function parseQueryParam(href: string, name: string): string | undefined {
  try {
    const value = new URL(href, 'https://placeholder.invalid/').searchParams.get(name);
    return value ?? undefined;
  } catch {
    return undefined;
  }
}

/** Absolute URL for a link as the page wrote it, without resolving against the test host. */
export function absoluteHref(href: string): string {
  return href.startsWith('//') ? `https:${href}` : href;
}

/** Parent across shadow boundaries: a shadow root's host counts as the parent of its children. */
function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode as ShadowRoot | null;
  return root && 'host' in root ? root.host : null;
}

/** How many of `elements` sit inside each element of `elements` (ancestor walks, not n² contains). */
export function nestedCounts(elements: readonly Element[]): Map<Element, number> {
  const counts = new Map<Element, number>(elements.map((el) => [el, 0]));
  for (const el of elements) {
    for (let up = parentAcrossShadow(el); up; up = parentAcrossShadow(up)) {
      const count = counts.get(up);
      if (count !== undefined) counts.set(up, count + 1);
    }
  }
  return counts;
}

/** `elements` without duplicates and without any element nested in another one of them. */
export function outermostOnly(elements: readonly Element[]): Element[] {
  const set = new Set(elements);
  const out: Element[] = [];
  for (const el of set) {
    let nested = false;
    for (let up = parentAcrossShadow(el); up && !nested; up = parentAcrossShadow(up)) nested = set.has(up);
    if (!nested) out.push(el);
  }
  return out;
}
