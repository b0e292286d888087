/**
 * Export and import through the dashboard's Data tab, as a seller does, for the e2e tests and the
 * benchmark: what the banner reported and which way the transfer went. No test-runner imports, so the
 * benchmark can use it outside Vitest.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { CASES_DB_VERSION } from '../../lib/cases/schema';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../lib/cases/transfer';
import { openExtensionPage, type MendBrowser } from './browser';
import { generateCases } from './generate-cases';

/** Which way the dashboard took (its `mend:<what>-path-<path>` mark): texts, two-threads, one-thread, or null. */
export const transferPathOf = (page: Page, what: 'export' | 'import'): Promise<string | null> =>
  page.evaluate((prefix) => {
    const mark = performance.getEntriesByType('mark').find((entry) => entry.name.startsWith(prefix));
    return mark ? mark.name.slice(prefix.length) : null;
  }, `mend:${what}-path-`);

/** Generated cases as an export file holds them (without the fields the store derives), written to `path`. */
export function writeSeedFile(path: string, count: number, seed: number): Array<{ id: string }> {
  const cases = generateCases(count, { seed }).map(({ isOpen: _o, dueAt: _d, urgencyKey: _u, recentKey: _r, ...rest }) => rest);
  writeFileSync(path, JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, schemaVersion: CASES_DB_VERSION, exportedAt: '2026-11-23T00:00:00.000Z', cases, blacklist: [] }));
  return cases;
}

export interface ImportOutcome {
  added: number;
  updated: number;
  /** The banner's text. */
  text: string;
  /** The error banner's text, or null when the import went through. */
  error: string | null;
  path: string | null;
}

export async function importThroughDashboard(mend: MendBrowser, file: string): Promise<ImportOutcome> {
  const page = await openExtensionPage(mend, 'dashboard.html#data');
  // The input stays disabled until the store is open; files given before that would go nowhere.
  const input = await page.waitForSelector('input[type="file"][data-action="import"]:not([disabled])', { timeout: 30_000 });
  await input.setInputFiles(file);
  const banner = page.locator('[data-transfer="imported"], [data-transfer="error"]');
  await banner.waitFor({ timeout: 120_000 });
  const text = (await banner.textContent()) ?? '';
  const outcome = {
    added: Number(await banner.getAttribute('data-added')),
    updated: Number(await banner.getAttribute('data-updated')),
    text,
    error: (await banner.getAttribute('data-transfer')) === 'error' ? text : null,
    path: await transferPathOf(page, 'import'),
  };
  await page.close();
  return outcome;
}

/**
 * Exports through the dashboard into `path`; `withoutWorkers` takes Worker away first, as in a browser
 * without them. Returns the file's text and the way the export went.
 */
export async function exportThroughDashboard(mend: MendBrowser, path: string, withoutWorkers = false): Promise<{ text: string; path: string | null }> {
  const page = await mend.context.newPage();
  if (withoutWorkers) await page.addInitScript(() => Reflect.deleteProperty(globalThis, 'Worker'));
  await page.goto(`chrome-extension://${mend.extensionId}/dashboard.html#data`);
  const button = await page.waitForSelector('[data-action="export"]:not([disabled])', { timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
  await download.saveAs(path);
  const way = await transferPathOf(page, 'export');
  await page.close();
  return { text: readFileSync(path, 'utf8'), path: way };
}

/** An export's text without its time stamp, so two exports of the same store compare equal. */
export const withoutExportTime = (text: string) => text.replace(/"exportedAt":"[^"]*"/, '"exportedAt":""');
