import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES_DB_VERSION } from '../../lib/cases/schema';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../lib/cases/transfer';
import { launchMend, openExtensionPage, type MendBrowser } from '../tools/browser';
import { generateCases } from '../tools/generate-cases';

/** Enough cases (and bytes) for the dashboard to hand half of an export or import to its worker. */
const CASES = 5000;

const threadsOf = (page: Page, what: 'export' | 'import') =>
  page.evaluate((name) => {
    const mark = performance.getEntriesByType('mark').find((entry) => entry.name.startsWith(`mend:${name}-threads-`));
    return mark ? Number(mark.name.slice(-1)) : null;
  }, what);

async function importFile(mend: MendBrowser, file: string): Promise<{ added: number; text: string; threads: number | null }> {
  const page = await openExtensionPage(mend, 'dashboard.html#data');
  const input = page.locator('input[type="file"][data-action="import"]');
  await expect.poll(() => input.isEnabled(), { timeout: 30_000 }).toBe(true);
  await input.setInputFiles(file);
  const banner = page.locator('[data-transfer="imported"], [data-transfer="error"]');
  await banner.waitFor({ timeout: 120_000 });
  const result = { added: Number(await banner.getAttribute('data-added')), text: (await banner.textContent()) ?? '', threads: await threadsOf(page, 'import') };
  await page.close();
  return result;
}

/** Exports through the dashboard; `withoutWorkers` takes Worker away first, as in a browser without them. */
async function exportFile(mend: MendBrowser, path: string, withoutWorkers = false): Promise<number | null> {
  const page = await mend.context.newPage();
  if (withoutWorkers) await page.addInitScript(() => Reflect.deleteProperty(globalThis, 'Worker'));
  await page.goto(`chrome-extension://${mend.extensionId}/dashboard.html#data`);
  const button = page.locator('[data-action="export"]');
  await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
  await download.saveAs(path);
  const threads = await threadsOf(page, 'export');
  await page.close();
  return threads;
}

const withoutExportTime = (text: string) => text.replace(/"exportedAt":"[^"]*"/, '"exportedAt":""');

describe('export and import with the dashboard’s worker', () => {
  const folder = mkdtempSync(join(tmpdir(), 'mend-threads-'));
  let mend: MendBrowser | undefined;
  afterAll(async () => {
    await mend?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('splits both between the page and a worker, and writes the same file as one thread', async () => {
    mend = await launchMend();
    const seed = join(folder, 'seed.json');
    const cases = generateCases(CASES, { seed: 11 }).map(({ isOpen: _o, dueAt: _d, urgencyKey: _u, recentKey: _r, ...rest }) => rest);
    writeFileSync(seed, JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, schemaVersion: CASES_DB_VERSION, exportedAt: '2026-11-23T00:00:00.000Z', cases, blacklist: [] }));
    const seeded = await importFile(mend, seed);
    expect(seeded).toMatchObject({ added: CASES, threads: 2 });

    const twoThreads = join(folder, 'two.json');
    const oneThread = join(folder, 'one.json');
    expect(await exportFile(mend, twoThreads)).toBe(2);
    expect(await exportFile(mend, oneThread, true)).toBe(1);
    const exported = readFileSync(twoThreads, 'utf8');
    expect(withoutExportTime(exported)).toBe(withoutExportTime(readFileSync(oneThread, 'utf8')));
    const byId = (list: Array<{ id: string }>) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(JSON.parse(exported).cases)).toEqual(byId(cases));

    const again = await importFile(mend, twoThreads);
    expect(again).toMatchObject({ added: 0, threads: 2 });
    expect(again.text).toContain(String(CASES));
  }, 300_000);
});
