import { describe, expect, it } from 'vitest';
import { watchNearViewport } from '../../../entrypoints/content/near-viewport';

/** An observer the test drives by hand, and a deferral the test flushes by hand. */
function harness(runLength = 10) {
  const watched = new Set<Element>();
  let notify: (targets: Element[]) => void = () => {};
  let deferred: Array<() => void> = [];
  const near: string[][] = [];
  const watcher = watchNearViewport(
    (el: Element) => el,
    (items) => near.push(items.map((el) => el.id)),
    {
      runLength,
      observe(callback) {
        notify = callback;
        return {
          observe: (el) => void watched.add(el),
          unobserve: (el) => void watched.delete(el),
          disconnect: () => watched.clear(),
        };
      },
      defer: (flush) => void deferred.push(flush),
    },
  );
  return {
    watcher,
    near,
    watchedIds: () => [...watched].map((el) => el.id).sort(),
    endTask() {
      const run = deferred;
      deferred = [];
      run.forEach((flush) => flush());
    },
    comeNear: (...els: Element[]) => notify(els),
    /** `count` rows of one list, each handed to the watcher in this task. */
    watchList(count: number): Element[] {
      const all = rows(document.createElement('tbody'), count);
      all.forEach((row) => watcher.watch(row));
      return all;
    },
  };
}

function rows(parent: Element, count: number, prefix = 'r'): Element[] {
  return Array.from({ length: count }, (_, i) => {
    const row = document.createElement('tr');
    row.id = `${prefix}${i}`;
    parent.append(row);
    return row;
  });
}

describe('watchNearViewport', () => {
  it('watches only the two ends of each run of ten reviews found in one task', () => {
    const h = harness();
    h.watchList(25);
    expect(h.watchedIds()).toEqual([]);
    h.endTask();
    expect(h.watchedIds()).toEqual(['r0', 'r10', 'r19', 'r20', 'r24', 'r9'].sort());
  });

  it('mounts a whole run when either end comes near, and stops watching both ends', () => {
    const h = harness();
    const all = h.watchList(25);
    h.endTask();
    h.comeNear(all[19]);
    expect(h.near).toEqual([all.slice(10, 20).map((el) => el.id)]);
    expect(h.watchedIds()).toEqual(['r0', 'r20', 'r24', 'r9'].sort());
    // A stale notice for the other end of a run already mounted changes nothing.
    h.comeNear(all[10]);
    expect(h.near).toHaveLength(1);
  });

  it('starts a new run where the reviews are not in one list in page order', () => {
    const h = harness();
    const first = document.createElement('tbody');
    const second = document.createElement('tbody');
    const a = rows(first, 3, 'a');
    const b = rows(second, 2, 'b');
    [a[0], a[1], b[0], b[1], a[2]].forEach((row) => h.watcher.watch(row));
    h.endTask();
    // a2 follows a1 in the page but comes after the run of the other list: a run of its own.
    expect(h.watchedIds()).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);
    h.comeNear(a[2]);
    expect(h.near).toEqual([['a2']]);
  });

  it('keeps watching an end that started a newer run (its review read again)', () => {
    const h = harness();
    const all = h.watchList(3);
    h.endTask();
    h.watcher.watch(all[2]);
    h.endTask();
    h.comeNear(all[0]);
    expect(h.near).toEqual([['r0', 'r1', 'r2']]);
    expect(h.watchedIds()).toEqual(['r2']);
    h.comeNear(all[2]);
    expect(h.near).toEqual([['r0', 'r1', 'r2'], ['r2']]);
  });

  it('watches nothing more once stopped', () => {
    const h = harness();
    const all = h.watchList(4);
    h.watcher.stop();
    h.endTask();
    expect(h.watchedIds()).toEqual([]);
    h.comeNear(all[0]);
    expect(h.near).toEqual([]);
  });
});
