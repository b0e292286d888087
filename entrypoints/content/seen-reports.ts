/**
 * When the reviews Mend read are reported to the background (which records them as cases). The
 * background's storage work runs in other processes but on the same few cores as the page: on a
 * page that keeps growing (infinite scroll, a thousand rows) it would take CPU from the page's
 * rendering during every chunk. So the first reviews of a tab (an ordinary back-office page) are
 * reported at once, in short batches; beyond that, reports wait until the page stops adding
 * reviews for a moment (or has kept growing for too long) and then go out in bounded messages,
 * so no single task serializes a thousand reviews.
 */
export interface SeenReports<T> {
  add(item: T): void;
  /**
   * Sends everything still waiting, all in this task: the page is being hidden or left, so there is no
   * rendering to spare and maybe no later task to send it in.
   */
  sendNow(): void;
  /** Drops what is still waiting (the content script is going away). */
  stop(): void;
}

export interface SeenReportOptions {
  /** Reviews per tab reported promptly; later ones wait for a quiet page. */
  promptCount: number;
  /** How long prompt reports gather before they are sent together. */
  batchMs: number;
  /** How long the page must add no review before waiting reports are sent. */
  quietMs: number;
  /** Longest a waiting report is held back on a page that never stops growing. */
  maxWaitMs: number;
  /** Most reviews in one message. */
  maxBatch: number;
  /** A timer that stops with the content script (WXT's ctx.setTimeout). */
  setTimer(callback: () => void, ms: number): void;
  now(): number;
}

export function createSeenReports<T>(send: (batch: T[]) => void, options: SeenReportOptions): SeenReports<T> {
  const { promptCount, batchMs, quietMs, maxWaitMs, maxBatch, setTimer, now } = options;
  let pending: T[] = [];
  let added = 0;
  let prompt = false;
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
    if (!prompt) {
      const at = now();
      const quietFor = at - lastAddedAt;
      const waited = at - firstWaitingAt;
      if (quietFor < quietMs && waited < maxWaitMs) return arm(Math.min(quietMs - quietFor, maxWaitMs - waited));
    }
    flush();
  };

  const flush = (inThisTask = false) => {
    prompt = false;
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
      added++;
      const at = now();
      if (pending.length === 0) firstWaitingAt = at;
      lastAddedAt = at;
      pending.push(item);
      if (added <= promptCount) prompt = true;
      if (!armed) arm(prompt ? batchMs : quietMs);
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
