/**
 * Generic review detector for pages no adapter knows, and the fallback when an adapter finds
 * nothing on a page that looks like a review list.
 *
 * A review list is a run of sibling blocks built from the same component, most of which carry all
 * three: a rating sign (verdict word, star value, star icons), prose a buyer wrote, and an
 * order/date/buyer marker. Precision comes first: one block alone is never enough, and blocks
 * with shop/order words (库存, 待发货, Add to cart…) never count.
 */
import { genericReplyButton, readGenericReview } from './generic-read';
import { deepText, openShadowRoots } from './deep';
import { nestedCounts, outermostOnly } from './dom';
import { hasNonReviewWords, isProseHolder, isRatingSignElement, markerCount } from './review-signals';
import type { SiteAdapter } from './types';

/** Share of a group's blocks that must look like full reviews. */
const MIN_REVIEW_SHARE = 0.6;
const MIN_REVIEW_BLOCKS = 2;
/** How far up from an added subtree the detector looks for the list it belongs to. */
const CONTEXT_LEVELS = 8;

/** Class words that mark a state, not a component: siblings differ in them. */
const STATE_CLASSES = /^(first|last|odd|even|active|selected|current|checked|hover|disabled|expanded|collapsed|open|on|cur)$/i;

export function blockSignature(el: Element): string {
  const classes = (el.getAttribute('class') ?? '')
    .split(/\s+/)
    .filter((c) => c && !STATE_CLASSES.test(c) && !/(^|[-_])(first|last|odd|even|active|selected|current)$/.test(c))
    .sort()
    .join('.');
  const role = el.getAttribute('role') ?? '';
  const testId = el.getAttribute('data-testid')?.replace(/[-_]?[A-Z]?\d[\w-]*$/, '') ?? '';
  return `${el.tagName}|${classes}|${role}|${testId}`;
}

/**
 * Which elements contain prose and which contain a rating sign, found in one pass over the page:
 * each signal element marks its ancestors, so asking about any block afterwards costs nothing.
 */
class PageSignals {
  readonly prose = new Set<Element>();
  readonly rated = new Set<Element>();

  constructor(roots: readonly ParentNode[]) {
    for (const root of roots) {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (isProseHolder(el)) markUp(el, this.prose);
        if (isRatingSignElement(el)) markUp(el, this.rated);
      }
    }
  }
}

/** Marks `el` and its ancestors (across shadow hosts); stops where an ancestor is already marked. */
function markUp(el: Element, set: Set<Element>) {
  for (let up: Element | null = el; up && !set.has(up); up = up.parentElement ?? hostOf(up)) set.add(up);
}

function hostOf(el: Element): Element | null {
  const root = el.parentNode as ShadowRoot | null;
  return root && 'host' in root ? root.host : null;
}

/** Facts about one block, computed cheapest first and only as far as a decision needs. */
class BlockFacts {
  private readonly text: string;
  readonly hasText: boolean;
  readonly excluded: boolean;

  constructor(
    private readonly block: Element,
    private readonly signals: PageSignals,
  ) {
    this.text = deepText(block);
    this.hasText = this.text.length >= 2;
    this.excluded = this.hasText && hasNonReviewWords(this.text);
  }

  /** Could be a full review: a marker, before the prose and rating look-ups. */
  get candidate(): boolean {
    return this.hasText && !this.excluded && this.text.length >= 8 && markerCount(this.text) >= 1;
  }

  get rated(): boolean {
    return this.hasText && !this.excluded && this.signals.rated.has(this.block);
  }

  get reviewLike(): boolean {
    return this.candidate && this.signals.prose.has(this.block) && this.rated;
  }
}

function factsOf(block: Element, cache: Map<Element, BlockFacts>, signals: PageSignals): BlockFacts {
  let facts = cache.get(block);
  if (!facts) {
    facts = new BlockFacts(block, signals);
    cache.set(block, facts);
  }
  return facts;
}

/**
 * Children of `container` grouped by component signature; only groups of two or more. A child
 * left alone by an extra class (the first row's `first`, hashed or not) joins the group of its
 * tag whose class names it shares.
 */
function siblingGroups(container: ParentNode): Element[][] {
  const groups = new Map<string, Element[]>();
  for (const child of Array.from(container.children)) {
    const key = blockSignature(child);
    const group = groups.get(key);
    if (group) group.push(child);
    else groups.set(key, [child]);
  }
  const all = Array.from(groups.values());
  const large = all.filter((group) => group.length >= MIN_REVIEW_BLOCKS);
  for (const single of all.filter((group) => group.length === 1)) {
    const [child] = single;
    const tokens = classTokens(child);
    const home = large.find(
      (group) =>
        group[0].tagName === child.tagName &&
        group[0].getAttribute('role') === child.getAttribute('role') &&
        classTokens(group[0]).some((token) => tokens.includes(token)),
    );
    if (home) home.push(child);
  }
  return large;
}

function classTokens(el: Element): string[] {
  return (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
}

/** The review blocks of one sibling group, or none when the group is not a review list. */
function reviewsInGroup(group: Element[], cache: Map<Element, BlockFacts>, signals: PageSignals): Element[] {
  const facts = group.map((block) => factsOf(block, cache, signals));
  const withText = facts.filter((f) => f.hasText).length;
  const candidates = facts.filter((f) => f.candidate).length;
  if (candidates < MIN_REVIEW_BLOCKS || candidates < withText * MIN_REVIEW_SHARE) return [];
  // Stop as soon as too many blocks failed for the group to qualify.
  const allowedFailures = withText - Math.max(MIN_REVIEW_BLOCKS, Math.ceil(withText * MIN_REVIEW_SHARE));
  let failures = 0;
  for (const f of facts) {
    if (f.hasText && !f.reviewLike && ++failures > allowedFailures) return [];
  }
  // Short reviews ("一般") lack prose but belong to the list as long as they carry a rating.
  return group.filter((_, i) => facts[i].rated && !facts[i].excluded);
}

/** Documents and shadow roots to search: open shadow roots and same-origin iframes included. */
function searchRoots(scope: ParentNode): ParentNode[] {
  const roots: ParentNode[] = [scope, ...openShadowRoots(scope)];
  for (const root of [...roots]) {
    for (const frame of Array.from(root.querySelectorAll('iframe, frame'))) {
      let inner: Document | null = null;
      try {
        inner = (frame as HTMLIFrameElement).contentDocument;
      } catch {
        inner = null; // cross-origin: not ours to read
      }
      if (inner?.body) roots.push(...searchRoots(inner.body));
    }
  }
  return roots;
}

function containersIn(root: ParentNode): ParentNode[] {
  const self = (root as Node).nodeType === 1 ? [root] : (root as Node).nodeType === 11 ? [root] : [];
  return [...self, ...Array.from(root.querySelectorAll('*')).filter((el) => el.childElementCount >= MIN_REVIEW_BLOCKS)];
}

/** Containers around an added subtree, so its siblings give the context one block lacks. */
function ancestorContainers(el: Element): ParentNode[] {
  const out: ParentNode[] = [];
  let current: Element | null = el;
  for (let level = 0; current && level < CONTEXT_LEVELS; level++) {
    const parent: ParentNode | null = current.parentElement ?? (current.parentNode as ShadowRoot | null);
    if (!parent || (parent as Node).nodeType === 9) break;
    out.push(parent);
    current = (parent as Node).nodeType === 1 ? (parent as Element) : null;
  }
  return out;
}

/**
 * Review blocks in `scope`: a document or an added subtree. Blocks nested inside another found
 * block are dropped, so each review is returned once, outermost block first.
 */
export function detectReviewBlocks(scope: ParentNode): Element[] {
  const cache = new Map<Element, BlockFacts>();
  const self = (scope as Node).nodeType === 1 ? (scope as Element) : null;
  const containers = new Set<ParentNode>();
  const roots = searchRoots(scope);
  for (const root of roots) for (const c of containersIn(root)) containers.add(c);
  const contexts = self ? ancestorContainers(self) : [];
  for (const c of contexts) containers.add(c);
  // An added subtree is judged with its list around it: signals are read from the outermost context.
  const signals = new PageSignals(contexts.length > 0 ? [contexts[contexts.length - 1], ...roots.slice(1)] : roots);

  const found: Element[] = [];
  for (const container of containers) {
    for (const group of siblingGroups(container)) found.push(...reviewsInGroup(group, cache, signals));
  }
  const unique = Array.from(new Set(found));
  // A block holding two or more other review blocks is a section of the page (a card around the
  // table), not a review; of nested blocks holding one review, the outermost is the whole review.
  const inner = nestedCounts(unique);
  const outermost = outermostOnly(unique.filter((block) => (inner.get(block) ?? 0) < 2));
  if (!self) return outermost;
  return outermost.filter((block) => self === block || self.contains(block) || block.contains(self));
}

/** True when any review list is recognizable on the page (for the health signal). */
export function looksLikeReviewList(scope: ParentNode): boolean {
  return detectReviewBlocks(scope).length > 0;
}

export const genericAdapter: SiteAdapter = {
  platform: 'generic',
  // The generic detector is not chosen by URL; the content script falls back to it explicitly.
  matchesUrl: () => false,
  findReviewRoots: detectReviewBlocks,
  read: readGenericReview,
  replyButton: genericReplyButton,
  // Detection from an element looks at its ancestors' lists, so the block holding it comes back.
  rootOf: (el) => detectReviewBlocks(el).find((block) => block === el || block.contains(el)) ?? null,
};

/** Headings and titles of review pages, in the languages of the back-offices Mend knows. */
const REVIEW_PAGE_WORDS = /评价管理|来自买家的评价|评价列表|买家评价|商品评价|评论管理|Bewertungen|Customer Reviews|Product Reviews|Feedback Manager|Shop Ratings|Ratings|Reviews|Feedback/i;
/** Pages about reviews that hold no reviews: settings, rules, help. */
const NOT_A_REVIEW_LIST_WORDS = /设置|规则|帮助|公告|Settings|Einstellungen|Help|Hilfe/i;

function pageHeadline(doc: Document): string {
  const headings = Array.from(doc.querySelectorAll('h1, h2, [aria-current="page"], [aria-selected="true"]'))
    .map((el) => el.textContent ?? '')
    .join(' ');
  return `${doc.title} ${headings}`;
}

/**
 * For the health signal: does this page look like a review list, recognized or not? True when
 * the detector finds reviews, or when the page calls itself a review page and shows a repeated
 * run of blocks with prose and order/date/buyer markers (reviews whose rating Mend cannot read).
 */
export function looksLikeReviewPage(doc: Document): boolean {
  if (detectReviewBlocks(doc).length > 0) return true;
  const headline = pageHeadline(doc);
  if (!REVIEW_PAGE_WORDS.test(headline) || NOT_A_REVIEW_LIST_WORDS.test(headline)) return false;
  const signals = new PageSignals(searchRoots(doc));
  for (const container of containersIn(doc)) {
    for (const group of siblingGroups(container)) {
      const withProse = group.filter((block) => signals.prose.has(block) && markerCount(deepText(block)) >= 1);
      if (withProse.length >= MIN_REVIEW_BLOCKS && withProse.length >= group.length * MIN_REVIEW_SHARE) return true;
    }
  }
  return false;
}
