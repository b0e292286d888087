import { describe, expect, it } from 'vitest';
import { detectReviewBlocks, genericAdapter, looksLikeReviewList, looksLikeReviewPage } from '../../../lib/sites/generic';
import { adapterFor } from '../../../lib/sites/index';
import type { ReviewSnapshot } from '../../../lib/sites/types';
import { lateFollowUpRowHtml, lateReviewRowsHtml, lateRowsTarget } from '../../fixtures/qianniu/late-rows';
import { allManifests, loadFixture, parseRows } from './fixture-dom';

const fixtures = Object.entries(allManifests()).flatMap(([dir, manifest]) =>
  manifest.fixtures.map((fixture) => ({ dir, ...fixture })),
);
const reviewPages = fixtures.filter((f) => f.reviewCount > 0 && adapterFor(new URL(f.url)));
const nonReviewPages = fixtures.filter((f) => f.reviewCount === 0);

/** Generic block ↔ adapter root: the same element, or one holding the other. */
const sameReview = (block: Element, root: Element) => block === root || block.contains(root) || root.contains(block);

describe('generic detector: precision and recall over every fixture', { timeout: 60_000 }, () => {
  it('marks nothing on non-review pages (orders, chat, products, notices, settings, orders on Qianniu)', () => {
    expect(nonReviewPages.length).toBeGreaterThanOrEqual(6);
    for (const page of nonReviewPages) {
      expect({ page: page.file, found: detectReviewBlocks(loadFixture(page.dir, page.file)).length }).toEqual({ page: page.file, found: 0 });
    }
  });

  it('finds ≥ 95% of the reviews adapters find, and nothing else', () => {
    let expected = 0;
    let recalled = 0;
    let falseMarks = 0;
    for (const page of reviewPages) {
      const doc = loadFixture(page.dir, page.file);
      const roots = adapterFor(new URL(page.url))!.findReviewRoots(doc);
      expect(roots).toHaveLength(page.reviewCount);
      const blocks = detectReviewBlocks(doc);
      expected += roots.length;
      recalled += roots.filter((root) => blocks.some((block) => sameReview(block, root))).length;
      // Each block must be exactly one review: not a section spanning two, not something else.
      falseMarks += blocks.filter((block) => roots.filter((root) => sameReview(block, root)).length !== 1).length;
    }
    console.log(`generic detector: recall ${recalled}/${expected}, false marks ${falseMarks}, pages ${reviewPages.length}`);
    expect(falseMarks).toBe(0);
    expect(recalled / expected).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the reviews on platforms it has no adapter for, and reads their verdicts', () => {
    const unknown = fixtures.filter((f) => f.genericExpected !== undefined);
    expect(unknown.length).toBeGreaterThanOrEqual(3);
    for (const page of unknown) {
      const blocks = detectReviewBlocks(loadFixture(page.dir, page.file));
      expect({ page: page.file, found: blocks.length }).toEqual({ page: page.file, found: page.genericExpected });
      const snapshots = blocks.map((b) => genericAdapter.read(b, new URL(page.url)));
      expect(snapshots.every((s) => s && s.rating !== 'unknown' && s.text.length > 5 && s.orderId)).toBe(true);
    }
  });

  it('reads the fields an adapter reads on the same block, for nearly every review', () => {
    const agree: Record<string, [number, number]> = {};
    const count = (field: keyof ReviewSnapshot, a: ReviewSnapshot, g: ReviewSnapshot | null) => {
      if (a[field] === undefined) return;
      const slot = (agree[field] ??= [0, 0]);
      slot[1]++;
      if (JSON.stringify(g?.[field]) === JSON.stringify(a[field])) slot[0]++;
    };
    for (const page of reviewPages) {
      const url = new URL(page.url);
      const adapter = adapterFor(url)!;
      const doc = loadFixture(page.dir, page.file);
      const blocks = detectReviewBlocks(doc);
      for (const root of adapter.findReviewRoots(doc)) {
        const block = blocks.find((b) => sameReview(b, root));
        if (!block) continue;
        const a = adapter.read(root, url)!;
        const g = genericAdapter.read(block, url);
        expect(g?.platform).toBe('generic');
        for (const field of ['rating', 'text', 'orderId', 'date', 'existingReply'] as const) count(field, a, g);
      }
    }
    console.log('generic reader agreement with adapters', JSON.stringify(agree));
    expect(agree.rating[0]).toBe(agree.rating[1]);
    expect(agree.orderId[0]).toBe(agree.orderId[1]);
    expect(agree.text[0] / agree.text[1]).toBeGreaterThanOrEqual(0.95);
    expect(agree.date[0] / agree.date[1]).toBeGreaterThanOrEqual(0.95);
    expect(agree.existingReply[0]).toBe(agree.existingReply[1]);
  });
});

describe('generic detector on parts of a page', () => {
  it('finds a late row from the added row alone, using its siblings as context', () => {
    const doc = loadFixture('qianniu', 'rate-list.html');
    const tbody = doc.querySelector(lateRowsTarget)!;
    const added = parseRows(doc, lateReviewRowsHtml);
    for (const row of added) tbody.appendChild(row);
    const found = added.flatMap((row) => detectReviewBlocks(row));
    expect(found).toEqual([added[0], added[2]]);
    const [followUp] = parseRows(doc, lateFollowUpRowHtml);
    tbody.appendChild(followUp);
    expect(detectReviewBlocks(followUp)).toEqual([]);
  });

  // happy-dom does not load frames; the frame's document is supplied the way a same-origin frame
  // exposes it (contentDocument), and a cross-origin one (contentDocument throws) is skipped.
  it('finds reviews in a same-origin iframe and skips cross-origin ones', () => {
    const page = loadFixture('non-review', 'settings.html');
    const sameOrigin = page.createElement('iframe');
    const inner = loadFixture('jd', 'comment-manage.html');
    Object.defineProperty(sameOrigin, 'contentDocument', { get: () => inner });
    const crossOrigin = page.createElement('iframe');
    Object.defineProperty(crossOrigin, 'contentDocument', {
      get: () => {
        throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
      },
    });
    page.body.append(sameOrigin, crossOrigin);
    const blocks = detectReviewBlocks(page);
    expect(blocks).toHaveLength(8);
    expect(blocks.every((b) => b.ownerDocument === inner)).toBe(true);
  });

  it('maps any element inside a review back to its block', () => {
    const doc = loadFixture('unknown', 'shopee-ratings.html');
    const blocks = detectReviewBlocks(doc);
    const reply = blocks[2].querySelector('button')!;
    expect(genericAdapter.rootOf!(reply)).toBe(blocks[2]);
    expect(genericAdapter.rootOf!(doc.querySelector('h1')!)).toBeNull();
  });

  it('answers the health question: does this page look like a review list', () => {
    expect(looksLikeReviewList(loadFixture('otto', 'reviews.html'))).toBe(true);
    expect(looksLikeReviewList(loadFixture('non-review', 'chat.html'))).toBe(false);
  });

  it('tells "a review page Mend cannot read" apart from pages that are not review lists', () => {
    // Recognized pages and the unreadable one (verdicts Mend does not know) look like review pages…
    expect(looksLikeReviewPage(loadFixture('unknown', 'weidian-comments.html'))).toBe(true);
    expect(looksLikeReviewPage(loadFixture('qianniu', 'rate-list-variant.html'))).toBe(true);
    // …order lists, chats, product lists, notices and review settings do not.
    for (const page of nonReviewPages) expect({ page: page.file, looks: looksLikeReviewPage(loadFixture(page.dir, page.file)) }).toEqual({ page: page.file, looks: false });
  });
});
