/**
 * Widget mounts and re-renders, done in short slices. A page that adds a hundred rows at once
 * would otherwise get a hundred Preact renders in one task — a long task the seller feels as a
 * stutter. Each job is keyed, so a review whose status changes twice before its turn renders once.
 *
 * Widgets are rendered detached and put into the page together: every frame in which the page's
 * table gained a widget costs the page a layout and a paint-tree walk of the whole table, so ten
 * slices that each inserted a few widgets cost ten of those; one insertion after them costs one.
 */
export interface UiQueue {
  /** Runs `job` soon; a later job with the same key replaces one still waiting. */
  enqueue(key: object, job: () => void): void;
  /**
   * Puts a rendered widget into the page once the queue has run dry, or `placeEveryMs` after the
   * first placement still waiting, whichever comes first.
   */
  place(insert: () => void): void;
  clear(): void;
}

export interface UiQueueOptions {
  sliceMs: number;
  placeEveryMs: number;
  /** A timer that stops with the content script (WXT's ctx.setTimeout). */
  setTimer(callback: () => void, ms: number): void;
}

export function createUiQueue(schedule: (callback: () => void) => void, { sliceMs, placeEveryMs, setTimer }: UiQueueOptions): UiQueue {
  const jobs = new Map<object, () => void>();
  let scheduled = false;
  let cleared = false;
  let placements: Array<() => void> = [];

  const placeAll = () => {
    const waiting = placements;
    placements = [];
    for (const insert of waiting) {
      try {
        insert();
      } catch (error) {
        console.warn('[Mend] could not place a review widget', error);
      }
    }
  };

  const run = () => {
    scheduled = false;
    if (cleared) return;
    const started = performance.now();
    for (const [key, job] of jobs) {
      jobs.delete(key);
      try {
        job();
      } catch (error) {
        // One widget that fails to render must not keep the others from theirs.
        console.warn('[Mend] could not render a review widget', error);
      }
      if (performance.now() - started >= sliceMs) break;
    }
    if (jobs.size > 0) request();
    else placeAll();
  };

  const request = () => {
    if (scheduled || cleared) return;
    scheduled = true;
    schedule(run);
  };

  return {
    enqueue(key, job) {
      if (cleared) return;
      // Re-inserting moves a replaced job to the back: first come, first served otherwise.
      jobs.delete(key);
      jobs.set(key, job);
      request();
    },
    place(insert) {
      if (cleared) return;
      placements.push(insert);
      if (placements.length === 1) setTimer(() => placements.length > 0 && !cleared && placeAll(), placeEveryMs);
    },
    clear() {
      cleared = true;
      jobs.clear();
      placements = [];
    },
  };
}
