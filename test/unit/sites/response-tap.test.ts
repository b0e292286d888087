import { afterEach, describe, expect, it, vi } from 'vitest';
import { tapResponses } from '../../../lib/sites/response-tap';

const WANTED = 'https://mms.pinduoduo.com/saturn/reviews/list';
const OTHER = 'https://mms.pinduoduo.com/saturn/orders/list';

/** A page-like window whose network is a stub: what the page would get back, decided per test. */
function fakeWindow(network: (input: unknown, init?: unknown) => Promise<Response>) {
  const fetchSpy = vi.fn(function (this: unknown, input: unknown, init?: unknown) {
    return network(input, init);
  });
  return {
    fetch: fetchSpy,
    fetchSpy,
    XMLHttpRequest: FakeXhr,
    URL,
    Request,
    location: { href: 'https://mms.pinduoduo.com/goods/evaluation/index' },
  } as unknown as Window & typeof globalThis & { fetchSpy: typeof fetchSpy };
}

/** Just enough of XMLHttpRequest: `send` answers with the body queued for the URL. */
class FakeXhr {
  static answers = new Map<string, { status: number; body: string }>();
  static sendError: Error | null = null;
  url = '';
  status = 0;
  responseType: XMLHttpRequestResponseType = '';
  responseText = '';
  response: unknown = null;
  private listeners: Array<() => void> = [];
  open(_method: string, url: string) {
    this.url = url;
    return 'opened';
  }
  send(body?: unknown) {
    if (FakeXhr.sendError) throw FakeXhr.sendError;
    const answer = FakeXhr.answers.get(new URL(this.url, 'https://mms.pinduoduo.com/').href) ?? { status: 404, body: '' };
    queueMicrotask(() => {
      this.status = answer.status;
      this.responseText = answer.body;
      this.response = this.responseType === 'json' ? JSON.parse(answer.body || 'null') : answer.body;
      for (const listener of [...this.listeners]) listener();
    });
    return body;
  }
  addEventListener(type: string, listener: () => void) {
    if (type === 'load') this.listeners.push(listener);
  }
  removeEventListener(type: string, listener: () => void) {
    if (type === 'load') this.listeners = this.listeners.filter((l) => l !== listener);
  }
}
const originalOpen = FakeXhr.prototype.open;
const originalSend = FakeXhr.prototype.send;

const flush = () => new Promise((resolve) => setTimeout(resolve, 20));
const listJson = JSON.stringify({ result: { data: [{ reviewId: '1', comment: '太差了' }] } });

describe('the page-world response tap', () => {
  let untap: (() => void) | undefined;
  afterEach(() => {
    untap?.();
    untap = undefined;
    FakeXhr.answers.clear();
    FakeXhr.sendError = null;
  });

  const tap = (win: Window & typeof globalThis, maxChars = 10_000) => {
    const bodies: Array<[string, string]> = [];
    untap = tapResponses(win, { wanted: (url) => url === WANTED, maxChars, onBody: (url, body) => bodies.push([url, body]) });
    return bodies;
  };

  it('hands the page the very promise fetch returned, with a body it can still read', async () => {
    let sent: Promise<Response> | undefined;
    const win = fakeWindow(() => (sent = Promise.resolve(new Response(listJson, { status: 200 }))));
    const bodies = tap(win);
    const init = { method: 'POST', body: '{"pageNo":1}' };
    const returned = win.fetch('/saturn/reviews/list', init);
    expect(returned).toBe(sent);
    expect(win.fetchSpy).toHaveBeenCalledWith('/saturn/reviews/list', init);
    expect(await (await returned).text()).toBe(listJson);
    await flush();
    expect(bodies).toEqual([[WANTED, listJson]]);
  });

  it('passes the caller on as `this`, and the same arguments', async () => {
    const win = fakeWindow(() => Promise.resolve(new Response('{}')));
    tap(win);
    const self = {};
    await win.fetch.call(self, WANTED, { headers: { a: '1' } });
    expect(win.fetchSpy.mock.contexts[0]).toBe(self);
    expect(win.fetchSpy.mock.calls[0]).toEqual([WANTED, { headers: { a: '1' } }]);
  });

  it('lets a rejection and a synchronous throw reach the page unchanged', async () => {
    const failure = new TypeError('Failed to fetch');
    const win = fakeWindow(() => Promise.reject(failure));
    const bodies = tap(win);
    await expect(win.fetch(WANTED)).rejects.toBe(failure);
    const thrown = new TypeError('Illegal invocation');
    win.fetchSpy.mockImplementationOnce(() => {
      throw thrown;
    });
    expect(() => win.fetch(WANTED)).toThrow(thrown);
    await flush();
    expect(bodies).toEqual([]);
  });

  it('never touches responses of other URLs', async () => {
    const response = new Response('{"orders":[]}');
    const clone = vi.spyOn(response, 'clone');
    const win = fakeWindow(() => Promise.resolve(response));
    const bodies = tap(win);
    expect(await win.fetch(OTHER)).toBe(response);
    await flush();
    expect(clone).not.toHaveBeenCalled();
    expect(bodies).toEqual([]);
    expect(await response.text()).toBe('{"orders":[]}');
  });

  it('drops bodies over the cap and failed responses, and survives its own listener throwing', async () => {
    const win = fakeWindow((input) =>
      Promise.resolve(String(input).includes('big') ? new Response('x'.repeat(500)) : new Response(listJson, { status: 500 })),
    );
    const bodies = tap(win, 100);
    await win.fetch(`${WANTED}?big=1`);
    await win.fetch(WANTED);
    await flush();
    expect(bodies).toEqual([]);

    untap?.();
    const throwing = fakeWindow(() => Promise.resolve(new Response(listJson)));
    untap = tapResponses(throwing, { wanted: () => true, maxChars: 10_000, onBody: () => { throw new Error('mend bug'); } });
    const errors: unknown[] = [];
    const onError = (event: PromiseRejectionEvent) => errors.push(event.reason);
    window.addEventListener('unhandledrejection', onError);
    expect(await (await throwing.fetch(WANTED)).text()).toBe(listJson);
    await flush();
    window.removeEventListener('unhandledrejection', onError);
    expect(errors).toEqual([]);
  });

  it('looks like the function it wraps, and puts it back when untapped', () => {
    const win = fakeWindow(() => Promise.resolve(new Response('')));
    const original = win.fetch;
    tap(win);
    expect(win.fetch).not.toBe(original);
    expect(win.fetch.toString()).toBe(Function.prototype.toString.call(original));
    untap?.();
    untap = undefined;
    expect(win.fetch).toBe(original);
    expect(FakeXhr.prototype.open).toBe(originalOpen);
    expect(FakeXhr.prototype.send).toBe(originalSend);
  });

  it('reads wanted XMLHttpRequest responses after the page got them, leaving the request as it was', async () => {
    FakeXhr.answers.set(WANTED, { status: 200, body: listJson });
    FakeXhr.answers.set(OTHER, { status: 200, body: '{"orders":[]}' });
    const win = fakeWindow(() => Promise.reject(new Error('unused')));
    const bodies = tap(win);
    const pageSaw: string[] = [];
    for (const url of ['/saturn/reviews/list', OTHER]) {
      const xhr = new win.XMLHttpRequest();
      expect(xhr.open('POST', url)).toBe('opened');
      xhr.addEventListener('load', () => pageSaw.push(xhr.responseText));
      expect(xhr.send('{"pageNo":1}' as never)).toBe('{"pageNo":1}');
    }
    await flush();
    expect(pageSaw).toEqual([listJson, '{"orders":[]}']);
    expect(bodies).toEqual([[WANTED, listJson]]);
  });

  it('reads responseType json as JSON text and lets send errors reach the page', async () => {
    FakeXhr.answers.set(WANTED, { status: 200, body: listJson });
    const win = fakeWindow(() => Promise.reject(new Error('unused')));
    const bodies = tap(win);
    const xhr = new win.XMLHttpRequest();
    xhr.responseType = 'json';
    xhr.open('POST', WANTED);
    xhr.send();
    await flush();
    expect(bodies).toEqual([[WANTED, listJson]]);

    const failure = new DOMException('not opened', 'InvalidStateError');
    FakeXhr.sendError = failure;
    const second = new win.XMLHttpRequest();
    second.open('POST', WANTED);
    expect(() => second.send()).toThrow(failure);
  });
});
