import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatAge } from '../../components/format';
import { openCasesDb } from '../../lib/cases/repository';
import type { Case } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { sendMessage, type TabHealth } from '../../lib/messaging/protocol';

const OPEN_STATES = ['new', 'contacted', 'remedy_offered', 'agreed_to_revise'] as const;

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; cases: Case[] };

function Health({ health }: { health: TabHealth | null }) {
  if (!health || !health.platform) return null;
  if (health.recognized > 0) return <div class="health" data-health="ok">{t('popup_health_ok', String(health.recognized))}</div>;
  if (health.looksLikeReviewPage) return <div class="health warn" data-health="none">{t('popup_health_none')}</div>;
  return null;
}

function CaseRow({ item, now }: { item: Case; now: number }) {
  const since = item.reviewDate ? Date.parse(item.reviewDate) : item.firstSeenAt;
  return (
    <li class="case" data-case-id={item.id}>
      <div class="top">
        <span class="rating" data-rating={item.rating}>{t(`rating_${item.rating}`)}</span>
        <span class="nick">{item.buyerNick || t('popup_buyer_unknown')}</span>
        <span class="age">{formatAge(Number.isFinite(since) ? since : item.firstSeenAt, now)}</span>
        <span class="state" data-state={item.state}>{t(`state_${item.state}`)}</span>
      </div>
      {item.product?.title && <div class="product" title={item.product.title}>{item.product.title}</div>}
      <div class="chips">
        {item.causes.map((cause) => (
          <span class="chip" data-cause={cause} key={cause}>{t(`cause_${cause}`)}</span>
        ))}
        <a class="link" href={item.pageUrl} target="_blank" rel="noreferrer">{t('popup_open_review')}</a>
      </div>
    </li>
  );
}

export function PopupApp() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [health, setHealth] = useState<TabHealth | null>(null);
  const now = Date.now();

  useEffect(() => {
    openCasesDb()
      .then((repo) => repo.list({ states: [...OPEN_STATES], limit: 200 }))
      .then((cases) => setLoad({ status: 'ready', cases }))
      .catch((error: Error) => setLoad({ status: 'error', message: error.message }));
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => (tab?.id === undefined ? null : sendMessage('tab.health.get', { tabId: tab.id })))
      .then(setHealth)
      .catch(() => setHealth(null));
  }, []);

  return (
    <main>
      <header>
        <h1>{t('popup_title')}</h1>
        <a href={browser.runtime.getURL('/dashboard.html')} target="_blank" data-action="open-dashboard">{t('popup_dashboard')}</a>
        <a href={browser.runtime.getURL('/options.html')} target="_blank">{t('popup_options')}</a>
      </header>
      <Health health={health} />
      {load.status === 'loading' && <div class="loading">{t('popup_loading')}</div>}
      {load.status === 'error' && <div class="error" role="alert">{t('popup_error', load.message)}</div>}
      {load.status === 'ready' && load.cases.length === 0 && <div class="empty">{t('popup_empty')}</div>}
      {load.status === 'ready' && load.cases.length > 0 && (
        <ul class="cases">
          {load.cases.map((item) => <CaseRow item={item} now={now} key={item.id} />)}
        </ul>
      )}
    </main>
  );
}
