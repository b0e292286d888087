import { EARLY_OPEN_KEY, type EarlyOpen } from '../../lib/cases/early-open';
import { openCasesDb, type CasesRepository, type OpenCasesDbOptions } from '../../lib/cases/repository';
import type { CaseQuery } from '../../lib/cases/query';
import type { Case } from '../../lib/cases/types';
import { FIRST_PAGE, FIRST_QUERY } from './first-page';

type Opener = (options: OpenCasesDbOptions) => Promise<CasesRepository>;
type FirstPage = (repo: CasesRepository, query: CaseQuery) => Promise<Case[]> | null;

export interface EarlyRead {
  /** Hands over the connection opened early once (with the store's handlers); later calls open anew. */
  open: Opener;
  /** The first page read early, if `repo` and `query` are what it was read for; once only. */
  firstPage: FirstPage;
}

/** The connection popup-early.js (a classic script in the popup's head) began opening, if it ran. */
export function takeEarlyOpen(): EarlyOpen | undefined {
  const holder = globalThis as unknown as Record<string, EarlyOpen | undefined>;
  const early = holder[EARLY_OPEN_KEY];
  delete holder[EARLY_OPEN_KEY];
  return early;
}

/**
 * Opens the store and reads the first page while the rest of the popup's code is still loading:
 * IndexedDB works in another process, so by the time Preact has rendered the header the rows are
 * (nearly) there. With `started` (the head script's connection, opened before this module was even
 * fetched) it takes that connection and the page read on it instead.
 */
export function startEarlyRead(store: Pick<OpenCasesDbOptions, 'factory' | 'name'> = {}, started?: EarlyOpen): EarlyRead {
  let handlers: Pick<OpenCasesDbOptions, 'onBlocked' | 'onClosed'> = {};
  let blockedBeforeHandover = false;
  const opened = openCasesDb({
    ...store,
    early: started,
    reconcile: false,
    onBlocked: () => (handlers.onBlocked ? handlers.onBlocked() : (blockedBeforeHandover = true)),
    onClosed: (reason) => handlers.onClosed?.(reason),
  });
  const firstQuery: CaseQuery = { ...FIRST_QUERY, offset: 0, limit: FIRST_PAGE };
  let page: Promise<Case[]> | null = opened.then(async (repo) => (started?.adopted && (await started.firstPage)) || repo.list(firstQuery));
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
