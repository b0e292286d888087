/**
 * The page-world tap of review-list responses and its side of the messaging: posts each wanted
 * response to the isolated world, and posts the last few again when the receiver asks (it starts
 * at document_idle, after the page may already have loaded its first list).
 */
import {
  MAX_RESPONSE_CHARS,
  REPLAY_MESSAGE,
  TAP_MESSAGE,
  structuredSourceFor,
  type TapMessage,
} from './structured-sources';
import { tapResponses } from './response-tap';

/** Responses kept for a receiver that starts after they arrived: the last few, a few MB at most. */
const REPLAY_LIMIT = 5;
const REPLAY_CHARS = 4_000_000;

export function startStructuredTap(win: Window & typeof globalThis) {
  const recent: TapMessage[] = [];
  const post = (message: TapMessage) => win.postMessage(message, win.location.origin);
  const untap = tapResponses(win, {
    wanted: (url) => structuredSourceFor(win.location.hostname, url) !== undefined,
    maxChars: MAX_RESPONSE_CHARS,
    onBody(url, body) {
      const source = structuredSourceFor(win.location.hostname, url);
      if (!source) return;
      const message: TapMessage = { type: TAP_MESSAGE, platform: source.platform, url, body };
      recent.push(message);
      let kept = recent.reduce((sum, m) => sum + m.body.length, 0);
      while (recent.length > REPLAY_LIMIT || (recent.length > 1 && kept > REPLAY_CHARS)) kept -= recent.shift()!.body.length;
      post(message);
    },
  });
  const onReplay = (event: MessageEvent) => {
    try {
      if (event.source !== win || (event.data as { type?: unknown } | null)?.type !== REPLAY_MESSAGE) return;
      for (const message of recent) post(message);
    } catch {
      // Never into the page.
    }
  };
  win.addEventListener('message', onReplay);
  return () => {
    untap();
    win.removeEventListener('message', onReplay);
  };
}
