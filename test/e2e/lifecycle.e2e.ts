import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchMend, openExtensionPage, waitForMarks, type MendBrowser } from '../tools/browser';

const REVIEW_URL = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';

describe('extension lifecycle with pages open', () => {
  let mend: MendBrowser;
  // A fresh browser per test: a reloaded extension must not leak into the next test.
  beforeEach(async () => {
    mend = await launchMend();
    mend.serve({ url: REVIEW_URL, file: 'test/fixtures/qianniu/rate-list.html' });
  });
  afterEach(async () => {
    await mend?.close();
  });

  const openCases = async () => {
    const popup = await openExtensionPage(mend, 'popup.html');
    await popup.waitForSelector('[data-case-id], .empty');
    const count = await popup.locator('[data-case-id]').count();
    await popup.close();
    return count;
  };

  it('an extension reload cleans up the old content script without errors and loses no case', async () => {
    await mend.close();
    const profileDir = mkdtempSync(join(tmpdir(), 'mend-lifecycle-'));
    mend = await launchMend({ profileDir });
    mend.serve({ url: REVIEW_URL, file: 'test/fixtures/qianniu/rate-list.html' });
    const page = await mend.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(REVIEW_URL);
    const rows = await page.locator('tr.next-table-row').count();
    await waitForMarks(page, rows);
    await page.waitForTimeout(500);
    const casesBefore = await openCases();
    expect(casesBefore).toBeGreaterThan(0);

    const worker = mend.context.serviceWorkers()[0];
    // The worker dies with the reload, so the evaluation may never answer.
    void worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => {});

    // The orphaned script notices within a few seconds and takes its UI away.
    await page.waitForFunction(() => document.querySelectorAll('mend-review').length === 0, undefined, { timeout: 10_000 });
    expect(await page.locator('[data-mend-review]').count()).toBe(0);
    expect(errors).toEqual([]);

    // Headless Chromium does not bring a reloaded unpacked extension back, so the browser is
    // restarted on the same profile, as after an update: the cases survived in IndexedDB.
    await mend.close();
    mend = await launchMend({ profileDir });
    mend.serve({ url: REVIEW_URL, file: 'test/fixtures/qianniu/rate-list.html' });
    const again = await mend.context.newPage();
    await again.goto(REVIEW_URL);
    await waitForMarks(again, rows);
    expect(await openCases()).toBe(casesBefore);
    await mend.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('a service-worker restart loses nothing: cases and tab health come from storage', async () => {
    const page = await mend.context.newPage();
    await page.goto(REVIEW_URL);
    const rows = await page.locator('tr.next-table-row').count();
    await waitForMarks(page, rows);
    await page.waitForTimeout(800);
    const before = await openCases();

    // Stopping the worker as Chrome does when idle: a new one starts on the next event.
    const cdp = await mend.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(500);

    expect(await openCases()).toBe(before);
    await page.reload();
    await waitForMarks(page, rows);
    // Tracking after the restart still reaches a working background.
    const track = page.locator('mend-review').first().locator('[data-action="track"]');
    await track.click();
    await expect.poll(() => track.getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });
});
