import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { EARLY_OPEN_KEY, startEarlyOpen } from '../lib/cases/early-open';
import { FIRST_PAGE } from './popup/first-page';

/**
 * A classic script in the popup's head: it runs while the popup's modules are still being fetched
 * and starts opening the case store and reading the first rows, which IndexedDB does in another
 * process meanwhile. The popup's main module takes the connection over (popup/earlyRead.ts).
 */
export default defineUnlistedScript(() => {
  try {
    (globalThis as unknown as Record<string, unknown>)[EARLY_OPEN_KEY] = startEarlyOpen(indexedDB, FIRST_PAGE);
  } catch {
    // No IndexedDB here (or it refused at once): the main module opens the store and reports why.
  }
});
