import { browser } from 'wxt/browser';
import { openCasesDb, type CasesRepository } from '../../lib/cases/repository';
import type { Case, CaseRisk } from '../../lib/cases/types';
import { draftFactsFromCase } from '../../components/drafts/case-facts';
import { listen, type CaseDraftFacts, type ReviewCaseStatus, type TabHealth } from '../../lib/messaging/protocol';
import { loadSettings } from '../../lib/settings';
import { recentTexts, refreshCaseRisk } from '../../lib/case-risk';
import { buyerProfileHandlers } from './buyer-profiles';
import { enableSite, watchExtraSites } from './extra-sites';
import { startReminders } from './reminders';

/**
 * The background owns the case database (it lives in the extension's origin; a content script's
 * IndexedDB would belong to the website). Nothing is kept only in memory: a restarted service
 * worker reopens the database and reads settings again.
 */
export function startBackground(options: { factory?: IDBFactory } = {}) {
  let repository: Promise<CasesRepository> | null = null;
  const repo = () => {
    repository ??= openCasesDb({ factory: options.factory }).catch((error) => {
      repository = null;
      throw error;
    });
    return repository;
  };

  const refreshBadge = async () => {
    try {
      const open = await (await repo()).countOpen();
      await browser.action.setBadgeText({ text: open > 0 ? String(open) : '' });
      await browser.action.setBadgeBackgroundColor({ color: '#d4380d' });
    } catch (error) {
      await browser.action.setBadgeText({ text: '!' }).catch(() => {});
      console.error('[Mend] badge', error);
    }
  };

  const statusOf = (found: { case: Case | null; created: boolean }, risk?: CaseRisk): ReviewCaseStatus => ({
    caseId: found.case?.id ?? null,
    state: found.case?.state ?? null,
    created: found.created,
    ...(risk ? { risk } : {}),
    ...(found.case ? { draftFacts: draftFactsFromCase(found.case) as CaseDraftFacts } : {}),
  });

  /** Cases learn the buyer's history here; the page's own first guess only saw the row. */
  const withRisk = async (db: CasesRepository, found: { case: Case | null; created: boolean }[]) => {
    const now = Date.now();
    const recent = found.some((f) => f.case) ? await recentTexts(db, now) : [];
    const statuses: ReviewCaseStatus[] = [];
    for (const item of found) {
      let risk: CaseRisk | undefined;
      if (item.case) {
        try {
          risk = await refreshCaseRisk(db, item.case, recent, now);
        } catch (error) {
          console.error('[Mend] risk', error);
        }
      }
      statuses.push(statusOf(item, risk));
    }
    return statuses;
  };

  const healthKey = (tabId: number) => `health:${tabId}`;
  const reminders = startReminders({ repo });
  const stopWatchingSites = watchExtraSites();

  const stop = listen({
    ...buyerProfileHandlers({ repo }),
    'reviews.seen': async ({ items }) => {
      const settings = await loadSettings();
      const db = await repo();
      let found;
      try {
        found = await db.recordSeenMany(items, { autoOpen: settings.autoOpenCases });
      } catch (error) {
        // Shown on every review of the batch: a storage failure must not look like "no case".
        return items.map(() => ({ caseId: null, state: null, created: false, error: (error as Error).message }));
      }
      if (found.some((f) => f.created)) await refreshBadge();
      return withRisk(db, found);
    },
    'review.track': async ({ snapshot, analysis }) => {
      const db = await repo();
      const tracked = await db.track(snapshot, analysis);
      await refreshBadge();
      const [status] = await withRisk(db, [{ case: tracked, created: true }]);
      return status;
    },
    'tab.health': async (health, sender) => {
      if (sender.tabId === undefined) return;
      // Session storage survives a service-worker restart but not the browser session: right for per-tab state.
      await browser.storage.session.set({ [healthKey(sender.tabId)]: health });
    },
    'tab.health.get': async ({ tabId }) => {
      const stored = await browser.storage.session.get(healthKey(tabId));
      return (stored[healthKey(tabId)] as TabHealth | undefined) ?? null;
    },
    'site.enable': ({ origin, tabId }) => enableSite(origin, tabId),
    'cases.changed': async () => {
      await Promise.all([refreshBadge(), reminders.sync()]);
    },
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    browser.storage.session.remove(healthKey(tabId)).catch(() => {});
  });
  const onLaunch = () => void Promise.all([refreshBadge(), reminders.sync()]).catch((error) => console.error('[Mend] start', error));
  browser.runtime.onStartup.addListener(onLaunch);
  browser.runtime.onInstalled.addListener(onLaunch);

  return {
    stop() {
      stop();
      reminders.stop();
      stopWatchingSites();
    },
    refreshBadge,
    repo,
  };
}
