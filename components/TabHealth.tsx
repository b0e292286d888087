import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../lib/i18n';
import { sendMessage, type Envelope, type TabHealth } from '../lib/messaging/protocol';

export interface ActiveTabHealth {
  tabId: number | null;
  health: TabHealth | null;
}

/** What the content script of the active tab last reported (nothing where Mend does not run). */
export function useActiveTabHealth(): ActiveTabHealth {
  const [state, setState] = useState<ActiveTabHealth>({ tabId: null, health: null });
  useEffect(() => {
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(async ([tab]) => {
        if (tab?.id === undefined) return;
        const health = await sendMessage('tab.health.get', { tabId: tab.id });
        setState({ tabId: tab.id, health: health ?? null });
      })
      .catch(() => setState({ tabId: null, health: null }));
  }, []);
  return state;
}

/**
 * "N reviews recognized", or a warning when the page looks like a review list but nothing was
 * recognized — a changed page never fails silently. Either way the seller can teach Mend.
 */
export function TabHealthLine({ tabId, health }: ActiveTabHealth) {
  const [failed, setFailed] = useState(false);
  if (!health || tabId === null) return null;
  const teach = () => {
    const envelope: Envelope<'teach.start'> = { mend: 1, type: 'teach.start', payload: {} };
    browser.tabs.sendMessage(tabId, envelope).then(
      () => window.close(),
      () => setFailed(true),
    );
  };
  const ok = health.recognized > 0;
  // Mend runs here but sees no review list: nothing to warn about, yet the seller may know better.
  const quiet = !ok && !health.looksLikeReviewPage;
  return (
    <div class={ok || quiet ? 'health' : 'health warn'} data-health={ok ? 'ok' : quiet ? 'idle' : 'none'}>
      {!quiet && <span>{ok ? t('popup_health_ok', String(health.recognized)) : t('popup_health_none')}</span>}{' '}
      <button type="button" class="link-button" data-action="teach" onClick={teach}>
        {t('popup_teach')}
      </button>
      {failed && <span class="error"> {t('popup_teach_failed')}</span>}
    </div>
  );
}
