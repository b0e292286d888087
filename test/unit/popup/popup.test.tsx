import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '../../../entrypoints/popup/PopupApp';
import { POPUP_OVERSCAN, VISIBLE_ROWS } from '../../../entrypoints/popup/first-page';
import { generateCases } from '../../tools/generate-cases';
import { analysis, snapshot } from '../cases/fixtures';
import { changeValue, click, freshStore, mount, putCases, rowIds, waitFor } from './ui-helpers';

const HOUR = 3_600_000;
const NOW = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

async function seedThree() {
  const store = await freshStore();
  const { repo } = store;
  // Fresh review: the 24 h first-response clock still has ~20 h.
  await repo.recordSeen(snapshot({ reviewId: 'fresh', date: iso(NOW - 4 * HOUR), buyerNick: '新买家', replyDaysLeft: undefined }), analysis(), { autoOpen: true });
  // Old review nobody answered: overdue, must come first.
  await repo.recordSeen(
    snapshot({ reviewId: 'overdue', date: iso(NOW - 40 * HOUR), buyerNick: '老买家', replyDaysLeft: undefined, product: { title: '儿童雨靴' } }),
    analysis({ causes: ['quality'] }),
    { autoOpen: true },
  );
  // Answered, with a follow-up due in 2 h: between the two.
  await repo.recordSeen(
    snapshot({ reviewId: 'followup', platform: 'jd', date: iso(NOW - 30 * HOUR), buyerNick: 'jd_buyer', replyDaysLeft: undefined }),
    analysis(),
    { autoOpen: true },
  );
  await repo.logContact('jd:followup', { channel: 'phone', outcome: 'no_answer' });
  await repo.setFollowUp('jd:followup', NOW + 2 * HOUR);
  repo.close();
  return store;
}

describe('popup', () => {
  it('lists the open cases, most urgent first, each row carrying data-case-id', async () => {
    const { factory } = await seedThree();
    const view = mount(<PopupApp store={{ factory }} />);
    cleanup = view.unmount;
    await waitFor(() => rowIds(view.host).length === 3);
    expect(rowIds(view.host)).toEqual(['qianniu:overdue', 'jd:followup', 'qianniu:fresh']);
    const overdue = view.host.querySelector('[data-case-id="qianniu:overdue"]')!;
    expect(overdue.getAttribute('data-overdue')).toBe('true');
    expect(overdue.querySelector('[data-deadline="sla"]')?.getAttribute('data-tone')).toBe('overdue');
    expect(overdue.querySelector('[data-cause="quality"]')?.textContent).toBe('Quality');
    expect(overdue.textContent).toContain('老买家');
    expect(overdue.textContent).toContain('儿童雨靴');
    expect(view.host.querySelector('[data-case-id="jd:followup"] [data-deadline="followup"]')).not.toBeNull();
    await waitFor(() => view.host.querySelector('[data-open-count]')?.getAttribute('data-open-count') === '3');
  });

  it('takes the open count from the toolbar badge when the background has set it', async () => {
    const { factory } = await seedThree();
    // The badge says 7 although the store holds 3: the popup trusts the badge and does not count.
    await fakeBrowser.action.setBadgeText({ text: '7' });
    const view = mount(<PopupApp store={{ factory }} />);
    cleanup = view.unmount;
    await waitFor(() => view.host.querySelector('[data-open-count]')?.getAttribute('data-open-count') === '7');
  });

  it('filters by platform and cause and searches nick, product and text', async () => {
    const { factory } = await seedThree();
    const view = mount(<PopupApp store={{ factory }} />);
    cleanup = view.unmount;
    await waitFor(() => rowIds(view.host).length === 3);

    await changeValue(view.host.querySelector<HTMLSelectElement>('select[name="platform"]')!, 'jd');
    await waitFor(() => rowIds(view.host).length === 1);
    expect(rowIds(view.host)).toEqual(['jd:followup']);

    await changeValue(view.host.querySelector<HTMLSelectElement>('select[name="platform"]')!, '');
    await changeValue(view.host.querySelector<HTMLSelectElement>('select[name="cause"]')!, 'quality');
    await waitFor(() => rowIds(view.host).join() === 'qianniu:overdue');

    await changeValue(view.host.querySelector<HTMLSelectElement>('select[name="cause"]')!, '');
    await changeValue(view.host.querySelector<HTMLInputElement>('input[name="search"]')!, '雨靴');
    await waitFor(() => rowIds(view.host).join() === 'qianniu:overdue');
    await changeValue(view.host.querySelector<HTMLInputElement>('input[name="search"]')!, 'JD_BUYER');
    await waitFor(() => rowIds(view.host).join() === 'jd:followup');
    await changeValue(view.host.querySelector<HTMLInputElement>('input[name="search"]')!, 'no such buyer anywhere');
    await waitFor(() => rowIds(view.host).length === 0 && view.host.querySelector('.empty'));
  });

  it('filters by state and risk band', async () => {
    const { factory, repo } = await freshStore();
    await putCases(repo, generateCases(60, { seed: 7, now: NOW }));
    const open = await repo.list({ states: ['new', 'contacted', 'remedy_offered', 'agreed_to_revise'] });
    repo.close();
    const view = mount(<PopupApp store={{ factory }} />);
    cleanup = view.unmount;
    // The list is virtualized: compare the loaded total and the rows in view, in order.
    const listed = () => ({
      total: Number(view.host.querySelector('.vlist')?.getAttribute('data-rows-total') ?? 0),
      visible: rowIds(view.host),
    });
    const shows = (ids: string[]) => {
      const { total, visible } = listed();
      return total === ids.length && visible.length > 0 && visible.join() === ids.slice(0, visible.length).join();
    };
    await waitFor(() => shows(open.map((c) => c.id)));
    await changeValue(view.host.querySelector<HTMLSelectElement>('select[name="state"]')!, 'contacted');
    const contacted = open.filter((c) => c.state === 'contacted');
    expect(contacted.length).toBeGreaterThan(2);
    await waitFor(() => shows(contacted.map((c) => c.id)));
    await changeValue(view.host.querySelector<HTMLSelectElement>('select[name="risk"]')!, 'high');
    const contactedHigh = contacted.filter((c) => c.risk?.band === 'high');
    expect(contactedHigh.length).toBeGreaterThan(0);
    await waitFor(() => shows(contactedHigh.map((c) => c.id)));
  });

  it('logs a contact from a row: it lands in the store, the row updates and the badge is told', async () => {
    const { factory } = await seedThree();
    const messages: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      messages.push(message);
      return undefined;
    });
    const view = mount(<PopupApp store={{ factory }} />);
    cleanup = view.unmount;
    await waitFor(() => rowIds(view.host).length === 3);
    await click(view.host.querySelector('[data-case-id="qianniu:overdue"] [data-action="log-contact"]')!);
    const form = await waitFor(() => view.host.querySelector<HTMLFormElement>('form[data-form="contact"]'));
    await changeValue(form.querySelector<HTMLSelectElement>('select[name="channel"]')!, 'chat');
    await changeValue(form.querySelector<HTMLSelectElement>('select[name="outcome"]')!, 'answered');
    await changeValue(form.querySelector<HTMLInputElement>('input[name="note"]')!, '买家说包装破了');
    await click(form.querySelector('[data-action="save-contact"]')!);
    await waitFor(() => !view.host.querySelector('form[data-form="contact"]'));

    const { repo } = await freshStoreFor(factory);
    const saved = await repo.get('qianniu:overdue');
    expect(saved?.contacts).toHaveLength(1);
    expect(saved?.contacts[0]).toMatchObject({ channel: 'chat', outcome: 'answered', note: '买家说包装破了' });
    expect(saved?.state).toBe('contacted');
    // The SLA is answered: the row shows its new state and no longer leads the list.
    await waitFor(() => view.host.querySelector('[data-case-id="qianniu:overdue"] select[data-action="change-state"]')?.getAttribute('data-state') === 'contacted');
    expect(rowIds(view.host)[0]).not.toBe('qianniu:overdue');
    await waitFor(() => messages.some((m) => (m as { type?: string }).type === 'cases.changed'));
    repo.close();
  });

  it('changes state only along allowed transitions and sets a reminder with an alarm', async () => {
    const { factory } = await seedThree();
    const view = mount(<PopupApp store={{ factory }} />);
    cleanup = view.unmount;
    await waitFor(() => rowIds(view.host).length === 3);
    const select = view.host.querySelector<HTMLSelectElement>('[data-case-id="jd:followup"] select[data-action="change-state"]')!;
    const offered = Array.from(select.options).map((o) => o.value).filter(Boolean);
    expect(offered).toEqual(['remedy_offered', 'agreed_to_revise', 'revised', 'closed_unrevised']);
    await changeValue(select, 'agreed_to_revise');
    const { repo } = await freshStoreFor(factory);
    await waitFor(async () => (await repo.get('jd:followup'))?.state === 'agreed_to_revise');

    await click(view.host.querySelector('[data-case-id="qianniu:fresh"] [data-action="set-reminder"]')!);
    const form = await waitFor(() => view.host.querySelector<HTMLFormElement>('form[data-form="reminder"]'));
    await click(form.querySelector('[data-preset="hour"]')!);
    await click(form.querySelector('[data-action="save-reminder"]')!);
    const updated = await waitFor(async () => {
      const c = await repo.get('qianniu:fresh');
      return c?.nextFollowUpAt ? c : null;
    });
    expect(Math.abs(updated.nextFollowUpAt! - (Date.now() + HOUR))).toBeLessThan(2 * 60_000);
    const alarm = await waitFor(async () => fakeBrowser.alarms.get('mend:follow-up:qianniu:fresh'));
    expect(alarm.scheduledTime).toBe(updated.nextFollowUpAt);
    repo.close();
  });

  /** Mounts the popup on `count` generated cases; `firstRows` is how many rows its first rendered DOM held. */
  async function firstFrameOf(count: number) {
    const { factory, repo } = await freshStore();
    await putCases(repo, generateCases(count, { seed: 5, now: NOW }));
    const openCount = await repo.countOpen();
    repo.close();
    const host = document.createElement('div');
    const seen = { firstRows: 0 };
    // Mutation records arrive before the next frame: this sees the DOM the first paint would show.
    const watcher = new MutationObserver(() => {
      if (seen.firstRows === 0) seen.firstRows = rowIds(host).length;
    });
    watcher.observe(host, { childList: true, subtree: true });
    const view = mount(<PopupApp store={{ factory }} />, host);
    cleanup = () => {
      watcher.disconnect();
      view.unmount();
    };
    await waitFor(() => seen.firstRows > 0);
    return { view, openCount, firstRows: seen.firstRows };
  }

  it('with more open cases than a window holds, builds only the rows on screen for the first frame', async () => {
    const { view, openCount, firstRows } = await firstFrameOf(80);
    expect(openCount).toBeGreaterThan(VISIBLE_ROWS + POPUP_OVERSCAN);
    expect(firstRows).toBe(VISIBLE_ROWS);
    // The rows below the screen follow right after.
    await waitFor(() => rowIds(view.host).length === VISIBLE_ROWS + POPUP_OVERSCAN);
  });

  it('builds a list that fits in one window whole in the first frame', async () => {
    const { view, openCount, firstRows } = await firstFrameOf(12);
    expect(openCount).toBeGreaterThan(VISIBLE_ROWS);
    expect(openCount).toBeLessThanOrEqual(VISIBLE_ROWS + POPUP_OVERSCAN);
    expect(firstRows).toBe(openCount);
    expect(rowIds(view.host)).toHaveLength(openCount);
  });

  it('renders only a window of rows for 20,000 cases and pages in more on scroll', async () => {
    const { factory, repo } = await freshStore();
    const all = generateCases(20_000, { seed: 3, now: NOW });
    await putCases(repo, all);
    const openCount = await repo.countOpen();
    repo.close();
    const view = mount(<PopupApp store={{ factory }} />);
    cleanup = view.unmount;
    await waitFor(() => rowIds(view.host).length > 0);
    await waitFor(() => view.host.querySelector('[data-open-count]')?.getAttribute('data-open-count') === String(openCount), 20_000);
    const rendered = rowIds(view.host).length;
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(30);
    // The first rows are the most urgent of all 20,000.
    const expectedFirst = all
      .filter((c) => c.isOpen === 1)
      .sort((a, b) => a.dueAt - b.dueAt || b.updatedAt - a.updatedAt)[0].id;
    expect(rowIds(view.host)[0]).toBe(expectedFirst);

    const viewport = view.host.querySelector<HTMLElement>('.vlist')!;
    const loadedBefore = Number(viewport.getAttribute('data-rows-total'));
    expect(loadedBefore).toBeLessThan(openCount);
    viewport.scrollTop = (loadedBefore - 5) * 84;
    viewport.dispatchEvent(new Event('scroll'));
    await waitFor(() => Number(viewport.getAttribute('data-rows-total')) > loadedBefore);
    expect(rowIds(view.host).length).toBeLessThan(30);
  }, 60_000);
});

async function freshStoreFor(factory: IDBFactory) {
  const { openCasesDb } = await import('../../../lib/cases/repository');
  return { repo: await openCasesDb({ factory }) };
}
