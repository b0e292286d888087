import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchMend, openExtensionPage, readMendStore, waitForMarks, type MendBrowser } from '../tools/browser';

const REVIEW_URL = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';

/** Every case straight from the extension's IndexedDB, for comparing two profiles. */
const storedCases = (page: Page) => readMendStore<{ id: string; contacts: unknown[] }>(page, 'cases');

async function exportJson(mend: MendBrowser, folder: string): Promise<string> {
  const dashboard = await openExtensionPage(mend, 'dashboard.html');
  const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.locator('[data-action="export"]').first().click()]);
  const path = join(folder, download.suggestedFilename() || 'mend-export.json');
  await download.saveAs(path);
  await dashboard.close();
  return path;
}

describe('case workflow end to end: page → popup → contact → export → import elsewhere', () => {
  const folder = mkdtempSync(join(tmpdir(), 'mend-flow-'));
  let first: MendBrowser | undefined;
  let second: MendBrowser | undefined;
  afterAll(async () => {
    await first?.close();
    await second?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('carries every case, with its logged contact, into a fresh browser profile unchanged', async () => {
    first = await launchMend();
    first.serve({ url: REVIEW_URL, file: 'test/fixtures/qianniu/rate-list.html' });
    const page = await first.context.newPage();
    await page.goto(REVIEW_URL);
    const rows = await page.locator('tr.next-table-row').count();
    await waitForMarks(page, rows);
    await page.waitForTimeout(600);

    // Log a phone call from the popup's one-click action.
    const popup = await openExtensionPage(first, 'popup.html');
    const row = popup.locator('[data-case-id]').first();
    await row.waitFor();
    const caseId = await row.getAttribute('data-case-id');
    await row.locator('[data-action="log-contact"]').click();
    const form = popup.locator('[data-form="contact"]');
    await form.locator('select[name="channel"]').selectOption('phone');
    await form.locator('select[name="outcome"]').selectOption('no_answer');
    await form.locator('[data-action="save-contact"]').click();
    await expect
      .poll(async () => (await storedCases(popup)).find((c) => c.id === caseId)?.contacts.length ?? 0, { timeout: 5000 })
      .toBe(1);

    // Still there after reloading the popup.
    await popup.reload();
    await popup.locator('[data-case-id]').first().waitFor();
    const before = await storedCases(popup);
    expect(before.find((c) => c.id === caseId)?.contacts).toHaveLength(1);
    await popup.close();

    const file = await exportJson(first, folder);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.cases).toHaveLength(before.length);
    await first.close();
    first = undefined;

    // A new browser profile: nothing there until the file is imported.
    second = await launchMend();
    const dashboard = await openExtensionPage(second, 'dashboard.html');
    expect(await storedCases(dashboard)).toEqual([]);
    await expect.poll(() => dashboard.locator('input[type="file"][data-action="import"]').isEnabled()).toBe(true);
    await dashboard.locator('input[type="file"][data-action="import"]').setInputFiles(file);
    await dashboard.locator('[data-transfer="imported"], [data-transfer="error"]').waitFor();
    expect(await dashboard.locator('[data-transfer="error"]').count(), await dashboard.locator('[data-transfer]').first().textContent() ?? '').toBe(0);
    await expect.poll(async () => (await storedCases(dashboard)).length, { timeout: 10_000 }).toBe(before.length);
    expect(await storedCases(dashboard)).toEqual(before);

    // Importing the same file again merges by id: no duplicates, nothing changes.
    await dashboard.locator('input[type="file"][data-action="import"]').setInputFiles(file);
    await dashboard.waitForTimeout(1000);
    expect(await storedCases(dashboard)).toEqual(before);
  });
});
