import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPLAY_MESSAGE, TAP_MESSAGE } from '../../../lib/sites/structured-sources';
import { startStructuredTap } from '../../../lib/sites/structured-tap';

const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the page-world tap of review lists', () => {
  let stop: (() => void) | undefined;
  const originalFetch = window.fetch;
  afterEach(() => {
    stop?.();
    window.fetch = originalFetch;
  });

  const start = (host: string, bodies: (url: string) => string) => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://${host}/some/page`);
    window.fetch = (async (input: string) => new Response(bodies(String(input)))) as typeof fetch;
    const posted: unknown[] = [];
    vi.spyOn(window, 'postMessage').mockImplementation((message: unknown) => void posted.push(message));
    stop = startStructuredTap(window);
    return posted;
  };
  const askReplay = (source: unknown = window) =>
    window.dispatchEvent(new MessageEvent('message', { data: { type: REPLAY_MESSAGE }, source: source as Window, origin: location.origin }));

  it('posts the review lists of its own platform only, with the absolute URL', async () => {
    const posted = start('mms.pinduoduo.com', () => '{"result":{"data":[]}}');
    await (await window.fetch('/saturn/reviews/list')).text();
    await (await window.fetch('https://fxg.jinritemai.com/product/tcomment/commentList?rank=2')).text();
    await (await window.fetch('/saturn/orders/list')).text();
    await flush();
    expect(posted).toEqual([{ type: TAP_MESSAGE, platform: 'pinduoduo', url: 'https://mms.pinduoduo.com/saturn/reviews/list', body: '{"result":{"data":[]}}' }]);
  });

  it('posts the last five responses again when the receiver asks, and only then', async () => {
    const posted = start('fxg.jinritemai.com', (url) => `{"page":"${/page=(\d+)/.exec(url)?.[1]}"}`);
    for (let page = 1; page <= 7; page++) await window.fetch(`/product/tcomment/commentList?page=${page}&rank=1`);
    await flush();
    posted.length = 0;
    askReplay({});
    expect(posted).toEqual([]);
    askReplay();
    expect(posted.map((m) => (m as { body: string }).body)).toEqual([3, 4, 5, 6, 7].map((page) => `{"page":"${page}"}`));
  });

  it('keeps a few MB for replay at most, always the newest response', async () => {
    const big = `{"x":"${'a'.repeat(1_500_000)}"}`;
    const posted = start('mms.pinduoduo.com', () => big);
    for (let i = 0; i < 4; i++) await window.fetch('/saturn/reviews/list');
    await flush();
    posted.length = 0;
    askReplay();
    expect(posted).toHaveLength(2);
  });
});
