/**
 * Runs in the page's own world: wraps `fetch` and `XMLHttpRequest` so Mend sees the review lists
 * the back-office loads for itself. The page must not be able to tell: every request goes out as
 * the page made it, every response and every error reaches the page unchanged, and nothing Mend
 * does can throw into the page's code. Only responses of `wanted` URLs are read, from a clone.
 */

export interface ResponseTapOptions {
  /** Whether the response of this absolute request URL is worth reading. */
  wanted(url: string): boolean;
  /** Longest body handed over; longer ones are dropped unread. */
  maxChars: number;
  /** Gets the body of each wanted response (errors in it are swallowed). */
  onBody(url: string, body: string): void;
}

type TapWindow = Window & typeof globalThis;

/** Wraps the page's request functions; returns the function that puts them back. */
export function tapResponses(win: TapWindow, options: ResponseTapOptions): () => void {
  const untapFetch = tapFetch(win, options);
  const untapXhr = tapXhr(win, options);
  return () => {
    untapFetch();
    untapXhr();
  };
}

function absoluteUrl(win: TapWindow, input: unknown): string | undefined {
  try {
    const raw = typeof input === 'string' || input instanceof win.URL ? String(input) : input instanceof win.Request ? input.url : undefined;
    return raw === undefined ? undefined : new win.URL(raw, win.location.href).href;
  } catch {
    return undefined;
  }
}

function deliver(options: ResponseTapOptions, url: string, body: string) {
  if (body.length === 0 || body.length > options.maxChars) return;
  try {
    options.onBody(url, body);
  } catch {
    // Mend's problem, never the page's.
  }
}

/** Makes a wrapper look like the function it wraps to code that inspects it (name, toString). */
function disguise<T extends object>(wrapper: T, original: T): T {
  try {
    Object.defineProperty(wrapper, 'name', { value: (original as { name?: string }).name, configurable: true });
    Object.defineProperty(wrapper, 'toString', { value: Function.prototype.toString.bind(original), configurable: true, writable: true });
  } catch {
    // Cosmetic only.
  }
  return wrapper;
}

/** Reads a cloned body up to the cap, then lets the rest go (the page's own copy is untouched). */
async function readCapped(response: Response, maxChars: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxChars * 4) return undefined;
  const copy = response.clone();
  if (!copy.body) return copy.text();
  const reader = copy.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
    if (text.length > maxChars) {
      void reader.cancel().catch(() => {});
      return undefined;
    }
  }
}

function tapFetch(win: TapWindow, options: ResponseTapOptions): () => void {
  const original = win.fetch;
  if (typeof original !== 'function') return () => {};
  const tapped = function (this: unknown, ...args: Parameters<typeof fetch>) {
    // The page's own call, as it made it: the very promise it returns goes back to the page.
    const result: Promise<Response> = Reflect.apply(original, this, args);
    try {
      const url = absoluteUrl(win, args[0]);
      if (url && options.wanted(url) && result && typeof result.then === 'function') {
        result.then(
          (response) => {
            if (!response || !response.ok) return;
            readCapped(response, options.maxChars).then(
              (body) => body !== undefined && deliver(options, url, body),
              () => {},
            );
          },
          // The page sees its own rejection through `result`; this branch only must not be unhandled.
          () => {},
        );
      }
    } catch {
      // Never into the page.
    }
    return result;
  };
  win.fetch = disguise(tapped, original) as typeof fetch;
  return () => {
    if (win.fetch === tapped) win.fetch = original;
  };
}

function tapXhr(win: TapWindow, options: ResponseTapOptions): () => void {
  const Xhr = win.XMLHttpRequest;
  if (typeof Xhr !== 'function') return () => {};
  const proto = Xhr.prototype;
  const originalOpen = proto.open;
  const originalSend = proto.send;
  const urls = new WeakMap<XMLHttpRequest, string>();

  const open = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      const url = absoluteUrl(win, args[1]);
      if (url && options.wanted(url)) urls.set(this, url);
      else urls.delete(this);
    } catch {
      // Never into the page.
    }
    return Reflect.apply(originalOpen, this, args);
  };

  const send = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      const url = urls.get(this);
      if (url) {
        const xhr = this;
        const onLoad = () => {
          xhr.removeEventListener('load', onLoad);
          try {
            if (xhr.status < 200 || xhr.status >= 300) return;
            const type = xhr.responseType;
            // Other response types (blob, arraybuffer, document) are not JSON lists.
            if (type === '' || type === 'text') deliver(options, url, xhr.responseText);
            else if (type === 'json' && xhr.response !== null) deliver(options, url, JSON.stringify(xhr.response));
          } catch {
            // Never into the page.
          }
        };
        xhr.addEventListener('load', onLoad);
      }
    } catch {
      // Never into the page.
    }
    return Reflect.apply(originalSend, this, args);
  };

  proto.open = disguise(open, originalOpen) as typeof proto.open;
  proto.send = disguise(send, originalSend) as typeof proto.send;
  return () => {
    if (proto.open === open) proto.open = originalOpen;
    if (proto.send === send) proto.send = originalSend;
  };
}
