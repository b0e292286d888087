import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isEnvelope } from '../../lib/messaging/protocol';

/**
 * Runs `callback` when another extension page announces a case write ('cases.changed' reaches every
 * extension page, not only the background), so an open dashboard follows what the popup did.
 * The listener never answers: the background's answer is the one the sender waits for.
 */
export function useCasesChanged(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const listener = (message: unknown) => {
      if (isEnvelope(message) && message.type === 'cases.changed') latest.current();
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);
}
