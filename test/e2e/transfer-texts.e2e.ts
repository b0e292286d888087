import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES_DB_VERSION } from '../../lib/cases/schema';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../lib/cases/transfer';
import { launchMend, openExtensionPage, type MendBrowser } from '../tools/browser';
import { generateCases } from '../tools/generate-cases';

const CASES = 3000;

async function importFile(mend: MendBrowser, file: string): Promise<{ added: number; updated: number; text: string; error: string | null }> {
  const page = await openExtensionPage(mend, 'dashboard.html#data');
  const input = page.locator('input[type="file"][data-action="import"]');
  await expect.poll(() => input.isEnabled(), { timeout: 30_000 }).toBe(true);
  await input.setInputFiles(file);
  const banner = page.locator('[data-transfer="imported"], [data-transfer="error"]');
  await banner.waitFor({ timeout: 120_000 });
  const error = (await banner.getAttribute('data-transfer')) === 'error' ? await banner.textContent() : null;
  const result = {
    added: Number(await banner.getAttribute('data-added')),
    updated: Number(await banner.getAttribute('data-updated')),
    text: (await banner.textContent()) ?? '',
    error,
  };
  await page.close();
  return result;
}

async function exportFile(mend: MendBrowser, path: string): Promise<string> {
  const page = await openExtensionPage(mend, 'dashboard.html#data');
  const button = page.locator('[data-action="export"]');
  await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
  await download.saveAs(path);
  await page.close();
  return readFileSync(path, 'utf8');
}

const withoutExportTime = (text: string) => text.replace(/"exportedAt":"[^"]*"/, '"exportedAt":""');

describe('export from the stored case texts and import slice by slice, in the dashboard', () => {
  const folder = mkdtempSync(join(tmpdir(), 'mend-texts-'));
  let mend: MendBrowser | undefined;
  afterAll(async () => {
    await mend?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('exports every case, re-imports its export unchanged, and refuses a damaged copy changing nothing', async () => {
    mend = await launchMend();
    const seed = join(folder, 'seed.json');
    const cases = generateCases(CASES, { seed: 21 }).map(({ isOpen: _o, dueAt: _d, urgencyKey: _u, recentKey: _r, ...rest }) => rest);
    writeFileSync(seed, JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, schemaVersion: CASES_DB_VERSION, exportedAt: '2026-11-23T00:00:00.000Z', cases, blacklist: [] }));
    expect(await importFile(mend, seed)).toMatchObject({ added: CASES, error: null });

    const exported = await exportFile(mend, join(folder, 'first.json'));
    const byId = (list: Array<{ id: string }>) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const file = JSON.parse(exported);
    expect(file.cases.map((c: { id: string }) => c.id)).toEqual(byId(cases).map((c) => c.id));
    expect(byId(file.cases)).toEqual(byId(cases));

    const again = await importFile(mend, join(folder, 'first.json'));
    expect(again).toMatchObject({ added: 0, updated: 0, error: null });
    expect(again.text).toContain(String(CASES));

    // One case changed in the file (a newer version): merged as the plain import would.
    const changed = { ...file.cases[7], notes: [{ id: 'n-e2e', at: file.cases[7].updatedAt + 1, text: '导入时新增的备注' }], updatedAt: file.cases[7].updatedAt + 1 };
    const edited = join(folder, 'edited.json');
    writeFileSync(edited, JSON.stringify({ ...file, cases: file.cases.map((c: { id: string }, i: number) => (i === 7 ? changed : c)) }));
    expect(await importFile(mend, edited)).toMatchObject({ added: 0, updated: 1, error: null });
    const afterEdit = await exportFile(mend, join(folder, 'after-edit.json'));
    expect(withoutExportTime(afterEdit)).toBe(withoutExportTime(readFileSync(edited, 'utf8')));

    const truncated = join(folder, 'truncated.json');
    writeFileSync(truncated, afterEdit.slice(0, afterEdit.length >> 1));
    expect((await importFile(mend, truncated)).error).toBeTruthy();
    expect(withoutExportTime(await exportFile(mend, join(folder, 'after-refusal.json')))).toBe(withoutExportTime(afterEdit));
  }, 300_000);
});
