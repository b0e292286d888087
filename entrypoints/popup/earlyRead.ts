import { openCasesDb, type CasesRepository, type OpenCasesDbOptions } from '../../lib/cases/repository';
import type { CaseQuery } from '../../lib/cases/query';
import { OPEN_STATES, type Case } from '../../lib/cases/types';

/** Rows read before the first paint: the list shows five or six; more load as the seller scrolls. */
export const FIRST_PAGE = 20;

/** What the popup asks for first: open cases, no filter, most urgent first. */
export const FIRST_QUERY: CaseQuery = { states: OPEN_STATES };

type Opener = (options: OpenCasesDbOptions) => Promise<CasesRepository>;
type FirstPage = (repo: CasesRepository, query: CaseQuery) => Promise<Case[]> | null;

export interface EarlyRead {
  /** Hands over the connection opened early once (with the store's handlers); later calls open anew. */
  open: Opener;
  /** The first page read early, if `repo` and `query` are what it was read for; once only. */
  firstPage: FirstPage;
}

/**
 * Opens the store and reads the first page while the rest of the popup's code is still loading:
 * IndexedDB works in another process, so by the time Preact has rendered the header the rows are
 * (nearly) there. Import this module before any UI module so its body runs first.
 */
export function startEarlyRead(store: Pick<OpenCasesDbOptions, 'factory' | 'name'> = {}): EarlyRead {
  let handlers: Pick<OpenCasesDbOptions, 'onBlocked' | 'onClosed'> = {};
  let blockedBeforeHandover = false;
  const opened = openCasesDb({
    ...store,
    reconcile: false,
    onBlocked: () => (handlers.onBlocked ? handlers.onBlocked() : (blockedBeforeHandover = true)),
    onClosed: (reason) => handlers.onClosed?.(reason),
  });
  const firstQuery: CaseQuery = { ...FIRST_QUERY, offset: 0, limit: FIRST_PAGE };
  let page: Promise<Case[]> | null = opened.then((repo) => repo.list(firstQuery));
  // Nobody may ever ask for it (the store failed, the seller filtered first): not an unhandled rejection.
  page.catch(() => undefined);
  let early: CasesRepository | null = null;
  void opened.then((repo) => (early = repo), () => undefined);
  let handedOver = false;

  return {
    open(options) {
      if (handedOver) return openCasesDb(options);
      handedOver = true;
      handlers = { onBlocked: options.onBlocked, onClosed: options.onClosed };
      if (blockedBeforeHandover) options.onBlocked?.();
      return opened;
    },
    firstPage(repo, query) {
      if (!page || repo !== early || JSON.stringify(query) !== JSON.stringify(firstQuery)) return null;
      const answer = page;
      page = null;
      return answer;
    },
  };
}
