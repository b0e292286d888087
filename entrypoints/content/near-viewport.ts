/**
 * Tells when reviews come near the viewport, watching only the first and last of each run of
 * reviews found together. An intersection observer's cost each frame grows with what it watches,
 * and an infinite-scroll page keeps a thousand unshown reviews: watching two per run of ten cuts
 * that work five-fold. Reviews of one run share a parent and follow one another, so a run lies
 * between its ends on the page, and the viewport cannot reach its middle without coming within
 * the margin of one of its ends unless the run is taller than the margin on both sides.
 */
export interface NearViewport<T> {
  /** Adds one item; its element is watched with the others added in the same task. */
  watch(item: T): void;
  stop(): void;
}

export interface Observer {
  observe(target: Element): void;
  unobserve(target: Element): void;
  disconnect(): void;
}

export interface NearViewportOptions {
  /** Longest run of reviews watched through its two ends. */
  runLength: number;
  /** Builds the observer (an IntersectionObserver in the page; a fake in tests). */
  observe(callback: (targets: Element[]) => void): Observer;
  /** Runs `flush` once the current task is done (queueMicrotask in the page). */
  defer(flush: () => void): void;
}

export function watchNearViewport<T>(elementOf: (item: T) => Element, onNear: (items: T[]) => void, options: NearViewportOptions): NearViewport<T> {
  const runOfEnd = new Map<Element, T[]>();
  let found: T[] = [];
  let stopped = false;

  const observer = options.observe((targets) => {
    const near: T[] = [];
    for (const target of targets) {
      const run = runOfEnd.get(target);
      if (!run) continue;
      for (const end of [elementOf(run[0]), elementOf(run[run.length - 1])]) {
        // An end may since have started a newer run (its review read again): that one stays watched.
        if (runOfEnd.get(end) !== run) continue;
        runOfEnd.delete(end);
        observer.unobserve(end);
      }
      near.push(...run);
    }
    if (near.length > 0 && !stopped) onNear(near);
  });

  const startRun = (run: T[]) => {
    for (const end of [elementOf(run[0]), elementOf(run[run.length - 1])]) {
      runOfEnd.set(end, run);
      observer.observe(end);
    }
  };

  const flush = () => {
    const items = found;
    found = [];
    if (stopped) return;
    let run: T[] = [];
    for (const item of items) {
      const previous = run.length > 0 ? elementOf(run[run.length - 1]) : null;
      const element = elementOf(item);
      const continues =
        previous !== null &&
        run.length < options.runLength &&
        previous.parentNode === element.parentNode &&
        (previous.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      if (!continues && run.length > 0) {
        startRun(run);
        run = [];
      }
      run.push(item);
    }
    if (run.length > 0) startRun(run);
  };

  return {
    watch(item) {
      if (stopped) return;
      found.push(item);
      if (found.length === 1) options.defer(flush);
    },
    stop() {
      stopped = true;
      found = [];
      runOfEnd.clear();
      observer.disconnect();
    },
  };
}
