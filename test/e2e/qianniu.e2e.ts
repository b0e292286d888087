import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchMend, openExtensionPage, waitForMarks, type MendBrowser } from '../tools/browser';
import { fillPage, KEEP_NAMES_SHIM } from '../tools/bench-page';

const REVIEW_URL = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC?current=1&pageSize=20';
const ORDERS_URL = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold';
const FIXTURE = 'test/fixtures/qianniu/rate-list.html';

/** What the fixture holds, read from its rows' rating labels (the filter bar has the same words). */
function fixtureCounts() {
  const html = readFileSync(FIXTURE, 'utf8');
  const labels = Array.from(html.matchAll(/class="rate-type-text">(正面|中性|负面)评价</g), (m) => m[1]);
  return {
    all: labels.length,
    mediumOrBad: labels.filter((label) => label !== '正面').length,
  };
}

/** Per review root: the id, the shadow UI's cause chips, risk badge and buttons. */
async function marks(page: Page) {
  return page.$$eval('[data-mend-review]', (roots) =>
    roots.map((root) => {
      const ui = root.querySelector('mend-review');
      const shadow = ui?.shadowRoot;
      return {
        id: root.getAttribute('data-mend-review'),
        label: root.querySelector('.rate-type-text')?.textContent ?? null,
        causes: shadow ? Array.from(shadow.querySelectorAll('[data-cause]')).map((c) => c.getAttribute('data-cause')) : null,
        risk: shadow?.querySelector('[data-risk]')?.getAttribute('data-risk') ?? null,
        draft: Boolean(shadow?.querySelector('[data-action="draft"]')),
        track: Boolean(shadow?.querySelector('[data-action="track"]')),
      };
    }),
  );
}

describe('Qianniu review page, end to end in Chromium', () => {
  let mend: MendBrowser;
  const expected = fixtureCounts();

  beforeAll(async () => {
    mend = await launchMend();
    mend.serve({ url: REVIEW_URL, file: FIXTURE });
    mend.serve({ url: ORDERS_URL, file: 'test/fixtures/qianniu/orders-list.html' });
  });
  afterAll(async () => {
    await mend?.close();
  });

  it('marks every review with chips on the medium/bad ones', async () => {
    const page = await mend.context.newPage();
    await page.goto(REVIEW_URL);
    await waitForMarks(page, expected.all);
    const found = await marks(page);
    expect(found).toHaveLength(expected.all);
    expect(new Set(found.map((m) => m.id)).size).toBe(expected.all);
    for (const mark of found) {
      expect(mark.risk, `risk badge on ${mark.id}`).toMatch(/^(low|watch|high)$/);
      expect(mark.draft && mark.track, `actions on ${mark.id}`).toBe(true);
      if (mark.label === '正面评价') expect(mark.causes, `no chips on positive ${mark.id}`).toEqual([]);
      else expect(mark.causes!.length, `chips on ${mark.id} (${mark.label})`).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('shows one case per medium/bad review in the popup, still there after reloading it', async () => {
    const popup = await openExtensionPage(mend, 'popup.html');
    await popup.waitForSelector('[data-case-id]');
    await expect.poll(() => popup.locator('[data-case-id]').count()).toBe(expected.mediumOrBad);
    const ids = await popup.$$eval('[data-case-id]', (rows) => rows.map((r) => r.getAttribute('data-case-id')));
    expect(new Set(ids).size).toBe(expected.mediumOrBad);
    await popup.reload();
    await popup.waitForSelector('[data-case-id]');
    expect(await popup.locator('[data-case-id]').count()).toBe(expected.mediumOrBad);
    await popup.close();
  });

  it('does not duplicate cases when the page is visited again', async () => {
    const page = await mend.context.newPage();
    await page.goto(REVIEW_URL);
    await waitForMarks(page, expected.all);
    await page.waitForTimeout(300);
    const popup = await openExtensionPage(mend, 'popup.html');
    await popup.waitForSelector('[data-case-id]');
    expect(await popup.locator('[data-case-id]').count()).toBe(expected.mediumOrBad);
    await popup.close();
    await page.close();
  });

  it('leaves an orders list on the same host unmarked', async () => {
    const page = await mend.context.newPage();
    await page.goto(ORDERS_URL);
    await page.waitForTimeout(1000);
    expect(await page.locator('[data-mend-review]').count()).toBe(0);
    expect(await page.locator('mend-review').count()).toBe(0);
    await page.close();
  });

  it('picks up a review list reached by in-app navigation (pushState), without a reload', async () => {
    const page = await mend.context.newPage();
    await page.goto(ORDERS_URL);
    await page.waitForTimeout(300);
    const reviewMarkup = readFileSync(FIXTURE, 'utf8');
    await page.evaluate(
      ({ markup, url }) => {
        const doc = new DOMParser().parseFromString(markup, 'text/html');
        history.pushState({}, '', url);
        document.body.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
      },
      { markup: reviewMarkup, url: REVIEW_URL },
    );
    await waitForMarks(page, expected.all);
    expect(await page.locator('[data-mend-review]').count()).toBe(expected.all);
    await page.close();
  });

  it('on a long list, marks every review at once and gives each its UI as it comes near the viewport', async () => {
    const page = await mend.context.newPage();
    await page.goto(REVIEW_URL);
    await waitForMarks(page, 1);
    await page.evaluate(KEEP_NAMES_SHIM);
    // An infinite-scroll page grown to 300 reviews in three chunks (the page benchmark's fill).
    const filled = await page.evaluate(fillPage, { chunks: 3, perChunk: 100, extra: 0, expectMarks: true });
    expect(filled.markAllAfterLastChunkMs).not.toBeNull();
    const state = () =>
      page.$$eval('[data-mend-review]', (roots) => roots.map((root) => ({ id: root.getAttribute('data-mend-review'), ui: root.querySelector('mend-review') !== null })));
    const before = await state();
    expect(before.length).toBeGreaterThanOrEqual(300);
    expect(before[0].ui).toBe(true);
    expect(before[before.length - 1].ui).toBe(false);
    await page.locator('[data-mend-review]').last().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-mend-review]')).pop()?.querySelector('mend-review') != null);
    const last = page.locator('[data-mend-review]').last().locator('mend-review');
    expect(await last.evaluate((ui) => ui.shadowRoot!.querySelectorAll('[data-action="draft"], [data-action="track"]').length)).toBe(2);
    await page.close();
  });

  it('stays off a platform the seller switched off — the generic detector included', async () => {
    const options = await openExtensionPage(mend, 'options.html');
    const setDisabled = (platforms: string[]) =>
      options.evaluate(async (disabledPlatforms) => {
        // The extension page's own storage API; this test file has no extension typings.
        const storage = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, object>>; set(items: object): Promise<void> } } } }).chrome.storage.local;
        const { settings } = await storage.get('settings');
        await storage.set({ settings: { ...(settings ?? {}), disabledPlatforms } });
      }, platforms);
    await setDisabled(['qianniu']);
    const page = await mend.context.newPage();
    await page.goto(REVIEW_URL);
    // Past the moment the detector would take over a page its adapter cannot read.
    await page.waitForTimeout(2500);
    expect(await page.locator('[data-mend-review]').count()).toBe(0);
    await page.close();
    await setDisabled([]);
    await options.close();
  });

  it('sent nothing to the network: every request was a served fixture', () => {
    const unexpected = mend.requests.filter((url) => ![REVIEW_URL, ORDERS_URL].includes(url.split('#')[0]));
    expect(unexpected).toEqual([]);
  });
});
