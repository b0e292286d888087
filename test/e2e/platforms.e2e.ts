import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SUPPORTED_HOST_PATTERNS } from '../../lib/sites/hosts';
import { launchMend, openExtensionPage, readMendStore, type MendBrowser } from '../tools/browser';

interface FixtureEntry {
  file: string;
  url: string;
  reviews?: { rating: string }[];
  reviewCount?: number;
  genericExpected?: number;
}

const FIXTURES = join(process.cwd(), 'test/fixtures');
const supported = (url: string) => SUPPORTED_HOST_PATTERNS.some((pattern) => url.startsWith(pattern.slice(0, -1)));

/** Every fixture page with the real address it is served at (manifests written with the adapters). */
const pages = readdirSync(FIXTURES)
  .filter((dir) => {
    try {
      readFileSync(join(FIXTURES, dir, 'manifest.json'));
      return true;
    } catch {
      return false;
    }
  })
  .flatMap((dir) => {
    const manifest = JSON.parse(readFileSync(join(FIXTURES, dir, 'manifest.json'), 'utf8')) as { platform: string; fixtures: FixtureEntry[] };
    return manifest.fixtures.map((fixture) => ({ dir, platform: manifest.platform, ...fixture, path: `test/fixtures/${dir}/${fixture.file}` }));
  })
  .filter((page) => supported(page.url));

/** Pages Mend has never seen (test/fixtures/unseen, labelled by hand): redesigns and other pages. */
const unseen = JSON.parse(readFileSync(join(FIXTURES, 'unseen', 'labels.json'), 'utf8')) as {
  pages: { platform: string; file: string; url: string; reviews: { rating: string }[] }[];
  nonReview: { file: string; url: string }[];
};
pages.push(
  ...unseen.pages.map((page) => ({ dir: 'unseen', ...page, reviewCount: page.reviews.length, path: `test/fixtures/unseen/${page.file}` })),
  ...unseen.nonReview.map((page) => ({ dir: 'unseen', platform: 'generic', ...page, reviewCount: 0, path: `test/fixtures/unseen/${page.file}` })),
);

const reviewPages = pages.filter((page) => (page.reviews?.length ?? page.reviewCount ?? 0) > 0);
const reviewCount = (page: FixtureEntry) => page.reviews?.length ?? page.reviewCount ?? 0;
/** Medium/bad reviews of a fixture; Qianniu's manifest gives counts, its unit tests give the fields. */
const unhappyCount = (page: FixtureEntry) =>
  page.reviews ? page.reviews.filter((r) => r.rating === 'medium' || r.rating === 'bad').length : undefined;
const nonReviewPages = pages.filter((page) => page.reviewCount === 0);

/** Marks on the page, looking into open shadow roots (Amazon's Katal components). */
async function markedRoots(page: Page) {
  return page.evaluate(() => {
    const found: { id: string; chips: number }[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('[data-mend-review]'))) {
        const ui = Array.from(el.querySelectorAll('mend-review')).find((w) => w.closest('[data-mend-review]') === el) ?? el.querySelector('mend-review');
        found.push({ id: el.getAttribute('data-mend-review')!, chips: ui?.shadowRoot?.querySelectorAll('[data-cause]').length ?? -1 });
      }
      for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot && el.tagName !== 'MEND-REVIEW') visit(el.shadowRoot);
    };
    visit(document);
    return found;
  });
}

describe('reviews on every supported back-office, at their real URLs', () => {
  let mend: MendBrowser;
  beforeAll(async () => {
    mend = await launchMend();
  });
  /** Two fixtures may share an address (differing only by #hash): serve the one under test. */
  const open = async (fixture: (typeof pages)[number]) => {
    mend.serve({ url: fixture.url.split('#')[0], file: fixture.path });
    const page = await mend.context.newPage();
    await page.goto(fixture.url);
    return page;
  };
  /**
   * Case ids Mend must have opened: `${platform}:${reviewId}` of every review that got chips. A page
   * its adapter no longer understands is read by the generic detector, whose cases keep the platform.
   */
  const expectedCases = new Set<string>();
  afterAll(async () => {
    await mend?.close();
  });

  it('has fixtures for all seven platforms', () => {
    expect(new Set(reviewPages.map((p) => p.platform))).toEqual(
      new Set(['qianniu', 'taobao_classic', 'pinduoduo', 'douyin', 'jd', 'kuaishou', 'otto', 'amazon']),
    );
  });

  for (const fixture of reviewPages) {
    it(`${fixture.platform}: ${fixture.file} — every review marked, chips on medium/bad`, async () => {
      const page = await open(fixture);
      const expected = reviewCount(fixture);
      await expect.poll(async () => (await markedRoots(page)).filter((m) => m.chips >= 0).length, { timeout: 10_000 }).toBe(expected);
      const marks = await markedRoots(page);
      const unhappy = unhappyCount(fixture) ?? marks.filter((m) => m.chips > 0).length;
      for (const mark of marks) {
        if (mark.chips <= 0) continue;
        expectedCases.add(`${fixture.platform}:${mark.id}`);
      }
      // Chips appear on unhappy reviews (and on unrated ones whose text is negative).
      expect(marks.filter((m) => m.chips > 0).length).toBeGreaterThanOrEqual(unhappy);
      expect(unhappy).toBeGreaterThan(0);
      await page.waitForTimeout(200);
      await page.close();
    });
  }

  for (const fixture of nonReviewPages) {
    it(`no marks on a non-review page: ${fixture.dir}/${fixture.file}`, async () => {
      const page = await open(fixture);
      await page.waitForTimeout(2200);
      expect(await markedRoots(page)).toEqual([]);
      await page.close();
    });
  }

  // A back-office that renders its list seconds after load, in markup its adapter may no longer know
  // (one redesign per platform: most of them are read by the generic detector).
  const firstPerPlatform = unseen.pages.filter((page, i) => unseen.pages.findIndex((p) => p.platform === page.platform) === i);
  for (const fixture of firstPerPlatform) {
    it(`${fixture.platform}: a redesigned list rendered 3 s after load is still recognized (${fixture.file})`, async () => {
      const body = readFileSync(join(FIXTURES, 'unseen', fixture.file), 'utf8');
      const url = `${fixture.url.split('#')[0]}${fixture.url.includes('?') ? '&' : '?'}late=1`;
      const delayed = body.replace(/<body([^>]*)>/i, '<body$1><template id="late-list">').replace(/<\/body>/i, `</template><script>
        setTimeout(() => { const t = document.getElementById('late-list'); t.replaceWith(t.content); }, 3000);
      </script></body>`);
      mend.serve({ url, html: delayed });
      const page = await mend.context.newPage();
      await page.goto(url);
      await page.waitForTimeout(3000);
      await expect.poll(async () => (await markedRoots(page)).length, { timeout: 10_000 }).toBe(fixture.reviews.length);
      await page.close();
    });
  }

  it('opens a case for every medium/bad review seen', async () => {
    expect(expectedCases.size).toBeGreaterThan(30);
    const popup = await openExtensionPage(mend, 'popup.html');
    await popup.waitForSelector('[data-case-id]');
    // The popup lists a window of rows; the dashboard holds them all.
    const dashboard = await openExtensionPage(mend, 'dashboard.html');
    await expect
      .poll(async () => {
        const ids = new Set((await readMendStore<{ id: string }>(dashboard, 'cases')).map((c) => c.id));
        return [...expectedCases].filter((id) => !ids.has(id));
      }, { timeout: 10_000 })
      .toEqual([]);
    await popup.close();
    await dashboard.close();
  });
});
