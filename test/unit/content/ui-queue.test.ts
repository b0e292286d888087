import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUiQueue } from '../../../entrypoints/content/ui-queue';

/** A scheduler the test drives by hand: each `step()` is one macrotask. */
function manualScheduler() {
  const pending: Array<() => void> = [];
  return {
    schedule: (callback: () => void) => void pending.push(callback),
    step() {
      const next = pending.shift();
      next?.();
      return next !== undefined;
    },
    get waiting() {
      return pending.length;
    },
  };
}

/** Timers the test fires by hand. */
function manualTimers() {
  const pending: Array<{ callback: () => void; ms: number }> = [];
  return {
    setTimer: (callback: () => void, ms: number) => void pending.push({ callback, ms }),
    fire() {
      pending.splice(0).forEach(({ callback }) => callback());
    },
    get delays() {
      return pending.map(({ ms }) => ms);
    },
  };
}

function options(sliceMs: number, timers = manualTimers()) {
  return { sliceMs, placeEveryMs: 100, setTimer: timers.setTimer };
}

afterEach(() => vi.restoreAllMocks());

describe('createUiQueue', () => {
  it('runs jobs in the order they came, in one scheduled task when they fit the slice', () => {
    const scheduler = manualScheduler();
    const queue = createUiQueue(scheduler.schedule, options(1000));
    const ran: string[] = [];
    for (const name of ['a', 'b', 'c']) queue.enqueue({ name }, () => ran.push(name));
    expect(ran).toEqual([]);
    expect(scheduler.waiting).toBe(1);
    scheduler.step();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(scheduler.waiting).toBe(0);
  });

  it('keeps only the latest job of a key, run at the latest position', () => {
    const scheduler = manualScheduler();
    const queue = createUiQueue(scheduler.schedule, options(1000));
    const ran: string[] = [];
    const first = {};
    queue.enqueue(first, () => ran.push('first v1'));
    queue.enqueue({}, () => ran.push('second'));
    queue.enqueue(first, () => ran.push('first v2'));
    scheduler.step();
    expect(ran).toEqual(['second', 'first v2']);
  });

  it('yields once a slice is used up and carries on in the next task', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const scheduler = manualScheduler();
    const queue = createUiQueue(scheduler.schedule, options(8));
    const ran: number[] = [];
    for (let i = 0; i < 5; i++)
      queue.enqueue({ i }, () => {
        now += 5;
        ran.push(i);
      });
    scheduler.step();
    expect(ran).toEqual([0, 1]);
    scheduler.step();
    expect(ran).toEqual([0, 1, 2, 3]);
    scheduler.step();
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    expect(scheduler.waiting).toBe(0);
  });

  it('a job that throws does not stop the others', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const scheduler = manualScheduler();
    const queue = createUiQueue(scheduler.schedule, options(1000));
    const ran: string[] = [];
    queue.enqueue({}, () => {
      throw new Error('broken widget');
    });
    queue.enqueue({}, () => ran.push('after'));
    scheduler.step();
    expect(ran).toEqual(['after']);
    expect(console.warn).toHaveBeenCalledOnce();
  });

  it('runs nothing once cleared (the extension was reloaded)', () => {
    const scheduler = manualScheduler();
    const queue = createUiQueue(scheduler.schedule, options(1000));
    const ran: string[] = [];
    queue.enqueue({}, () => ran.push('late'));
    queue.clear();
    queue.enqueue({}, () => ran.push('later'));
    while (scheduler.step());
    expect(ran).toEqual([]);
  });

  describe('placing widgets into the page', () => {
    it('holds every placement until the queue has run dry, then makes them together', () => {
      let now = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => now);
      const scheduler = manualScheduler();
      const timers = manualTimers();
      const queue = createUiQueue(scheduler.schedule, options(8, timers));
      const placed: number[] = [];
      for (let i = 0; i < 4; i++)
        queue.enqueue({ i }, () => {
          now += 5;
          queue.place(() => placed.push(i));
        });
      scheduler.step();
      expect(placed).toEqual([]);
      scheduler.step();
      expect(placed).toEqual([0, 1, 2, 3]);
      // The fallback timer finds nothing left to place.
      timers.fire();
      expect(placed).toEqual([0, 1, 2, 3]);
    });

    it('places what waits after placeEveryMs while a long burst is still rendering', () => {
      const scheduler = manualScheduler();
      const timers = manualTimers();
      const queue = createUiQueue(scheduler.schedule, options(0, timers));
      const placed: string[] = [];
      queue.enqueue({}, () => queue.place(() => placed.push('first')));
      queue.enqueue({}, () => queue.place(() => placed.push('second')));
      scheduler.step();
      expect(timers.delays).toEqual([100]);
      timers.fire();
      expect(placed).toEqual(['first']);
      scheduler.step();
      expect(placed).toEqual(['first', 'second']);
    });

    it('one placement that throws does not keep the others out', () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      const scheduler = manualScheduler();
      const queue = createUiQueue(scheduler.schedule, options(1000));
      const placed: string[] = [];
      queue.enqueue({}, () => {
        queue.place(() => {
          throw new Error('mount point gone');
        });
        queue.place(() => placed.push('fine'));
      });
      scheduler.step();
      expect(placed).toEqual(['fine']);
      expect(console.warn).toHaveBeenCalledOnce();
    });

    it('places nothing once cleared', () => {
      const scheduler = manualScheduler();
      const timers = manualTimers();
      const queue = createUiQueue(scheduler.schedule, options(0, timers));
      const placed: string[] = [];
      queue.enqueue({}, () => queue.place(() => placed.push('late')));
      queue.enqueue({}, () => {});
      scheduler.step();
      queue.clear();
      timers.fire();
      while (scheduler.step());
      expect(placed).toEqual([]);
    });
  });
});
