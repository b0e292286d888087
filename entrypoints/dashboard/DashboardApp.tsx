import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { CaseDetail } from '../../components/cases/CaseDetail';
import { BlacklistPanel, CaseRiskPanel } from '../../components/risk';
import { CaseFilters, EMPTY_FILTERS, filtersToQuery, type FilterValues } from '../../components/cases/CaseFilters';
import { CaseRow } from '../../components/cases/CaseRow';
import { ErrorBanner, StoreBanner } from '../../components/cases/StoreBanner';
import { TransferPanel } from '../../components/cases/TransferPanel';
import { useCasePages } from '../../components/cases/useCasePages';
import { useCaseWrite } from '../../components/cases/useCaseWrite';
import { useCasesChanged } from '../../components/cases/useCasesChanged';
import { useCasesStore, type StoreOptions } from '../../components/cases/useCasesStore';
import { VirtualList } from '../../components/cases/VirtualList';
import { groupLabel } from '../../components/cases/labels';
import { CASE_GROUPS, CASE_STATES, type Case, type CaseGroup } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { StatsPanel } from './StatsPanel';

export type DashboardTab = 'cases' | 'stats' | 'blacklist' | 'data';
const TABS: DashboardTab[] = ['cases', 'stats', 'blacklist', 'data'];
const ROW_HEIGHT = 84;

/** `#case=<id>` opens a case (reminder notifications link there); `#stats` and `#data` pick a tab. */
export function readHash(hash: string): { tab: DashboardTab; caseId: string | null } {
  const value = hash.replace(/^#/, '');
  if (value.startsWith('case=')) return { tab: 'cases', caseId: decodeURIComponent(value.slice(5)) };
  return { tab: (TABS as string[]).includes(value) ? (value as DashboardTab) : 'cases', caseId: null };
}

function useListHeight(): number {
  const measure = () => Math.max(300, window.innerHeight - 190);
  const [height, setHeight] = useState(measure);
  useEffect(() => {
    const onResize = () => setHeight(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

export function DashboardApp({ store: storeOptions }: { store?: StoreOptions } = {}) {
  const { status, reopen } = useCasesStore(storeOptions);
  const repo = status.kind === 'ready' ? status.repo : null;
  const generation = status.kind === 'ready' ? status.generation : 0;
  const [route, setRoute] = useState(() => readHash(location.hash));
  const [filters, setFilters] = useState<FilterValues>(EMPTY_FILTERS);
  const query = useMemo(() => filtersToQuery(filters), [filters]);
  // The list reads only while its tab shows: on the statistics tab it would compete for the store.
  const pages = useCasePages(route.tab === 'cases' ? repo : null, query, generation);
  const [selected, setSelected] = useState<Case | null>(null);
  const [selectError, setSelectError] = useState<string | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const listHeight = useListHeight();

  useEffect(() => {
    const onHash = () => setRoute(readHash(location.hash));
    window.addEventListener('hashchange', onHash);
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => {
      window.removeEventListener('hashchange', onHash);
      clearInterval(timer);
    };
  }, []);

  // The case in the address: read it from the store, it may be far down the list.
  useEffect(() => {
    if (!repo || !route.caseId) return;
    repo.get(route.caseId).then(
      (found) => {
        setSelected(found ?? null);
        setSelectError(found ? null : t('detail_not_found', route.caseId!));
      },
      (error) => setSelectError(String(error)),
    );
  }, [repo, route.caseId]);

  const go = (tab: DashboardTab, caseId: string | null = null) => {
    const hash = caseId ? `#case=${encodeURIComponent(caseId)}` : tab === 'cases' ? '' : `#${tab}`;
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    setRoute({ tab, caseId });
  };

  const onUpdated = useCallback(
    (updated: Case) => {
      pages.replace(updated);
      setSelected((current) => (current?.id === updated.id ? updated : current));
      setDataVersion((v) => v + 1);
    },
    [pages.replace],
  );
  const write = useCaseWrite(repo, onUpdated);

  const onImported = useCallback(() => {
    pages.reload();
    setDataVersion((v) => v + 1);
  }, [pages.reload]);

  // Another page (the popup, another dashboard tab) changed cases: read again, the selected one too.
  useCasesChanged(() => {
    onImported();
    if (repo && selected) repo.get(selected.id).then((fresh) => setSelected(fresh ?? null), () => undefined);
  });

  const setGroup = (group: CaseGroup | '') => setFilters({ ...filters, group });

  return (
    <div class="dashboard">
      <header class="dash-header">
        <h1>{t('dash_title')}</h1>
        <nav role="tablist">
          {TABS.map((tab) => (
            <button
              type="button"
              role="tab"
              key={tab}
              data-tab={tab}
              aria-selected={route.tab === tab}
              class={route.tab === tab ? 'tab active' : 'tab'}
              onClick={() => go(tab, tab === 'cases' ? selected?.id ?? null : null)}
            >
              {t(`dash_tab_${tab}`)}
            </button>
          ))}
        </nav>
      </header>
      <StoreBanner status={status} onRetry={reopen} />
      <ErrorBanner message={write.error} onClose={write.clearError} />
      <ErrorBanner message={pages.error ?? selectError} />

      {route.tab === 'cases' && (
        <div class="cases-view">
          <section class="case-list">
            <div class="groups" role="group" aria-label={t('filter_group')}>
              <button type="button" class={filters.group === '' ? 'chip-button active' : 'chip-button'} onClick={() => setGroup('')}>
                {t('group_all')}
              </button>
              {CASE_GROUPS.map((g) => (
                <button type="button" key={g} data-group={g} class={filters.group === g ? 'chip-button active' : 'chip-button'} onClick={() => setGroup(g)}>
                  {groupLabel(g)}
                </button>
              ))}
            </div>
            <CaseFilters value={filters} onChange={setFilters} states={CASE_STATES} offerOpen showGroups />
            {repo && pages.cases.length === 0 && !pages.loading && <div class="empty">{t('dash_no_cases')}</div>}
            {pages.cases.length > 0 && (
              <VirtualList
                class="cases"
                label={t('dash_tab_cases')}
                items={pages.cases}
                rowHeight={ROW_HEIGHT}
                height={listHeight}
                keyOf={(c) => c.id}
                onNearEnd={pages.complete ? undefined : pages.loadMore}
                renderRow={(item) => (
                  <CaseRow item={item} now={now} selected={selected?.id === item.id} onSelect={(c) => go('cases', c.id)} />
                )}
              />
            )}
          </section>
          <section class="case-pane">
            {selected ? (
              <>
                <CaseDetail item={selected} now={now} write={write} />
                {repo && <CaseRiskPanel caseItem={selected} repo={repo} onChanged={onUpdated} />}
              </>
            ) : (
              <div class="empty">{t('dash_pick_case')}</div>
            )}
          </section>
        </div>
      )}
      {route.tab === 'stats' && <StatsPanel repo={repo} dataVersion={dataVersion + generation} />}
      {route.tab === 'blacklist' && repo && <BlacklistPanel repo={repo} />}
      {/* Export and import stay on every tab: dashboard.html always offers them ([data-action=export], input[data-action=import]). */}
      <TransferPanel repo={repo} onImported={onImported} />
    </div>
  );
}
