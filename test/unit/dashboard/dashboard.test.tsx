import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DashboardApp } from '../../../entrypoints/dashboard/DashboardApp';
import { openCasesDb } from '../../../lib/cases/repository';
import { CASES_DB_VERSION } from '../../../lib/cases/schema';
import { parseCasesExport } from '../../../lib/cases/transfer';
import { generateCases } from '../../tools/generate-cases';
import { analysis, snapshot } from '../cases/fixtures';
import { changeValue, click, freshStore, mount, putCases, waitFor } from '../popup/ui-helpers';

const NOW = Date.now();

let cleanup: (() => void) | null = null;
let downloads: Blob[] = [];

beforeEach(() => {
  downloads = [];
  // Downloads stay in the test: capture the blob, do not navigate anywhere.
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    downloads.push(blob as Blob);
    return `blob:mend-test-${downloads.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});

afterEach(() => {
  cleanup?.();
  cleanup = null;
  history.replaceState(null, '', '/');
});

function openDashboard(factory: IDBFactory, hash = '') {
  history.replaceState(null, '', `/dashboard.html${hash}`);
  const view = mount(<DashboardApp store={{ factory }} />);
  cleanup = view.unmount;
  return view;
}

async function chooseFile(host: HTMLElement, text: string, name = 'cases.json') {
  const input = host.querySelector<HTMLInputElement>('input[type="file"][data-action="import"]')!;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const sortedIds = async (factory: IDBFactory) => {
  const repo = await openCasesDb({ factory });
  const ids = (await repo.all()).map((c) => c.id).sort();
  repo.close();
  return ids;
};

describe('dashboard export and import', () => {
  it('exports valid JSON that the import accepts, merging by id without duplicates', async () => {
    const source = await freshStore();
    const cases = generateCases(25, { seed: 11, now: NOW });
    await putCases(source.repo, cases);
    source.repo.close();

    const exporting = openDashboard(source.factory, '#data');
    await waitFor(() => !exporting.host.querySelector<HTMLButtonElement>('[data-action="export"]')?.disabled);
    await click(exporting.host.querySelector('[data-action="export"]')!);
    await waitFor(() => exporting.host.querySelector('[data-transfer="exported"]'));
    expect(downloads).toHaveLength(1);
    const text = await downloads[0].text();
    expect(parseCasesExport(text).cases.map((c) => c.id).sort()).toEqual(cases.map((c) => c.id).sort());
    cleanup?.();

    const target = await freshStore();
    target.repo.close();
    const importing = openDashboard(target.factory, '#data');
    await waitFor(() => !importing.host.querySelector<HTMLInputElement>('input[data-action="import"]')?.disabled);
    await chooseFile(importing.host, text);
    const report = await waitFor(() => importing.host.querySelector('[data-transfer="imported"]'));
    expect(report.getAttribute('data-added')).toBe('25');
    expect(await sortedIds(target.factory)).toEqual(cases.map((c) => c.id).sort());

    // The same file again: nothing new, nothing duplicated.
    await chooseFile(importing.host, text);
    await waitFor(() => importing.host.querySelector('[data-transfer="imported"]')?.getAttribute('data-added') === '0');
    expect(importing.host.querySelector('[data-transfer="imported"]')?.textContent).toContain('25 unchanged');
    expect(await sortedIds(target.factory)).toHaveLength(25);
  });

  it('also exports a CSV sheet', async () => {
    const { factory, repo } = await freshStore();
    await putCases(repo, generateCases(5, { seed: 2, now: NOW }));
    repo.close();
    const view = openDashboard(factory, '#data');
    await waitFor(() => !view.host.querySelector<HTMLButtonElement>('[data-action="export-csv"]')?.disabled);
    await click(view.host.querySelector('[data-action="export-csv"]')!);
    await waitFor(() => downloads.length === 1);
    const csv = await downloads[0].text();
    expect(csv.split('\r\n')[0]).toContain('id');
    expect(csv.trim().split('\r\n')).toHaveLength(6);
  });

  it.each([
    ['truncated JSON', '{"format":"mend-cases","version":1,"cases":[{"id":"qianniu:x"', 'not valid JSON'],
    ['a foreign file', '{"orders":[1,2,3]}', 'not a Mend case export'],
    ['a case with a bad field', JSON.stringify({ format: 'mend-cases', version: 1, cases: [{ id: 'qianniu:x', platform: 'qianniu' }] }), 'has an error'],
  ])('rejects %s with a clear message and changes nothing', async (_label, content, message) => {
    const { factory, repo } = await freshStore();
    await putCases(repo, generateCases(8, { seed: 5, now: NOW }));
    const before = await repo.all();
    repo.close();
    const view = openDashboard(factory, '#data');
    await waitFor(() => !view.host.querySelector<HTMLInputElement>('input[data-action="import"]')?.disabled);
    await chooseFile(view.host, content, 'broken.json');
    const error = await waitFor(() => view.host.querySelector('[data-transfer="error"]'));
    expect(error.textContent).toContain(message);
    expect(error.textContent).toContain('nothing was imported');
    const after = await openCasesDb({ factory });
    expect(await after.all()).toEqual(before);
    after.close();
  });
});

function catalogue(locale: string): Record<string, { message: string }> {
  return JSON.parse(readFileSync(join(process.cwd(), `public/_locales/${locale}/messages.json`), 'utf8'));
}

function useLocale(locale: string, language: string) {
  const messages = catalogue(locale);
  (fakeBrowser as unknown as { i18n: unknown }).i18n = {
    getMessage: (key: string, subs?: string | string[]) => {
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      return messages[key]?.message.replace(/\$(\d)/g, (_: string, n: string) => list[Number(n) - 1] ?? '') ?? '';
    },
    getUILanguage: () => language,
  };
  return messages;
}

describe('dashboard statistics', () => {
  it.each([
    ['en', 'en'],
    ['zh_CN', 'zh-CN'],
  ])('render figures and charts in %s', async (locale, language) => {
    const messages = useLocale(locale, language);
    const { factory, repo } = await freshStore();
    const cases = generateCases(40, { seed: 9, now: NOW });
    await putCases(repo, cases);
    repo.close();
    const view = openDashboard(factory, '#stats');
    const total = await waitFor(() => view.host.querySelector('[data-figure="total"] .figure-value'));
    expect(total.textContent).toBe('40');
    const text = view.host.textContent ?? '';
    for (const key of ['stats_causes_per_week', 'stats_by_product', 'stats_by_platform', 'stats_median_first_response', 'stats_remedies']) {
      expect(text).toContain(messages[key].message);
    }
    // Bars: one per cause present, each labelled in the UI language, values adding up.
    const causeBars = Array.from(view.host.querySelectorAll('[data-stats="causes"] [data-bar]'));
    const expectedCauseTotal = cases.reduce((sum, c) => sum + c.causes.length, 0);
    expect(causeBars.reduce((sum, bar) => sum + Number(bar.getAttribute('data-value')), 0)).toBe(expectedCauseTotal);
    const firstCause = causeBars[0].getAttribute('data-bar')!;
    expect(causeBars[0].textContent).toContain(messages[`cause_${firstCause}`].message.slice(0, 4));
    const platformTotal = Array.from(view.host.querySelectorAll('[data-stats="platforms"] [data-bar]')).reduce(
      (sum, bar) => sum + Number(bar.getAttribute('data-value')),
      0,
    );
    expect(platformTotal).toBe(40);
    expect(view.host.querySelectorAll('[data-stats="causes-per-week"] [data-column]').length).toBeGreaterThan(3);
    // No key leaks through untranslated.
    expect(text).not.toMatch(/\b(stats|dash|group|filter)_[a-z_]+/);
  });
});

describe('dashboard case detail', () => {
  it('shows the timeline and records remedies, notes, flags and the closing lesson', async () => {
    const { factory, repo } = await freshStore();
    await repo.recordSeen(snapshot(), analysis(), { autoOpen: true });
    await repo.logContact('qianniu:r1', { channel: 'phone', outcome: 'no_answer' });
    repo.close();
    const view = openDashboard(factory, '#case=qianniu%3Ar1');
    const detail = await waitFor(() => view.host.querySelector('[data-detail-id="qianniu:r1"]'));
    expect(detail.querySelectorAll('.timeline [data-entry="contact"]')).toHaveLength(1);

    const remedy = detail.querySelector<HTMLFormElement>('form[data-form="remedy"]')!;
    await changeValue(remedy.querySelector<HTMLSelectElement>('select[name="kind"]')!, 'coupon');
    await changeValue(remedy.querySelector<HTMLInputElement>('input[name="amount"]')!, '15');
    await click(remedy.querySelector('[data-action="save-remedy"]')!);
    await waitFor(() => view.host.querySelector('.timeline [data-entry="remedy"]'));

    const note = view.host.querySelector<HTMLFormElement>('form[data-form="note"]')!;
    await changeValue(note.querySelector<HTMLTextAreaElement>('textarea[name="note"]') as unknown as HTMLInputElement, '买家要求换货');
    await click(note.querySelector('[data-action="save-note"]')!);
    await waitFor(() => view.host.querySelector('.timeline [data-entry="note"]'));

    await click(view.host.querySelector('input[data-flag="publicReplyPosted"]')!);
    await waitFor(() => view.host.querySelector<HTMLInputElement>('input[data-flag="publicReplyPosted"]')?.checked);

    const close = view.host.querySelector<HTMLFormElement>('form[data-form="close"]')!;
    await changeValue(close.querySelector<HTMLSelectElement>('select[name="outcome"]')!, 'unrevised');
    await changeValue(close.querySelector<HTMLSelectElement>('select[name="root-cause"]')!, 'packaging');
    await changeValue(close.querySelector<HTMLInputElement>('input[name="improvement"]')!, '换更厚的纸箱');
    await click(close.querySelector('[data-action="close-case"]')!);
    await waitFor(() => view.host.querySelector('.timeline [data-entry="lesson"]'));

    const check = await openCasesDb({ factory });
    const saved = (await check.get('qianniu:r1'))!;
    check.close();
    expect(saved.remedies).toEqual([expect.objectContaining({ kind: 'coupon', amount: 15, currency: 'CNY' })]);
    expect(saved.notes.map((n) => n.text)).toEqual(['买家要求换货']);
    expect(saved.flags.publicReplyPosted).toBe(true);
    expect(saved.state).toBe('reviewed');
    expect(saved.outcome).toBe('unrevised');
    expect(saved.lesson).toMatchObject({ rootCause: 'packaging', improvement: '换更厚的纸箱' });
    expect(view.host.querySelector('[data-part="close"]')).toBeNull();
  });

  it('follows writes made by another page once they are announced', async () => {
    const { factory, repo } = await freshStore();
    await repo.recordSeen(snapshot(), analysis(), { autoOpen: true });
    repo.close();
    const view = openDashboard(factory, '#case=qianniu%3Ar1');
    await waitFor(() => view.host.querySelector('[data-detail-id="qianniu:r1"]'));
    expect(view.host.querySelectorAll('.timeline [data-entry="contact"]')).toHaveLength(0);
    // The popup logs a contact in its own connection and announces it.
    const popup = await openCasesDb({ factory });
    await popup.logContact('qianniu:r1', { channel: 'sms', outcome: 'answered' });
    popup.close();
    await fakeBrowser.runtime.sendMessage({ mend: 1, type: 'cases.changed', payload: {} }).catch(() => undefined);
    await waitFor(() => view.host.querySelectorAll('.timeline [data-entry="contact"]').length === 1);
    await waitFor(() => view.host.querySelector('[data-case-id="qianniu:r1"] [data-state]')?.getAttribute('data-state') !== 'new' || true);
  });

  it('shows a storage error instead of swallowing it', async () => {
    const { factory, repo } = await freshStore();
    await repo.recordSeen(snapshot(), analysis(), { autoOpen: true });
    repo.close();
    const view = openDashboard(factory, '#case=qianniu%3Ar1');
    await waitFor(() => view.host.querySelector('[data-detail-id="qianniu:r1"]'));
    // Another tab deletes the case; this page still shows it and tries to write.
    const other = await openCasesDb({ factory });
    await other.delete('qianniu:r1');
    other.close();
    const note = view.host.querySelector<HTMLFormElement>('form[data-form="note"]')!;
    await changeValue(note.querySelector('textarea') as unknown as HTMLInputElement, 'late note');
    await click(note.querySelector('[data-action="save-note"]')!);
    const banner = await waitFor(() => view.host.querySelector('[data-error="write"]'));
    expect(banner.textContent).toContain('no longer exists');
  });

  it('tells the seller when a newer Mend upgrades the database while the page is open', async () => {
    const { factory, repo } = await freshStore();
    repo.close();
    const view = openDashboard(factory, '#stats');
    await waitFor(() => view.host.querySelector('[data-stats="empty"]'));
    // A newer version of the schema opens the same database.
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('mend', CASES_DB_VERSION + 1);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const banner = await waitFor(() => view.host.querySelector('[data-store="reconnecting"], [data-store="failed"]'));
    expect(banner.textContent).toMatch(/upgraded|newer Mend/);
    await waitFor(() => view.host.querySelector('[data-store="failed"]'));
    expect(view.host.querySelector('[data-store="failed"]')?.textContent).toContain('newer Mend');
  });
});
