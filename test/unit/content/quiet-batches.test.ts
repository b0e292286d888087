import { describe, expect, it } from 'vitest';
import { createQuietBatches, type QuietBatchOptions } from '../../../entrypoints/content/quiet-batches';

/** A clock and timers the test moves by hand. */
function manualTime() {
  let now = 0;
  let tasks = 0;
  let timers: Array<{ at: number; callback: () => void }> = [];
  return {
    now: () => now,
    /** How many timer callbacks have run: each is a task of its own. */
    task: () => tasks,
    setTimer: (callback: () => void, ms: number) => void timers.push({ at: now + ms, callback }),
    /** Moves the clock, firing every timer that comes due on the way, in order. */
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        tasks++;
        due.callback();
      }
      now = until;
    },
  };
}

function setup(overrides: Partial<QuietBatchOptions> = {}) {
  const time = manualTime();
  const sent: number[][] = [];
  const sentInTask: number[] = [];
  const reports = createQuietBatches<number>((batch) => {
    sent.push(batch);
    sentInTask.push(time.task());
  }, {
    quietMs: 1000,
    maxWaitMs: 5000,
    maxBatch: 2,
    setTimer: time.setTimer,
    now: time.now,
    ...overrides,
  });
  return { time, sent, sentInTask, reports };
}

describe('createQuietBatches', () => {
  it('holds reviews back until the page adds none for the quiet time, then sends them together', () => {
    const { time, sent, reports } = setup({ maxBatch: 10 });
    // A page still filling in: a review every 400 ms keeps the reports waiting.
    for (let n = 1; n <= 5; n++) {
      reports.add(n);
      time.advance(400);
    }
    expect(sent).toEqual([]);
    time.advance(599);
    expect(sent).toEqual([]);
    time.advance(1);
    expect(sent).toEqual([[1, 2, 3, 4, 5]]);
    // The next burst waits for its own quiet time.
    reports.add(6);
    time.advance(999);
    expect(sent).toHaveLength(1);
    time.advance(1);
    expect(sent).toEqual([[1, 2, 3, 4, 5], [6]]);
  });

  it('with no batch bound (widgets of a short page), holds everything for quiet and hands it on in one batch', () => {
    const { time, sent, sentInTask, reports } = setup({ quietMs: 500, maxBatch: Number.POSITIVE_INFINITY });
    for (let n = 1; n <= 150; n++) reports.add(n);
    time.advance(499);
    expect(sent).toEqual([]);
    time.advance(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(150);
    expect(new Set(sentInTask).size).toBe(1);
  });

  it('sends waiting reviews after the longest wait even if the page never stops growing', () => {
    const { time, sent, reports } = setup({ maxBatch: 100 });
    for (let n = 1; n <= 60; n++) {
      reports.add(n);
      time.advance(100);
    }
    // The first waited 5 s by the 50th review; all of those go out together.
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('splits a long wait into messages of at most maxBatch, one per task', () => {
    const { time, sent, sentInTask, reports } = setup();
    [1, 2, 3, 4, 5].forEach((n) => reports.add(n));
    time.advance(999);
    expect(sent).toEqual([]);
    time.advance(1);
    expect(sent).toEqual([[1, 2], [3, 4], [5]]);
    expect(new Set(sentInTask).size).toBe(3);
  });

  it('sends everything waiting at once, in one task, when the page is left', () => {
    const { time, sent, sentInTask, reports } = setup();
    [1, 2, 3, 4, 5].forEach((n) => reports.add(n));
    time.advance(500);
    reports.sendNow();
    expect(sent).toEqual([[1, 2], [3, 4], [5]]);
    expect(new Set(sentInTask).size).toBe(1);
    // Nothing is sent twice when the quiet timer comes due later.
    time.advance(5000);
    expect(sent).toHaveLength(3);
    reports.sendNow();
    expect(sent).toHaveLength(3);
  });

  it('sends nothing once stopped', () => {
    const { time, sent, reports } = setup();
    [1, 2, 3].forEach((n) => reports.add(n));
    time.advance(999);
    reports.stop();
    reports.add(4);
    reports.sendNow();
    time.advance(5000);
    expect(sent).toEqual([]);
  });
});
