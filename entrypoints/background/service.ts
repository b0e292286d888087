import { browser } from 'wxt/browser';
import { openCasesDb, type CasesRepository } from '../../lib/cases/repository';
import { listen, type ReviewCaseStatus, type TabHealth } from '../../lib/messaging/protocol';
import { loadSettings } from '../../lib/settings';

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

  const statusOf = (found: { case: { id: string; state: string } | null; created: boolean }): ReviewCaseStatus => ({
    caseId: found.case?.id ?? null,
    state: found.case?.state ?? null,
    created: found.created,
  });

  const healthKey = (tabId: number) => `health:${tabId}`;

  const stop = listen({
    'reviews.seen': async ({ items }) => {
      const settings = await loadSettings();
      const db = await repo();
      const statuses: ReviewCaseStatus[] = [];
      let created = false;
      for (const { snapshot, analysis } of items) {
        try {
          const found = await db.recordSeen(snapshot, analysis, { autoOpen: settings.autoOpenCases });
          created ||= found.created;
          statuses.push(statusOf(found));
        } catch (error) {
          statuses.push({ caseId: null, state: null, created: false, error: (error as Error).message });
        }
      }
      if (created) await refreshBadge();
      return statuses;
    },
    'review.track': async ({ snapshot, analysis }) => {
      const found = await (await repo()).track(snapshot, analysis);
      await refreshBadge();
      return { caseId: found.id, state: found.state, created: true };
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
    'cases.changed': async () => {
      await refreshBadge();
    },
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    browser.storage.session.remove(healthKey(tabId)).catch(() => {});
  });
  browser.runtime.onStartup.addListener(() => void refreshBadge());
  browser.runtime.onInstalled.addListener(() => void refreshBadge());

  return { stop, refreshBadge, repo };
}
