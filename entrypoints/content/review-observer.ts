/**
 * One shared MutationObserver per page. It looks only at what was added (never rescans the whole
 * page on a mutation), hands each review root over exactly once, and retries roots that were not
 * complete yet when something is added inside them (rows that render in several steps).
 */
export interface ReviewObserverOptions {
  /** Review roots within a scope (the document, or a subtree that was just added). */
  findRoots(scope: ParentNode): Element[];
  /** Handles one root; returns false when the root is not complete yet and should be retried. */
  handleRoot(root: Element): boolean;
  /** Runs a callback soon, without blocking the page (ctx timers in the extension). */
  schedule(callback: () => void): void;
  /** Milliseconds of work per slice before yielding back to the page. */
  sliceMs?: number;
  /**
   * A slice may run on to this many milliseconds when what is left should be done within it, going
   * by the time roots have taken so far. A few dozen rows added at once are then all recognized
   * in one task, instead of the last few waiting behind the page's next frame (on a long page,
   * a hundred milliseconds of layout). Default: `sliceMs` (no run-on).
   */
  finishWithinMs?: number;
  /** Ignore mutations inside nodes Mend made itself. */
  isOwnNode?(node: Node): boolean;
}

export interface ReviewObserver {
  /** Queues a scan of `scope` (e.g. the whole document after a navigation). */
  scan(scope: ParentNode): void;
  stop(): void;
  /** Resolves when every queued scope and root has been handled (tests, benchmarks). */
  idle(): Promise<void>;
}

export function observeReviews(target: Node, options: ReviewObserverOptions): ReviewObserver {
  const sliceMs = options.sliceMs ?? 8;
  const finishWithinMs = Math.max(sliceMs, options.finishWithinMs ?? sliceMs);
  /** Running average of one root's handling time; starts pessimistic so an unknown backlog never runs on. */
  let msPerRoot = sliceMs;
  const handled = new WeakSet<Element>();
  const incomplete = new Set<Element>();
  const scopes: ParentNode[] = [];
  const roots: Element[] = [];
  let scheduled = false;
  let stopped = false;
  let idleWaiters: Array<() => void> = [];

  const enqueueRoots = (found: Element[]) => {
    for (const root of found) if (!handled.has(root)) roots.push(root);
  };

  let pumping = false;
  const pump = () => {
    scheduled = false;
    if (stopped || pumping) return;
    pumping = true;
    const started = performance.now();
    try {
      work(started);
    } finally {
      pumping = false;
    }
    if (scopes.length > 0 || roots.length > 0) requestPump();
    else {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  };

  /** Whether the slice started at `started` goes on: within its time, or finishing a small rest. */
  const goOn = (started: number) => {
    const elapsed = performance.now() - started;
    if (elapsed < sliceMs) return true;
    return scopes.length === 0 && elapsed + roots.length * msPerRoot <= finishWithinMs;
  };

  const work = (started: number) => {
    while (goOn(started)) {
      const scope = scopes.shift();
      if (scope) {
        if ((scope as Node).isConnected !== false) enqueueRoots(options.findRoots(scope));
        continue;
      }
      const root = roots.shift();
      if (!root) break;
      if (handled.has(root) || !root.isConnected) continue;
      let complete = false;
      const before = performance.now();
      try {
        complete = options.handleRoot(root);
      } catch (error) {
        // One odd row must not stop the others; it stays visible as unrecognized.
        console.warn('[Mend] could not handle a review', error);
        complete = true;
      }
      msPerRoot = 0.8 * msPerRoot + 0.2 * (performance.now() - before);
      if (complete) {
        handled.add(root);
        incomplete.delete(root);
      } else {
        incomplete.add(root);
      }
    }
  };

  const requestPump = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    options.schedule(() => pump());
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (options.isOwnNode?.(record.target)) continue;
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE || options.isOwnNode?.(node)) continue;
        scopes.push(node as Element);
      }
      if (incomplete.size > 0) {
        for (const root of incomplete) if (root.contains(record.target)) roots.push(root);
      }
    }
    if (scopes.length === 0 && roots.length === 0) return;
    // Never inside the callback: it runs in the page's own task, and any work there lengthens it.
    requestPump();
  });
  observer.observe(target, { childList: true, subtree: true, characterData: true });

  return {
    scan(scope) {
      scopes.push(scope);
      requestPump();
    },
    stop() {
      stopped = true;
      observer.disconnect();
      scopes.length = 0;
      roots.length = 0;
      incomplete.clear();
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    },
    idle() {
      if (stopped || (scopes.length === 0 && roots.length === 0 && !scheduled)) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
