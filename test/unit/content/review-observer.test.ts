import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeReviews, type ReviewObserver } from '../../../entrypoints/content/review-observer';

function findRoots(scope: ParentNode): Element[] {
  const inside = Array.from(scope.querySelectorAll('.review'));
  return scope instanceof Element && scope.matches('.review') ? [scope, ...inside] : inside;
}

function review(id: string, complete = true): HTMLElement {
  const el = document.createElement('div');
  el.className = 'review';
  el.dataset.id = id;
  if (complete) el.append(Object.assign(document.createElement('p'), { textContent: `text ${id}` }));
  return el;
}

describe('observeReviews', () => {
  let observer: ReviewObserver | undefined;
  afterEach(() => {
    vi.restoreAllMocks();
    observer?.stop();
    document.body.replaceChildren();
  });

  const start = (handled: string[]) => {
    observer = observeReviews(document.body, {
      findRoots,
      handleRoot: (root) => {
        if (!root.querySelector('p')) return false;
        handled.push((root as HTMLElement).dataset.id!);
        return true;
      },
      schedule: (callback) => setTimeout(callback, 0),
      isOwnNode: (node) => node.nodeName === 'MEND-REVIEW',
    });
    return observer;
  };

  it('handles every review of the initial page once', async () => {
    document.body.append(review('a'), review('b'), review('c'));
    const handled: string[] = [];
    const obs = start(handled);
    obs.scan(document);
    obs.scan(document);
    await obs.idle();
    expect(handled.sort()).toEqual(['a', 'b', 'c']);
  });

  it('processes only what is added later, each review exactly once', async () => {
    document.body.append(review('a'));
    const handled: string[] = [];
    const obs = start(handled);
    obs.scan(document);
    await obs.idle();
    const list = document.createElement('section');
    list.append(review('b'), review('c'));
    document.body.append(list);
    document.body.append(review('d'));
    await new Promise((r) => setTimeout(r, 0));
    await obs.idle();
    expect(handled).toEqual(['a', 'b', 'c', 'd']);
  });

  it('retries a row that was incomplete when it arrived', async () => {
    const handled: string[] = [];
    const obs = start(handled);
    const late = review('late', false);
    document.body.append(late);
    await new Promise((r) => setTimeout(r, 0));
    await obs.idle();
    expect(handled).toEqual([]);
    late.append(Object.assign(document.createElement('p'), { textContent: 'now complete' }));
    await new Promise((r) => setTimeout(r, 0));
    await obs.idle();
    expect(handled).toEqual(['late']);
  });

  it("ignores the nodes Mend adds itself", async () => {
    document.body.append(review('a'));
    let calls = 0;
    observer = observeReviews(document.body, {
      findRoots: (scope) => {
        calls++;
        return findRoots(scope);
      },
      handleRoot: (root) => {
        root.append(document.createElement('mend-review'));
        return true;
      },
      schedule: (callback) => setTimeout(callback, 0),
      isOwnNode: (node) => node.nodeName === 'MEND-REVIEW',
    });
    observer.scan(document);
    await observer.idle();
    await new Promise((r) => setTimeout(r, 0));
    await observer.idle();
    expect(calls).toBe(1);
  });

  it('keeps going when one review fails', async () => {
    document.body.append(review('bad'), review('good'));
    const handled: string[] = [];
    observer = observeReviews(document.body, {
      findRoots,
      handleRoot: (root) => {
        if ((root as HTMLElement).dataset.id === 'bad') throw new Error('odd markup');
        handled.push('good');
        return true;
      },
      schedule: (callback) => setTimeout(callback, 0),
    });
    observer.scan(document);
    await observer.idle();
    expect(handled).toEqual(['good']);
  });

  describe('slices', () => {
    /** Every root costs 2 ms on a clock the test owns; returns how many slices ran. */
    const timedObserver = (finishWithinMs: number | undefined) => {
      let clock = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => clock);
      const handled: string[] = [];
      let slices = 0;
      observer = observeReviews(document.body, {
        findRoots,
        handleRoot: (root) => {
          clock += 2;
          handled.push((root as HTMLElement).dataset.id!);
          return true;
        },
        schedule: (callback) =>
          setTimeout(() => {
            slices++;
            callback();
          }, 0),
        sliceMs: 10,
        finishWithinMs,
      });
      return { handled, slices: () => slices, obs: observer };
    };
    const addReviews = (prefix: string, count: number) => {
      const box = document.createElement('section');
      for (let i = 0; i < count; i++) box.append(review(`${prefix}${i}`));
      document.body.append(box);
    };

    it('yields after sliceMs when no run-on is allowed', async () => {
      const { handled, slices, obs } = timedObserver(undefined);
      addReviews('a', 12);
      await new Promise((r) => setTimeout(r, 0));
      await obs.idle();
      expect(handled).toHaveLength(12);
      expect(slices()).toBe(3);
    });

    /** Slices a burst of `count` reviews took, after a first burst taught the observer that a root takes about 2 ms. */
    const slicesAfterWarmUp = async (count: number) => {
      const { handled, slices, obs } = timedObserver(30);
      addReviews('warm', 40);
      await new Promise((r) => setTimeout(r, 0));
      await obs.idle();
      const before = slices();
      addReviews('burst', count);
      await new Promise((r) => setTimeout(r, 0));
      await obs.idle();
      expect(handled).toHaveLength(40 + count);
      return slices() - before;
    };

    it('finishes a small rest in the same slice once it knows what a root costs', async () => {
      // 24 ms of work: past the 10 ms slice, within the 30 ms run-on.
      expect(await slicesAfterWarmUp(12)).toBe(1);
    });

    it('never runs on past finishWithinMs', async () => {
      expect(await slicesAfterWarmUp(20)).toBeGreaterThan(1);
    });
  });

  it('stops observing after stop()', async () => {
    const handled: string[] = [];
    const obs = start(handled);
    obs.stop();
    document.body.append(review('x'));
    await new Promise((r) => setTimeout(r, 10));
    expect(handled).toEqual([]);
  });
});
