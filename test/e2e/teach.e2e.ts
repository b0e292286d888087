import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchMend, openExtensionPage, type MendBrowser } from '../tools/browser';

// A review list Mend has no adapter for and the generic detector leaves alone (verdict words it
// does not know, no stars), on a supported host at a path no adapter claims.
const URL_UNKNOWN = 'https://shop.jd.com/new-review-center/comments/list';
const FIXTURE = 'test/fixtures/unknown/weidian-comments.html';
const REVIEWS = 6;

describe('teach by click on a page Mend does not know', () => {
  let mend: MendBrowser;
  beforeAll(async () => {
    mend = await launchMend();
    mend.serve({ url: URL_UNKNOWN, file: FIXTURE });
  });
  afterAll(async () => {
    await mend?.close();
  });

  it('recognizes nothing at first, and the popup offers to teach', async () => {
    const page = await mend.context.newPage();
    await page.goto(URL_UNKNOWN);
    await page.waitForTimeout(2200);
    expect(await page.locator('[data-mend-review]').count()).toBe(0);
    await page.close();
  });

  it('learns from one clicked review, previews every match, and keeps the rule', async () => {
    const page = await mend.context.newPage();
    await page.goto(URL_UNKNOWN);
    await page.waitForTimeout(800);
    // What the popup's "teach" button sends to the active tab.
    const worker = mend.context.serviceWorkers()[0];
    await worker.evaluate(async (url) => {
      const chrome = (globalThis as unknown as { chrome: any }).chrome;
      const [tab] = await chrome.tabs.query({ url });
      await chrome.tabs.sendMessage(tab.id, { mend: 1, type: 'teach.start', payload: {} });
    }, URL_UNKNOWN);
    await page.locator('mend-teach').waitFor({ state: 'attached' });
    const linksBefore = page.url();
    await page.locator('.cm-text_x81kq').first().click();
    expect(page.url()).toBe(linksBefore);
    const count = page.locator('mend-teach [data-teach-count]');
    await count.waitFor();
    expect(Number(await count.getAttribute('data-teach-count'))).toBe(REVIEWS);
    await page.locator('mend-teach [data-action="teach-save"]').click();
    await expect.poll(() => page.locator('[data-mend-review]').count(), { timeout: 10_000 }).toBe(REVIEWS);
    expect(await page.locator('mend-teach').count()).toBe(0);

    // The rule is saved for this host and path: a fresh load recognizes the reviews by itself.
    await page.reload();
    await expect.poll(() => page.locator('[data-mend-review] mend-review').count(), { timeout: 10_000 }).toBe(REVIEWS);
    const chips = await page.locator('[data-mend-review] mend-review').first().locator('[data-cause]').count();
    expect(chips).toBeGreaterThan(0);
    await page.close();
  });

  it('the popup reports what the tab recognized', async () => {
    const page = await mend.context.newPage();
    await page.goto(URL_UNKNOWN);
    await expect.poll(() => page.locator('[data-mend-review]').count(), { timeout: 10_000 }).toBe(REVIEWS);
    await page.waitForTimeout(800);
    const popup = await openExtensionPage(mend, 'popup.html');
    // Opened as a tab, the popup is its own active tab; ask the background directly, as the popup does.
    const health = await popup.evaluate(async (url) => {
      const chrome = (globalThis as unknown as { chrome: any }).chrome;
      const [tab] = await chrome.tabs.query({ url });
      return chrome.runtime.sendMessage({ mend: 1, type: 'tab.health.get', payload: { tabId: tab.id } });
    }, URL_UNKNOWN);
    expect(health).toMatchObject({ recognized: REVIEWS, platform: 'generic' });
    await popup.close();
    await page.close();
  });
});
