/**
 * Resolves with the first non-null result of `probe`, re-checked whenever `scope` changes, or null
 * after `timeoutMs`. Dialogs open after a network round trip or an animation, so one look is not enough.
 */
export function waitFor<T>(scope: Node, probe: () => T | null, timeoutMs: number): Promise<T | null> {
  const now = probe();
  if (now !== null) return Promise.resolve(now);
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: T | null) => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    const observer = new MutationObserver(() => {
      const found = probe();
      if (found !== null) finish(found);
    });
    // Attributes too: many dialogs are rendered once and then shown by a class or style change.
    observer.observe(scope, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'aria-hidden'] });
    const timer = setTimeout(() => finish(probe()), timeoutMs);
  });
}
