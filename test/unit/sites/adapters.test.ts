import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../lib/sites/index';
import type { ReviewSnapshot, SiteAdapter } from '../../../lib/sites/types';
import { allManifests, loadFixture, type FixtureEntry } from './fixture-dom';

/** Every platform fixture with a field-by-field manifest, read by the adapter for its real URL. */
const withFields = (f: FixtureEntry) => (f.reviews?.length ?? 0) > 0;
const manifests = Object.entries(allManifests()).filter(([, manifest]) => manifest.fixtures.some(withFields));

function withoutIdentity(snapshot: ReviewSnapshot) {
  const { platform: _p, reviewId: _r, pageUrl: _u, ...rest } = snapshot;
  return rest;
}

describe.each(manifests)('%s adapter', (dir, manifest) => {
  it('has at least two markup variants', () => {
    expect(manifest.fixtures.filter(withFields).length).toBeGreaterThanOrEqual(2);
  });

  describe.each(manifest.fixtures.filter(withFields))('$file', (fixture) => {
    const url = new URL(fixture.url);
    const adapter = adapterFor(url) as SiteAdapter;

    it('is the adapter chosen for the real URL', () => {
      expect(adapter?.platform).toBe(manifest.platform);
    });

    it('finds every review once and reads every field', () => {
      const doc = loadFixture(dir, fixture.file);
      const roots = adapter.findReviewRoots(doc);
      const snapshots = roots.map((root) => adapter.read(root, url));
      expect(snapshots.map((s) => s && withoutIdentity(s))).toEqual(fixture.reviews);
      for (const s of snapshots) {
        expect(s?.platform).toBe(manifest.platform);
        expect(s?.pageUrl).toBe(url.href);
      }
    });

    it('gives ids that are distinct and stable across loads', () => {
      const ids = () => adapter.findReviewRoots(loadFixture(dir, fixture.file)).map((root) => adapter.read(root, url)?.reviewId);
      const first = ids();
      expect(new Set(first).size).toBe(fixture.reviewCount);
      expect(ids()).toEqual(first);
    });

    it('finds a review from a subtree: the root itself, or any element inside it', () => {
      const doc = loadFixture(dir, fixture.file);
      const roots = adapter.findReviewRoots(doc);
      for (const root of roots) {
        expect(adapter.findReviewRoots(root)).toEqual([root]);
        const inner = root.querySelector('*:not(svg *)');
        if (inner) expect(adapter.rootOf?.(inner) ?? root).toBe(root);
      }
    });

    it('points at a reply button exactly when it can reply', () => {
      const doc = loadFixture(dir, fixture.file);
      for (const root of adapter.findReviewRoots(doc)) {
        const button = adapter.replyButton?.(root) ?? null;
        expect(button !== null).toBe(adapter.read(root, url)?.canReply);
      }
    });
  });
});
