import { isContentEditable } from './editable';
import { OVERLAY_LIKE } from './reply-boxes';

export interface PageFocus {
  /** The textarea or contenteditable the seller focused last on the page (never Mend's own UI). */
  lastField(): Element | null;
  /**
   * The last thing pressed on the page outside dialogs and overlays (never Mend's own UI): what
   * opened the reply box that is open now, so Insert can tell whose box it is.
   */
  lastPressed(): Element | null;
  stop(): void;
}

/** Mend's hosts are `<mend-…>` elements; focus inside them is the seller using Mend, not the page. */
function isMendHost(node: EventTarget): boolean {
  return node instanceof Element && node.tagName.startsWith('MEND-');
}

/** The element that really received the event (inside the page's own shadow roots too), unless it is Mend's UI. */
function pageOrigin(event: Event): Element | null {
  const path = event.composedPath();
  if (path.some(isMendHost)) return null;
  const origin = path[0] ?? event.target;
  return origin instanceof Element ? origin : null;
}

/**
 * Remembers the page field the seller last typed in and what they pressed last, so Insert can
 * target the right box even after the click on Insert moved the focus into Mend's panel.
 */
export function trackPageFocus(doc: Document): PageFocus {
  let field: Element | null = null;
  let pressed: Element | null = null;
  const onFocus = (event: Event) => {
    const origin = pageOrigin(event);
    const editable = origin?.closest('textarea, [contenteditable]');
    if (editable && (editable.tagName === 'TEXTAREA' || isContentEditable(editable))) field = editable;
  };
  const onPress = (event: Event) => {
    const origin = pageOrigin(event);
    if (origin && !origin.closest(OVERLAY_LIKE)) pressed = origin;
  };
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('click', onPress, true);
  return {
    lastField: () => (field?.isConnected ? field : null),
    lastPressed: () => (pressed?.isConnected ? pressed : null),
    stop: () => {
      doc.removeEventListener('focusin', onFocus, true);
      doc.removeEventListener('click', onPress, true);
    },
  };
}
