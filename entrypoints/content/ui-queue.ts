/**
 * Widget mounts and re-renders, done in short slices. A page that adds a hundred rows at once
 * would otherwise get a hundred Preact renders in one task — a long task the seller feels as a
 * stutter. Each job is keyed, so a review whose status changes twice before its turn renders once.
 */
export interface UiQueue {
  /** Runs `job` soon; a later job with the same key replaces one still waiting. */
  enqueue(key: object, job: () => void): void;
  clear(): void;
}

export function createUiQueue(schedule: (callback: () => void) => void, sliceMs: number): UiQueue {
  const jobs = new Map<object, () => void>();
  let scheduled = false;
  let cleared = false;

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
    clear() {
      cleared = true;
      jobs.clear();
    },
  };
}
