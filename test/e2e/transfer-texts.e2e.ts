import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchMend, type MendBrowser } from '../tools/browser';
import { exportThroughDashboard, importThroughDashboard, withoutExportTime, writeSeedFile } from '../tools/dashboard-transfer';

const CASES = 3000;

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
    const cases = writeSeedFile(seed, CASES, 21);
    expect(await importThroughDashboard(mend, seed)).toMatchObject({ added: CASES, error: null });

    const exported = (await exportThroughDashboard(mend, join(folder, 'first.json'))).text;
    const byId = (list: Array<{ id: string }>) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const file = JSON.parse(exported);
    expect(file.cases.map((c: { id: string }) => c.id)).toEqual(byId(cases).map((c) => c.id));
    expect(byId(file.cases)).toEqual(byId(cases));

    const again = await importThroughDashboard(mend, join(folder, 'first.json'));
    expect(again).toMatchObject({ added: 0, updated: 0, error: null });
    expect(again.text).toContain(String(CASES));

    // One case changed in the file (a newer version): merged as the plain import would.
    const changed = { ...file.cases[7], notes: [{ id: 'n-e2e', at: file.cases[7].updatedAt + 1, text: '导入时新增的备注' }], updatedAt: file.cases[7].updatedAt + 1 };
    const edited = join(folder, 'edited.json');
    writeFileSync(edited, JSON.stringify({ ...file, cases: file.cases.map((c: { id: string }, i: number) => (i === 7 ? changed : c)) }));
    expect(await importThroughDashboard(mend, edited)).toMatchObject({ added: 0, updated: 1, error: null });
    const afterEdit = (await exportThroughDashboard(mend, join(folder, 'after-edit.json'))).text;
    expect(withoutExportTime(afterEdit)).toBe(withoutExportTime(readFileSync(edited, 'utf8')));

    const truncated = join(folder, 'truncated.json');
    writeFileSync(truncated, afterEdit.slice(0, afterEdit.length >> 1));
    expect((await importThroughDashboard(mend, truncated)).error).toBeTruthy();
    const afterRefusal = await exportThroughDashboard(mend, join(folder, 'after-refusal.json'));
    expect(withoutExportTime(afterRefusal.text)).toBe(withoutExportTime(afterEdit));
  }, 300_000);
});
