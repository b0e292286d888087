import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES_DB_NAME } from '../../lib/cases/schema';
import { launchMend, openExtensionPage, type MendBrowser } from '../tools/browser';
import { exportThroughDashboard, importThroughDashboard, withoutExportTime, writeSeedFile } from '../tools/dashboard-transfer';

/** Enough cases (and bytes) for the dashboard to hand half of an export or import to its worker. */
const CASES = 5000;

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
    const cases = writeSeedFile(seed, CASES, 11);
    const seeded = await importThroughDashboard(mend, seed);
    // A file of cases all new to the store is no match for stored texts: it goes to the worker.
    expect(seeded).toMatchObject({ added: CASES, path: 'two-threads' });

    const fromTexts = await exportThroughDashboard(mend, join(folder, 'texts.json'));
    expect(fromTexts.path).toBe('texts');
    // Without their texts, the cases themselves are exported, half of them by the worker.
    await dropCaseTexts(mend);
    const twoThreads = join(folder, 'two.json');
    const onTwo = await exportThroughDashboard(mend, twoThreads);
    const onOne = await exportThroughDashboard(mend, join(folder, 'one.json'), true);
    expect(onTwo.path).toBe('two-threads');
    expect(onOne.path).toBe('one-thread');
    const exported = onTwo.text;
    expect(withoutExportTime(exported)).toBe(withoutExportTime(onOne.text));
    expect(withoutExportTime(exported)).toBe(withoutExportTime(fromTexts.text));
    const byId = (list: Array<{ id: string }>) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(JSON.parse(exported).cases)).toEqual(byId(cases));

    const again = await importThroughDashboard(mend, twoThreads);
    // The stored sums still vouch for every case (only the texts were dropped): nothing to parse or write.
    expect(again).toMatchObject({ added: 0, path: 'texts' });
    expect(again.text).toContain(String(CASES));
  }, 300_000);
});
