import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { openCasesDb, type CasesRepository, type OpenCasesDbOptions } from '../../lib/cases/repository';
import { describeError } from './errors';

export type StoreStatus =
  | { kind: 'opening' }
  | { kind: 'ready'; repo: CasesRepository; generation: number }
  /** A newer Mend upgraded the database; this page's connection closed and is being reopened. */
  | { kind: 'reconnecting' }
  /** Another tab holds an older version open; the open waits for it. */
  | { kind: 'blocked' }
  | { kind: 'failed'; message: string };

export type StoreOptions = Pick<OpenCasesDbOptions, 'factory' | 'name' | 'reconcile'> & {
  /** Opens the store; the popup passes one that hands over a connection it opened before rendering. */
  open?: (options: OpenCasesDbOptions) => Promise<CasesRepository>;
};

const REOPEN_DELAY_MS = 300;

/**
 * Opens the case store for a page and keeps it usable: a version change closes the connection
 * (so the upgrade in another context can run), then the page reconnects and reloads its data.
 * `generation` changes with each new connection so views know to read again.
 */
export function useCasesStore(options: StoreOptions = {}): { status: StoreStatus; reopen: () => void } {
  const [status, setStatus] = useState<StoreStatus>({ kind: 'opening' });
  const generation = useRef(0);
  const disposed = useRef(false);
  const current = useRef<CasesRepository | null>(null);

  const open = useCallback(() => {
    const attempt = ++generation.current;
    const { open: opener = openCasesDb, ...openOptions } = options;
    opener({
      ...openOptions,
      onBlocked: () => {
        if (attempt === generation.current && !disposed.current) setStatus({ kind: 'blocked' });
      },
      onClosed: (reason) => {
        if (attempt !== generation.current || disposed.current) return;
        current.current = null;
        setStatus({ kind: 'reconnecting' });
        // Give the upgrading context a moment to finish before asking for the database again.
        setTimeout(() => {
          if (!disposed.current && attempt === generation.current) open();
        }, reason === 'versionchange' ? REOPEN_DELAY_MS : 0);
      },
    }).then(
      (repo) => {
        if (disposed.current || attempt !== generation.current) return repo.close();
        current.current = repo;
        setStatus({ kind: 'ready', repo, generation: attempt });
      },
      (error) => {
        if (!disposed.current && attempt === generation.current) setStatus({ kind: 'failed', message: describeError(error) });
      },
    );
    // The options are fixed for a page's life: one opener, created once.
  }, []);

  // Opening starts during the first render rather than after the first paint: a frame sooner.
  const started = useRef(false);
  if (!started.current) {
    started.current = true;
    open();
  }

  useEffect(() => {
    disposed.current = false;
    return () => {
      disposed.current = true;
      current.current?.close();
    };
  }, []);

  return { status, reopen: open };
}
