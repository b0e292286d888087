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

afterEach(() => vi.restoreAllMocks());

describe('createUiQueue', () => {
  it('runs jobs in the order they came, in one scheduled task when they fit the slice', () => {
    const scheduler = manualScheduler();
    const queue = createUiQueue(scheduler.schedule, 1000);
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
    const queue = createUiQueue(scheduler.schedule, 1000);
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
    const queue = createUiQueue(scheduler.schedule, 8);
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
    const queue = createUiQueue(scheduler.schedule, 1000);
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
    const queue = createUiQueue(scheduler.schedule, 1000);
    const ran: string[] = [];
    queue.enqueue({}, () => ran.push('late'));
    queue.clear();
    queue.enqueue({}, () => ran.push('later'));
    while (scheduler.step());
    expect(ran).toEqual([]);
  });
});
