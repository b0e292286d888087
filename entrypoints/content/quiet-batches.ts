/**
 * Work handed on in batches, held back while the page keeps adding reviews. Used for the reviews
 * Mend read, reported to the background (which records them as cases), and for the widgets of
 * off-screen reviews on a short page. The background's storage work runs in other processes but on
 * the same few cores as the page, and a widget placed off screen makes the page lay its table out
 * again: on a page that keeps growing (infinite scroll, a thousand rows) either would take time from
 * the page's rendering during every chunk. So items wait until the page stops adding reviews for a
 * moment (or has kept growing for too long) and then go out in bounded batches, so no single task
 * handles a thousand of them.
 */
export interface QuietBatches<T> {
  add(item: T): void;
  /**
   * Sends everything still waiting, all in this task: the page is being hidden or left, so there is no
   * rendering to spare and maybe no later task to send it in.
   */
  sendNow(): void;
  /** Drops what is still waiting (the content script is going away). */
  stop(): void;
}

export interface QuietBatchOptions {
  /** How long the page must add no review before waiting items are handed on. */
  quietMs: number;
  /** Longest a waiting item is held back on a page that never stops growing. */
  maxWaitMs: number;
  /** Most items in one batch (one batch per task). */
  maxBatch: number;
  /** A timer that stops with the content script (WXT's ctx.setTimeout). */
  setTimer(callback: () => void, ms: number): void;
  now(): number;
}

export function createQuietBatches<T>(send: (batch: T[]) => void, options: QuietBatchOptions): QuietBatches<T> {
  const { quietMs, maxWaitMs, maxBatch, setTimer, now } = options;
  let pending: T[] = [];
  let armed = false;
  let stopped = false;
  let firstWaitingAt = 0;
  let lastAddedAt = 0;

  const arm = (ms: number) => {
    armed = true;
    setTimer(check, ms);
  };

  const check = () => {
    armed = false;
    if (stopped || pending.length === 0) return;
    const at = now();
    const quietFor = at - lastAddedAt;
    const waited = at - firstWaitingAt;
    if (quietFor < quietMs && waited < maxWaitMs) return arm(Math.min(quietMs - quietFor, maxWaitMs - waited));
    flush();
  };

  const flush = (inThisTask = false) => {
    const all = pending;
    pending = [];
    send(all.slice(0, maxBatch));
    // One message per task: each is serialized in the task that sends it.
    for (let start = maxBatch; start < all.length; start += maxBatch) {
      const batch = all.slice(start, start + maxBatch);
      if (inThisTask) send(batch);
      else setTimer(() => !stopped && send(batch), 0);
    }
  };

  return {
    add(item) {
      if (stopped) return;
      const at = now();
      if (pending.length === 0) firstWaitingAt = at;
      lastAddedAt = at;
      pending.push(item);
      if (!armed) arm(quietMs);
    },
    sendNow() {
      if (!stopped && pending.length > 0) flush(true);
    },
    stop() {
      stopped = true;
      pending = [];
    },
  };
}
