import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES_DB_NAME, CASES_DB_VERSION } from '../../lib/cases/schema';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../lib/cases/transfer';
import { launchMend, openExtensionPage, type MendBrowser } from '../tools/browser';
import { generateCases } from '../tools/generate-cases';

/** Enough cases (and bytes) for the dashboard to hand half of an export or import to its worker. */
const CASES = 5000;

/** Which way the dashboard took: texts, two-threads or one-thread (its `mend:<what>-path-<path>` mark). */
const pathOf = (page: Page, what: 'export' | 'import') =>
  page.evaluate((prefix) => {
    const mark = performance.getEntriesByType('mark').find((entry) => entry.name.startsWith(prefix));
    return mark ? mark.name.slice(prefix.length) : null;
  }, `mend:${what}-path-`);

/** Empties the stored case texts, as an interrupted upgrade or a hand-edited store might leave them. */
async function dropCaseTexts(mend: MendBrowser): Promise<void> {
  const page = await openExtensionPage(mend, 'dashboard.html#data');
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('case-texts', 'readwrite');
          tx.objectStore('case-texts').clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    CASES_DB_NAME,
  );
  await page.close();
}

async function importFile(mend: MendBrowser, file: string): Promise<{ added: number; text: string; path: string | null }> {
  const page = await openExtensionPage(mend, 'dashboard.html#data');
  const input = page.locator('input[type="file"][data-action="import"]');
  await expect.poll(() => input.isEnabled(), { timeout: 30_000 }).toBe(true);
  await input.setInputFiles(file);
  const banner = page.locator('[data-transfer="imported"], [data-transfer="error"]');
  await banner.waitFor({ timeout: 120_000 });
  const result = { added: Number(await banner.getAttribute('data-added')), text: (await banner.textContent()) ?? '', path: await pathOf(page, 'import') };
  await page.close();
  return result;
}

/** Exports through the dashboard; `withoutWorkers` takes Worker away first, as in a browser without them. */
async function exportFile(mend: MendBrowser, path: string, withoutWorkers = false): Promise<string | null> {
  const page = await mend.context.newPage();
  if (withoutWorkers) await page.addInitScript(() => Reflect.deleteProperty(globalThis, 'Worker'));
  await page.goto(`chrome-extension://${mend.extensionId}/dashboard.html#data`);
  const button = page.locator('[data-action="export"]');
  await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
  await download.saveAs(path);
  const way = await pathOf(page, 'export');
  await page.close();
  return way;
}

const withoutExportTime = (text: string) => text.replace(/"exportedAt":"[^"]*"/, '"exportedAt":""');

describe('export and import with the dashboard’s worker', () => {
  const folder = mkdtempSync(join(tmpdir(), 'mend-threads-'));
  let mend: MendBrowser | undefined;
  afterAll(async () => {
    await mend?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('splits both between the page and a worker when the stored texts cannot serve, and writes the same file as the texts and as one thread', async () => {
    mend = await launchMend();
    const seed = join(folder, 'seed.json');
    const cases = generateCases(CASES, { seed: 11 }).map(({ isOpen: _o, dueAt: _d, urgencyKey: _u, recentKey: _r, ...rest }) => rest);
    writeFileSync(seed, JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, schemaVersion: CASES_DB_VERSION, exportedAt: '2026-11-23T00:00:00.000Z', cases, blacklist: [] }));
    const seeded = await importFile(mend, seed);
    // A file of cases all new to the store is no match for stored texts: it goes to the worker.
    expect(seeded).toMatchObject({ added: CASES, path: 'two-threads' });

    const fromTexts = join(folder, 'texts.json');
    expect(await exportFile(mend, fromTexts)).toBe('texts');
    // Without their texts, the cases themselves are exported, half of them by the worker.
    await dropCaseTexts(mend);
    const twoThreads = join(folder, 'two.json');
    const oneThread = join(folder, 'one.json');
    expect(await exportFile(mend, twoThreads)).toBe('two-threads');
    expect(await exportFile(mend, oneThread, true)).toBe('one-thread');
    const exported = readFileSync(twoThreads, 'utf8');
    expect(withoutExportTime(exported)).toBe(withoutExportTime(readFileSync(oneThread, 'utf8')));
    expect(withoutExportTime(exported)).toBe(withoutExportTime(readFileSync(fromTexts, 'utf8')));
    const byId = (list: Array<{ id: string }>) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(JSON.parse(exported).cases)).toEqual(byId(cases));

    const again = await importFile(mend, twoThreads);
    // The stored sums still vouch for every case (only the texts were dropped): nothing to parse or write.
    expect(again).toMatchObject({ added: 0, path: 'texts' });
    expect(again.text).toContain(String(CASES));
  }, 300_000);
});
