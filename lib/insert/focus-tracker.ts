import { isContentEditable } from './editable';

export interface FocusTracker {
  /** The textarea or contenteditable the seller focused last on the page (never Mend's own UI). */
  last(): Element | null;
  stop(): void;
}

/** Mend's hosts are `<mend-…>` elements; focus inside them is the seller using Mend, not the page. */
function isMendHost(node: EventTarget): boolean {
  return node instanceof Element && node.tagName.startsWith('MEND-');
}

/**
 * Remembers the page field the seller last typed in, so Insert can target it even after the click
 * on Insert moved the focus into Mend's panel. The composed path reaches editors inside the page's
 * own shadow roots (web-component back-offices) and tells Mend's own UI apart.
 */
export function trackEditableFocus(doc: Document): FocusTracker {
  let last: Element | null = null;
  const onFocus = (event: Event) => {
    const path = event.composedPath();
    if (path.some(isMendHost)) return;
    const origin = path[0] ?? event.target;
    if (!(origin instanceof Element)) return;
    const field = origin.closest('textarea, [contenteditable]');
    if (field && (field.tagName === 'TEXTAREA' || isContentEditable(field))) last = field;
  };
  doc.addEventListener('focusin', onFocus, true);
  return {
    last: () => (last?.isConnected ? last : null),
    stop: () => doc.removeEventListener('focusin', onFocus, true),
  };
}
