/**
 * Page-world half of reading the review lists a back-office loads for itself (issue 7). It only
 * taps the page's requests; parsing, checking and use happen in the extension's isolated world
 * (entrypoints/content/structured-receiver.ts), which treats every message as the page's own words.
 * Chrome runs `world: MAIN` manifest content scripts from version 111.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { STRUCTURED_HOST_PATTERNS } from '../lib/sites/hosts';
import { startStructuredTap } from '../lib/sites/structured-tap';

export default defineContentScript({
  matches: STRUCTURED_HOST_PATTERNS,
  world: 'MAIN',
  // Before the page's own scripts, so its first list request is already tapped.
  runAt: 'document_start',
  // No global variable on the page.
  globalName: false,
  main() {
    startStructuredTap(window);
  },
});
