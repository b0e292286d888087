import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlacklistPanel } from '../../../components/risk/BlacklistPanel';
import { importBlacklist, type BlacklistEntry } from '../../../lib/cases/blacklist-codec';
import type { CasesRepository } from '../../../lib/cases/repository';
import { changeValue, click, mount, waitFor } from '../popup/ui-helpers';
import { recordMessages, seedCase, store } from './helpers';

let cleanup: (() => void) | null = null;
let downloads: { blob: Blob; name: string }[] = [];

beforeEach(() => {
  downloads = [];
  // Downloads stay in the test: keep the blob and the file name, navigate nowhere.
  let pending: Blob | null = null;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    pending = blob as Blob;
    return 'blob:mend-test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ blob: pending!, name: this.download });
  });
});

afterEach(() => {
  cleanup?.();
  cleanup = null;
});

const ENTRIES: BlacklistEntry[] = [
  { platform: 'qianniu', nick: 'tb_critic', reason: '索要赔偿，威胁投诉', addedAt: '2026-10-01T02:00:00.000Z', addedBy: '小王' },
  { platform: 'pinduoduo', nick: 'pdd_7781', reason: '=1+1 同款文案批量差评, "引号"', addedAt: '2026-11-02T09:30:00.000Z', addedBy: 'Anna' },
];

async function open(repo: CasesRepository) {
  const view = mount(<BlacklistPanel repo={repo} />);
  cleanup = view.unmount;
  return view;
}

const listedKeys = (host: ParentNode) => Array.from(host.querySelectorAll('[data-blacklist-entry]')).map((row) => row.getAttribute('data-blacklist-entry'));

async function chooseFile(host: HTMLElement, text: string, name: string) {
  const input = host.querySelector<HTMLInputElement>('input[type="file"][data-action="blacklist-import"]')!;
  Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const sorted = (list: BlacklistEntry[]) => [...list].sort((a, b) => a.nick.localeCompare(b.nick));

describe('team blacklist panel', () => {
  it('lists every entry with platform, nick, reason, date and who added it; removes one', async () => {
    const { repo } = await store();
    await repo.putBlacklist(ENTRIES);
    const messages = recordMessages();
    const { host } = await open(repo);
    await waitFor(() => listedKeys(host).length === 2);
    // Newest first.
    expect(listedKeys(host)).toEqual(['pinduoduo:pdd_7781', 'qianniu:tb_critic']);
    const row = host.querySelector('[data-blacklist-entry="qianniu:tb_critic"]')!;
    expect(row.textContent).toContain('Qianniu (Taobao/Tmall)');
    expect(row.textContent).toContain('索要赔偿，威胁投诉');
    expect(row.textContent).toContain('2026-10-01');
    expect(row.textContent).toContain('小王');

    await click(row.querySelector('[data-action="blacklist-remove"]')!);
    await waitFor(() => listedKeys(host).length === 1);
    expect((await repo.listBlacklist()).map((e) => e.nick)).toEqual(['pdd_7781']);
    await waitFor(() => messages.types().includes('cases.changed'));
  });

  it('adding a buyer grades their cases again; a masked nick is refused', async () => {
    const { repo } = await store();
    const seeded = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_new_critic', text: '杯子漏水' });
    expect(seeded.risk?.band).toBe('low');
    const { host } = await open(repo);
    await waitFor(() => host.querySelector('.empty'));

    const form = host.querySelector<HTMLFormElement>('form.blacklist-add')!;
    await changeValue(form.querySelector<HTMLInputElement>('input[name="nick"]')!, '王**');
    await changeValue(form.querySelector<HTMLInputElement>('input[name="reason"]')!, '多次索赔');
    await changeValue(form.querySelector<HTMLInputElement>('input[name="addedBy"]')!, '小王');
    await click(form.querySelector('[data-action="blacklist-add"]')!);
    await waitFor(() => host.querySelector('[data-blacklist-outcome="error"]'));
    expect(await repo.listBlacklist()).toEqual([]);

    await changeValue(form.querySelector<HTMLInputElement>('input[name="nick"]')!, 'tb_new_critic');
    await click(form.querySelector('[data-action="blacklist-add"]')!);
    await waitFor(() => listedKeys(host).includes('qianniu:tb_new_critic'));
    expect((await repo.get(seeded.id))!.risk?.band).toBe('high');
  });

  it('a Taobao account listed from the classic rating pages counts for its Qianniu cases too, and only for the exact name', async () => {
    const { repo } = await store();
    const seeded = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_shared', text: '杯子漏水' });
    const lookalike = await seedCase(repo, { reviewId: 'r2', buyerNick: 'TB_shared', text: '杯子漏水' });
    const elsewhere = await seedCase(repo, { reviewId: 'r3', buyerNick: 'tb_shared', text: '杯子漏水', platform: 'pinduoduo' });
    const { host } = await open(repo);
    await waitFor(() => host.querySelector('.empty'));
    const form = host.querySelector<HTMLFormElement>('form.blacklist-add')!;
    await changeValue(form.querySelector<HTMLSelectElement>('select[name="platform"]')!, 'taobao_classic');
    await changeValue(form.querySelector<HTMLInputElement>('input[name="nick"]')!, 'tb_shared');
    await changeValue(form.querySelector<HTMLInputElement>('input[name="reason"]')!, '评价页上几十条差评');
    await changeValue(form.querySelector<HTMLInputElement>('input[name="addedBy"]')!, '小王');
    await click(form.querySelector('[data-action="blacklist-add"]')!);
    await waitFor(() => listedKeys(host).includes('taobao_classic:tb_shared'));
    expect((await repo.get(seeded.id))!.risk?.band).toBe('high');
    expect((await repo.get(lookalike.id))!.risk?.band).toBe('low');
    expect((await repo.get(elsewhere.id))!.risk?.band).toBe('low');
  });

  it('a malformed file changes nothing and every problem is shown', async () => {
    const { repo } = await store();
    await repo.putBlacklist(ENTRIES);
    const { host } = await open(repo);
    await waitFor(() => listedKeys(host).length === 2);

    const csv = 'platform,nick,reason,addedAt,addedBy\r\nqianniu,tb_ok,fine,2026-11-01,A\r\nmarsplace,tb_x,bad platform,2026-11-01,A\r\nqianniu,tb_y,bad date,yesterday,A\r\n';
    await chooseFile(host, csv, 'list.csv');
    const rejected = await waitFor(() => host.querySelector('[data-blacklist-outcome="rejected"]'));
    expect(rejected.textContent).toContain('Nothing was imported');
    expect(rejected.textContent).toContain('Entry 2: unknown platform "marsplace"');
    expect(rejected.textContent).toContain('Entry 3');
    expect(sorted(await repo.listBlacklist())).toEqual(sorted(ENTRIES));
    expect(listedKeys(host)).toHaveLength(2);

    await chooseFile(host, '{"entries": 3', 'list.json');
    await waitFor(() => host.querySelector('[data-problem="blacklist_err_json"]'));
    expect(sorted(await repo.listBlacklist())).toEqual(sorted(ENTRIES));
  });

  it('imports a valid sheet, merging by buyer, and grades the listed buyers\' cases', async () => {
    const { repo } = await store();
    await repo.putBlacklist([ENTRIES[1]]);
    const seeded = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_critic', text: '杯子漏水' });
    const { host } = await open(repo);
    await waitFor(() => listedKeys(host).length === 1);

    const sheet = '平台,买家昵称,原因,日期,添加人\r\n淘宝,tb_critic,电话里索赔,2026/11/05,老陈\r\n淘宝,tb_critic,重复行,2026/11/05,老陈\r\n';
    await chooseFile(host, sheet, '黑名单.csv');
    const done = await waitFor(() => host.querySelector('[data-blacklist-outcome="ok"]'));
    expect(done.textContent).toContain('Imported 1 entries (1 duplicates');
    expect(listedKeys(host).sort()).toEqual(['pinduoduo:pdd_7781', 'qianniu:tb_critic']);
    expect((await repo.get(seeded.id))!.risk?.band).toBe('high');
  });

  it('exports JSON and CSV that read back to the same list, also into another store', async () => {
    const { repo } = await store();
    await repo.putBlacklist(ENTRIES);
    const { host } = await open(repo);
    await waitFor(() => !host.querySelector<HTMLButtonElement>('[data-action="blacklist-export-json"]')!.disabled && listedKeys(host).length === 2);
    await click(host.querySelector('[data-action="blacklist-export-json"]')!);
    await click(host.querySelector('[data-action="blacklist-export-csv"]')!);
    expect(downloads.map((d) => d.name)).toEqual([expect.stringMatching(/^mend-blacklist-.*\.json$/), expect.stringMatching(/^mend-blacklist-.*\.csv$/)]);

    const [json, csv] = await Promise.all(downloads.map((d) => d.blob.text()));
    for (const text of [json, csv]) {
      const back = importBlacklist(text);
      expect(back.ok).toBe(true);
      if (back.ok) expect(sorted(back.entries)).toEqual(sorted(ENTRIES));
    }
    // The formula-looking reason is escaped for spreadsheets but comes back as typed.
    expect(csv).toContain("'=1+1");
    cleanup?.();

    const target = await store();
    const { host: other } = await open(target.repo);
    await waitFor(() => other.querySelector('.empty'));
    await chooseFile(other, csv, 'export.csv');
    await waitFor(() => listedKeys(other).length === 2);
    expect(sorted(await target.repo.listBlacklist())).toEqual(sorted(ENTRIES));
  });
});
