import { afterEach, describe, expect, it } from 'vitest';
import { startEarlyOpen } from '../../../lib/cases/early-open';
import { startEarlyRead } from '../../../entrypoints/popup/earlyRead';
import { FIRST_PAGE, FIRST_QUERY } from '../../../entrypoints/popup/first-page';
import { PopupApp } from '../../../entrypoints/popup/PopupApp';
import { generateCases } from '../../tools/generate-cases';
import { freshStore, mount, putCases, rowIds, waitFor } from './ui-helpers';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

const firstQuery = { ...FIRST_QUERY, offset: 0, limit: FIRST_PAGE };

async function seeded(count: number) {
  const store = await freshStore();
  await putCases(store.repo, generateCases(count, { seed: 7 }));
  const expected = (await store.repo.list(firstQuery)).map((c) => c.id);
  // The popup pages in more right after its first paint: what it shows goes on in this order.
  const order = (await store.repo.list({ ...firstQuery, limit: count })).map((c) => c.id);
  store.repo.close();
  return { factory: store.factory, expected, order };
}

describe('popup early read', () => {
  it('hands the early connection over once, then opens anew', async () => {
    const { factory } = await seeded(3);
    const early = startEarlyRead({ factory });
    const first = await early.open({ factory });
    const second = await early.open({ factory });
    expect(second).not.toBe(first);
    first.close();
    second.close();
  });

  it('gives the first page once, and only for the query and connection it was read for', async () => {
    const { factory, expected } = await seeded(40);
    const early = startEarlyRead({ factory });
    const repo = await early.open({ factory });
    expect(early.firstPage(repo, { ...firstQuery, limit: 100 })).toBeNull();
    const page = early.firstPage(repo, firstQuery);
    expect(page).not.toBeNull();
    expect((await page!).map((c) => c.id)).toEqual(expected);
    expect(early.firstPage(repo, firstQuery)).toBeNull();
    repo.close();
  });

  it('takes over the connection and page the head script started', async () => {
    const { factory, expected } = await seeded(40);
    const started = startEarlyOpen(factory, FIRST_PAGE);
    const early = startEarlyRead({ factory }, started);
    const repo = await early.open({ factory });
    expect(started.adopted).toBe(true);
    expect((await early.firstPage(repo, firstQuery)!).map((c) => c.id)).toEqual(expected);
    repo.close();
  });

  it('the popup shows the early page and does not leave it unused', async () => {
    const { factory, expected, order } = await seeded(40);
    const started = startEarlyRead({ factory });
    let handedOver = 0;
    const early = {
      open: started.open,
      firstPage: (...args: Parameters<typeof started.firstPage>) => {
        const page = started.firstPage(...args);
        if (page) handedOver++;
        return page;
      },
    };
    const view = mount(<PopupApp store={{ factory }} early={early} />);
    cleanup = view.unmount;
    await waitFor(() => rowIds(view.host).length > 0);
    const shown = rowIds(view.host);
    expect(shown.slice(0, expected.length)).toEqual(expected.slice(0, shown.length));
    expect(shown).toEqual(order.slice(0, shown.length));
    // The app asked for exactly what was read early, on the connection opened early.
    expect(handedOver).toBe(1);
  });
});
