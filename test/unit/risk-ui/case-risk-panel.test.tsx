import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CaseRiskPanel } from '../../../components/risk/CaseRiskPanel';
import type { CasesRepository } from '../../../lib/cases/repository';
import type { Case } from '../../../lib/cases/types';
import { changeValue, click, mount, waitFor } from '../popup/ui-helpers';
import { recordMessages, seedCase, store } from './helpers';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function show(caseItem: Case, repo: CasesRepository) {
  const changed: Case[] = [];
  const view = mount(<CaseRiskPanel caseItem={caseItem} repo={repo} onChanged={(c) => changed.push(c)} />);
  cleanup = view.unmount;
  return { ...view, changed, panel: view.host.querySelector<HTMLElement>('[data-risk-panel]')! };
}

const bandShown = (host: ParentNode) => host.querySelector('[data-risk-band]')?.getAttribute('data-risk-band');

describe('case risk panel', () => {
  it('shows the band, every signal with its source, the advice and the evidence checklist', async () => {
    const { repo } = await store();
    await repo.putBlacklist([{ platform: 'qianniu', nick: 'tb_critic', reason: '上月敲诈过', addedAt: '2026-10-01T00:00:00.000Z', addedBy: '小王' }]);
    const seeded = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_critic', text: '假货，不赔钱就投诉到底' });
    expect(seeded.risk?.band).toBe('high');

    const { host, panel } = show(seeded, repo);
    expect(panel.getAttribute('data-band')).toBe('high');
    expect(bandShown(host)).toBe('high');
    expect(host.textContent).toContain('Likely professional critic');
    expect(host.textContent).toContain('Only you see this');
    const blacklisted = host.querySelector('[data-signal="blacklisted"]')!;
    expect(blacklisted.textContent).toContain('On the team blacklist');
    expect(blacklisted.textContent).toContain('Source: Team blacklist');
    expect(blacklisted.getAttribute('data-kind')).toBe('hard');
    // Every stored signal is listed, none as a raw key.
    expect(host.querySelectorAll('[data-signal]')).toHaveLength(seeded.risk!.signals.length);
    expect(host.textContent).not.toMatch(/risk_(sig|source|advice|evidence)_/);
    const advice = Array.from(host.querySelectorAll('[data-advice]')).map((li) => li.getAttribute('data-advice'));
    expect(advice).toEqual(['collect_evidence', 'appeal', 'do_not_pay', 'firm_explanation', 'never_accuse']);
    for (const item of ['screenshots', 'chat_log', 'logistics_proof', 'call_records']) {
      const row = host.querySelector(`[data-evidence-item="${item}"]`)!;
      expect(row.textContent!.length).toBeGreaterThan(20); // label and hint
    }
    // Listed already: the panel says so instead of offering to add again.
    const listed = await waitFor(() => host.querySelector('[data-blacklist="listed"]'));
    expect(listed.textContent).toContain('上月敲诈过');
    expect(listed.textContent).toContain('小王');
    expect(host.querySelector('[data-action="blacklist-add"]')).toBeNull();
  });

  it('a low case keeps the checklist folded and advises solving it like any complaint', async () => {
    const { repo } = await store();
    const seeded = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_plain', text: '杯子漏水' });
    const { host } = show(seeded, repo);
    expect(bandShown(host)).toBe('low');
    expect(host.querySelector('details [data-evidence-item="screenshots"]')).not.toBeNull();
    expect(Array.from(host.querySelectorAll('[data-advice]')).map((li) => li.getAttribute('data-advice'))).toEqual(['solve_like_any_buyer', 'never_accuse']);
  });

  it('saving the order facts stores them and grades the case again: cheap, no chat, paid in 5 s → watch', async () => {
    const { repo } = await store();
    const messages = recordMessages();
    const seeded = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_plain', text: '杯子漏水' });
    expect(seeded.risk?.band).toBe('low');
    const { host, changed } = show(seeded, repo);

    await changeValue(host.querySelector<HTMLSelectElement>('select[name="chatBeforeOrder"]')!, 'no');
    await changeValue(host.querySelector<HTMLInputElement>('input[name="secondsToPay"]')!, '5');
    await changeValue(host.querySelector<HTMLInputElement>('input[name="price"]')!, '9,9');
    await click(host.querySelector('[data-action="save-facts"]')!);
    await waitFor(() => bandShown(host) === 'watch');

    const stored = (await repo.get(seeded.id))!;
    expect(stored.manualFacts).toEqual({ chatBeforeOrder: false, secondsToPay: 5, price: 9.9 });
    expect(stored.risk?.band).toBe('watch');
    expect(stored.risk!.signals.map((s) => s.id).sort()).toEqual(['order.cheap_item', 'order.instant_payment', 'order.no_chat']);
    expect(host.querySelector('[data-signal="order.instant_payment"]')?.textContent).toContain('Paid 5 seconds after ordering');
    expect(changed.at(-1)?.risk?.band).toBe('watch');
    await waitFor(() => messages.types().includes('cases.changed'));

    // Clearing a field forgets it: unknown is not evidence, so the grade falls back.
    await changeValue(host.querySelector<HTMLSelectElement>('select[name="chatBeforeOrder"]')!, 'unknown');
    await changeValue(host.querySelector<HTMLInputElement>('input[name="secondsToPay"]')!, '');
    await click(host.querySelector('[data-action="save-facts"]')!);
    await waitFor(() => bandShown(host) === 'low');
    expect((await repo.get(seeded.id))!.manualFacts).toEqual({ price: 9.9 });
  });

  it('refuses a negative or non-numeric value and stores nothing', async () => {
    const { repo } = await store();
    const seeded = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_plain' });
    const { host } = show(seeded, repo);
    await changeValue(host.querySelector<HTMLInputElement>('input[name="price"]')!, '-3');
    await click(host.querySelector('[data-action="save-facts"]')!);
    expect(host.querySelector('[data-invalid="price"]')?.textContent).toContain('Item price');
    await changeValue(host.querySelector<HTMLInputElement>('input[name="price"]')!, 'abc');
    await click(host.querySelector('[data-action="save-facts"]')!);
    expect(host.querySelector('[data-invalid="price"]')).not.toBeNull();
    expect((await repo.get(seeded.id))!.manualFacts).toEqual({});
  });

  it('evidence marks persist and come back in a fresh panel', async () => {
    const { repo } = await store();
    const seeded = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_plain' });
    const first = show(seeded, repo);
    await click(first.host.querySelector('[data-evidence-item="chat_log"] input[type="checkbox"]')!);
    await waitFor(() => first.host.querySelector('[data-evidence-item="chat_log"]')?.getAttribute('data-done') === 'true');
    const stored = (await repo.get(seeded.id))!;
    expect(typeof stored.evidenceChecklist.chat_log).toBe('number');
    expect(stored.evidenceChecklist.screenshots).toBeUndefined();
    cleanup?.();

    const again = show(stored, repo);
    expect(again.host.querySelector<HTMLInputElement>('[data-evidence-item="chat_log"] input')!.checked).toBe(true);
    expect(again.host.querySelector<HTMLInputElement>('[data-evidence-item="screenshots"] input')!.checked).toBe(false);
    await click(again.host.querySelector('[data-evidence-item="chat_log"] input[type="checkbox"]')!);
    await waitFor(async () => (await repo.get(seeded.id))!.evidenceChecklist.chat_log === undefined);
  });

  it('adding the buyer to the team blacklist makes this and the buyer\'s other cases high, and remembers who added', async () => {
    const { repo } = await store();
    const other = await seedCase(repo, { reviewId: 'r0', buyerNick: 'tb_repeat', text: '一般般' });
    const seeded = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_repeat', text: '杯子漏水' });
    expect(seeded.risk?.band).not.toBe('high');
    const { host, changed } = show(seeded, repo);

    // Both fields are needed: an entry without a reason helps nobody in an appeal.
    const addButton = await waitFor(() => host.querySelector<HTMLButtonElement>('[data-action="blacklist-add"]:not(:disabled)'));
    await click(addButton);
    await waitFor(() => host.querySelector('[role="alert"]'));
    expect(await repo.listBlacklist()).toEqual([]);

    await changeValue(host.querySelector<HTMLInputElement>('form[data-blacklist="form"] input[name="reason"]')!, '电话里索要赔偿');
    await changeValue(host.querySelector<HTMLInputElement>('form[data-blacklist="form"] input[name="addedBy"]')!, '客服小李');
    await click(host.querySelector('[data-action="blacklist-add"]')!);
    await waitFor(() => bandShown(host) === 'high');

    const [entry] = await repo.listBlacklist();
    expect(entry).toMatchObject({ platform: 'qianniu', nick: 'tb_repeat', reason: '电话里索要赔偿', addedBy: '客服小李' });
    expect(new Date(entry.addedAt).toISOString()).toBe(entry.addedAt);
    expect((await repo.get(seeded.id))!.risk?.band).toBe('high');
    expect((await repo.get(other.id))!.risk?.band).toBe('high');
    expect(changed.at(-1)?.risk?.signals.some((s) => s.id === 'blacklisted')).toBe(true);
    await waitFor(() => host.querySelector('[data-blacklist="listed"]'));
    expect(await fakeBrowser.storage.local.get('blacklist.addedBy')).toEqual({ 'blacklist.addedBy': '客服小李' });
  });

  it('a signal stored without a message key still reads as its English detail, never as a key', async () => {
    const { repo } = await store();
    const seeded = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_plain' });
    const legacy = await repo.setRisk(seeded.id, { band: 'watch', score: 45, signals: [{ id: 'old_cue', kind: 'soft', source: 'text', detail: 'Asked for money', weight: 5 }], assessedAt: seeded.createdAt });
    const { host } = show(legacy, repo);
    const row = host.querySelector('[data-signal="old_cue"]')!;
    expect(row.textContent).toContain('Asked for money');
    expect(row.textContent).toContain('Source: text');
    expect(row.textContent).not.toContain('risk_');
  });

  it('never offers the blacklist for a masked nick', async () => {
    const { repo } = await store();
    const seeded = await seedCase(repo, { reviewId: 'r1', buyerNick: '王**' });
    const { host } = show(seeded, repo);
    expect(host.querySelector('[data-blacklist="masked"]')).not.toBeNull();
    expect(host.querySelector('[data-action="blacklist-add"]')).toBeNull();
  });

  it('offers the remembered name for the next entry', async () => {
    await fakeBrowser.storage.local.set({ 'blacklist.addedBy': '店长' });
    const { repo } = await store();
    const seeded = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_someone' });
    const { host } = show(seeded, repo);
    await waitFor(() => host.querySelector<HTMLInputElement>('input[name="addedBy"]')?.value === '店长');
  });
});
