import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CaseQuery } from '../../lib/cases/query';
import { casePredicate } from '../../lib/cases/query';
import type { CasesRepository } from '../../lib/cases/repository';
import type { Case } from '../../lib/cases/types';
import { describeError } from './errors';

export const PAGE_SIZE = 100;

/** Orders like the repository's indexes do: element by element, numbers before strings. */
function compareKeys(a: ReadonlyArray<number | string>, b: ReadonlyArray<number | string>): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

export interface CasePages {
  cases: Case[];
  /** Every matching case is loaded. */
  complete: boolean;
  loading: boolean;
  error: string | null;
  loadMore: () => void;
  /** Puts a case the page just wrote back into the list (or drops it if it no longer matches). */
  replace: (updated: Case) => void;
  reload: () => void;
}

/**
 * The list a page shows, read a page at a time along the repository's urgency index: the first
 * rows arrive after reading ~100 cases, not 50,000. Later pages load as the seller scrolls.
 */
export function useCasePages(
  repo: CasesRepository | null,
  query: CaseQuery,
  generation = 0,
  /** Size of the first page: a small window (the popup) paints sooner by reading fewer cases first. */
  firstPageSize = PAGE_SIZE,
  /** A first page already being read for this repository and query (the popup starts it early), or null. */
  prefetched?: (repo: CasesRepository, query: CaseQuery) => Promise<Case[]> | null,
): CasePages {
  const [cases, setCases] = useState<Case[]>([]);
  const [complete, setComplete] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  // Each query (or reload) gets a ticket; answers to an older ticket are dropped.
  const ticket = useRef(0);
  const inFlight = useRef(false);
  const loaded = useRef<Case[]>([]);
  const queryKey = JSON.stringify(query);

  const fetchPage = useCallback(
    (reset: boolean) => {
      if (!repo || (inFlight.current && !reset)) return;
      const mine = reset ? ++ticket.current : ticket.current;
      const offset = reset ? 0 : loaded.current.length;
      const limit = reset ? firstPageSize : PAGE_SIZE;
      inFlight.current = true;
      setLoading(true);
      const pageQuery = { ...query, offset, limit };
      ((reset && prefetched?.(repo, pageQuery)) || repo.list(pageQuery)).then(
        (page) => {
          if (mine !== ticket.current) return;
          loaded.current = reset ? page : [...loaded.current, ...page];
          inFlight.current = false;
          setCases(loaded.current);
          setComplete(page.length < limit);
          setLoading(false);
          setError(null);
        },
        (failure) => {
          if (mine !== ticket.current) return;
          inFlight.current = false;
          setLoading(false);
          setError(describeError(failure));
        },
      );
    },
    // queryKey stands for query: a new object with the same filters must not refetch.
    [repo, queryKey, firstPageSize, prefetched],
  );

  // A layout effect asks for the first page right after the render that made the store ready.
  useLayoutEffect(() => {
    fetchPage(true);
  }, [fetchPage, generation, reloads]);

  const loadMore = useCallback(() => {
    if (!complete) fetchPage(false);
  }, [fetchPage, complete]);

  const replace = useCallback(
    (updated: Case) => {
      const matches = casePredicate(query)(updated);
      const others = loaded.current.filter((c) => c.id !== updated.id);
      const next = matches ? [...others, updated] : others;
      if (query.sort === 'updated') next.sort((a, b) => compareKeys(a.recentKey, b.recentKey));
      else next.sort((a, b) => compareKeys(a.urgencyKey, b.urgencyKey));
      loaded.current = next;
      setCases(next);
    },
    // queryKey stands for query: a new object with the same filters must not refetch.
    [queryKey],
  );

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return { cases, complete, loading, error, loadMore, replace, reload };
}
