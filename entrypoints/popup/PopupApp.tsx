import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CaseFilters, EMPTY_FILTERS, filtersToQuery, type FilterValues } from '../../components/cases/CaseFilters';
import { CaseRow, type RowAction } from '../../components/cases/CaseRow';
import { ContactForm } from '../../components/cases/ContactForm';
import { ReminderForm } from '../../components/cases/ReminderForm';
import { ErrorBanner, StoreBanner } from '../../components/cases/StoreBanner';
import { useCasePages } from '../../components/cases/useCasePages';
import { useCaseWrite } from '../../components/cases/useCaseWrite';
import { useCasesStore, type StoreOptions } from '../../components/cases/useCasesStore';
import { VirtualList } from '../../components/cases/VirtualList';
import { OPEN_STATES } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/protocol';
import { TabHealthLine, useActiveTabHealth } from '../../components/TabHealth';
import type { EarlyRead } from './earlyRead';
import { FIRST_PAGE, FIRST_QUERY, LIST_HEIGHT, POPUP_OVERSCAN, POPUP_ROW_HEIGHT } from './first-page';

export { POPUP_ROW_HEIGHT };
/** With a form open below it the list shrinks, so the popup stays within Chrome's 600 px height. */
const LIST_HEIGHT_WITH_SHEET = 220;
/** Set once the first rows are on screen; the UI benchmark reads it. */
export const FIRST_ROWS_MARK = 'mend:popup-first-rows';

// The options page is another entrypoint that may not be built yet; its path is not in WXT's typed list then.
const pageUrl = (path: string) => (browser.runtime.getURL as (p: string) => string)(path);

type Sheet = { action: RowAction; caseId: string } | null;

/** Marks the frame in which the first rows are painted; returns whether that moment has passed. */
function useFirstRowsMark(hasRows: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useLayoutEffect(() => {
    if (!hasRows || painted) return;
    requestAnimationFrame(() => {
      performance.mark(FIRST_ROWS_MARK);
      // What waits for the first rows (the count, the tab's health) renders after this frame's paint, not before it.
      setTimeout(() => setPainted(true));
    });
  }, [hasRows, painted]);
  return painted;
}

function ActiveTabHealthLine() {
  return <TabHealthLine {...useActiveTabHealth()} />;
}

export function PopupApp({ store: storeOptions, early }: { store?: StoreOptions; early?: EarlyRead } = {}) {
  // The background reconciles the store when it starts; the popup must open at once.
  const { status, reopen } = useCasesStore({ reconcile: false, open: early?.open, ...storeOptions });
  const repo = status.kind === 'ready' ? status.repo : null;
  const generation = status.kind === 'ready' ? status.generation : 0;
  const [filters, setFilters] = useState<FilterValues>(EMPTY_FILTERS);
  const query = useMemo(() => filtersToQuery(filters, FIRST_QUERY), [filters]);
  const pages = useCasePages(repo, query, generation, FIRST_PAGE, early?.firstPage);
  const [openCount, setOpenCount] = useState<number | null>(null);
  const [sheet, setSheet] = useState<Sheet>(null);
  const [now, setNow] = useState(() => Date.now());

  const firstRowsPainted = useFirstRowsMark(pages.cases.length > 0);

  // The badge already holds the open count; reading it costs nothing, while counting walks an index
  // that other work (the seller's first click) would have to wait for. Count only when the badge
  // cannot say (empty: zero or not yet computed; "!": the background failed).
  const countReady = firstRowsPainted || (pages.complete && !pages.loading);
  // Whatever the first answer was (rows, none, a failure): the popup's own reads come first.
  const listSettled = countReady || pages.error !== null || status.kind === 'failed' || status.kind === 'blocked';
  const refreshCount = useCallback(() => {
    if (!repo) return;
    const count = () => repo.countOpen().then(setOpenCount, () => setOpenCount(null));
    // Firefox's MV2 build has browserAction instead of action.
    const badge = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
    if (!badge) return void count();
    badge.getBadgeText({}).then((text) => (/^\d+$/.test(text) ? setOpenCount(Number(text)) : count()), count);
  }, [repo]);
  useEffect(() => {
    if (countReady) refreshCount();
  }, [refreshCount, countReady, generation]);

  // Countdowns tick once a minute; nothing else re-renders on its own.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const write = useCaseWrite(repo, pages.replace, refreshCount);
  const sheetCase = sheet ? pages.cases.find((c) => c.id === sheet.caseId) ?? null : null;
  const closeSheet = () => setSheet(null);

  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY_FILTERS);

  return (
    <main class="popup">
      <header>
        <h1>{t('popup_title')}</h1>
        {openCount !== null && <span class="count" data-open-count={openCount}>{t('popup_open_count', String(openCount))}</span>}
        <a href={browser.runtime.getURL('/dashboard.html')} target="_blank" data-action="open-dashboard">{t('popup_dashboard')}</a>
        <a href={pageUrl('/options.html')} target="_blank">{t('popup_options')}</a>
      </header>
      {/* Asking the page's tab about its health wakes the background, which then reads the store too: after the first rows. */}
      {listSettled && <ActiveTabHealthLine />}
      <StoreBanner status={status} onRetry={reopen} />
      <ErrorBanner message={write.error ?? pages.error} onClose={write.error ? write.clearError : undefined} />
      <CaseFilters value={filters} onChange={setFilters} states={OPEN_STATES} />
      {status.kind === 'opening' && <div class="loading">{t('popup_loading')}</div>}
      {repo && pages.cases.length === 0 && !pages.loading && !pages.error && (
        <div class="empty">{filtered ? t('popup_no_match') : t('popup_empty')}</div>
      )}
      {pages.cases.length > 0 && (
        <VirtualList
          class="cases"
          label={t('popup_title')}
          items={pages.cases}
          rowHeight={POPUP_ROW_HEIGHT}
          height={sheet ? LIST_HEIGHT_WITH_SHEET : LIST_HEIGHT}
          // With more open cases than a window holds, the first frame builds only the rows on screen and
          // the ones below follow once it is painted; a short list is built whole at once.
          overscan={firstRowsPainted || pages.complete ? POPUP_OVERSCAN : 0}
          keyOf={(c) => c.id}
          onNearEnd={pages.complete ? undefined : pages.loadMore}
          renderRow={(item) => (
            <CaseRow
              item={item}
              now={now}
              selected={sheet?.caseId === item.id}
              onAction={(action, c) => setSheet({ action, caseId: c.id })}
              onChangeState={(c, to) => void write.run((r) => r.setState(c.id, to))}
            />
          )}
        />
      )}
      {sheet && sheetCase && (
        <section class="sheet" aria-label={sheet.action === 'log-contact' ? t('action_log_contact') : t('action_set_reminder')}>
          <h2>
            {sheet.action === 'log-contact' ? t('action_log_contact') : t('action_set_reminder')}
            <span class="sheet-who">{sheetCase.buyerNick || t('popup_buyer_unknown')}</span>
          </h2>
          {sheet.action === 'log-contact' ? (
            <ContactForm
              busy={write.busy}
              onCancel={closeSheet}
              onSave={(input) => void write.run((r) => r.logContact(sheetCase.id, input), closeSheet)}
            />
          ) : (
            <ReminderForm
              item={sheetCase}
              busy={write.busy}
              onCancel={closeSheet}
              onSave={(at) => void write.run((r) => r.setFollowUp(sheetCase.id, at), closeSheet)}
            />
          )}
        </section>
      )}
    </main>
  );
}
