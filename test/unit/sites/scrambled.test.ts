import { describe, expect, it } from 'vitest';
import { detectReviewBlocks } from '../../../lib/sites/generic';
import { qianniuAdapter } from '../../../lib/sites/qianniu';
import { adapterFor } from '../../../lib/sites/index';
import { allManifests, loadFixture } from './fixture-dom';

/**
 * The next release of a back-office: every class name replaced by a fresh hash (the same hash for
 * the same old name, as a CSS-module build would do), test ids and text left alone.
 */
function scrambleClasses(doc: Document, seed: number): Document {
  const renamed = new Map<string, string>();
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return `c${state.toString(36).slice(0, 6)}`;
  };
  const visit = (root: ParentNode) => {
    for (const el of Array.from(root.querySelectorAll('[class]'))) {
      const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
      el.setAttribute('class', classes.map((c) => renamed.get(c) ?? (renamed.set(c, next()), renamed.get(c)!)).join(' '));
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(doc);
  return doc;
}

/**
 * Pages whose only rating sign is a class name (JD's `comment-star star2`, drawn by CSS width):
 * renaming the class removes the rating itself, and precision comes first, so these are lost.
 */
const RATING_ONLY_IN_CLASS_NAMES = ['jd/comment-manage.html'];

const fixtures = Object.entries(allManifests())
  .flatMap(([dir, manifest]) => manifest.fixtures.map((f) => ({ dir, ...f })))
  .filter((f) => !RATING_ONLY_IN_CLASS_NAMES.includes(`${f.dir}/${f.file}`));

describe('after a redeploy that renames every class', { timeout: 60_000 }, () => {
  it('the generic detector still finds every review and still marks nothing on non-review pages', () => {
    let expected = 0;
    let found = 0;
    for (const page of fixtures) {
      const adapter = adapterFor(new URL(page.url));
      const original = loadFixture(page.dir, page.file);
      const want = page.reviewCount > 0 && adapter ? adapter.findReviewRoots(original).length : page.genericExpected ?? 0;
      const got = detectReviewBlocks(scrambleClasses(loadFixture(page.dir, page.file), 7)).length;
      if (want === 0) expect({ page: page.file, got }).toEqual({ page: page.file, got: 0 });
      expected += want;
      found += Math.min(got, want);
    }
    console.log(`generic detector on class-scrambled pages: ${found}/${expected}`);
    expect(found / expected).toBeGreaterThanOrEqual(0.95);
  });

  it('the Qianniu adapter, anchored on labels, still reads every review and its text', () => {
    const url = new URL('https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC');
    for (const file of ['rate-list.html', 'rate-list-variant.html']) {
      const read = (doc: Document) => qianniuAdapter.findReviewRoots(doc).map((r) => qianniuAdapter.read(r, url)!);
      const before = read(loadFixture('qianniu', file));
      const after = read(scrambleClasses(loadFixture('qianniu', file), 11));
      expect(after.map((s) => [s.rating, s.text, s.orderId, s.date, s.replyDaysLeft, s.existingReply])).toEqual(
        before.map((s) => [s.rating, s.text, s.orderId, s.date, s.replyDaysLeft, s.existingReply]),
      );
    }
  });
});
