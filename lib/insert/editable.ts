/** A multi-line text field Mend may fill: a textarea or a contenteditable element. */
export type EditableField = HTMLTextAreaElement | HTMLElement;

function isTextarea(el: Element): el is HTMLTextAreaElement {
  return el.tagName === 'TEXTAREA';
}

export function isContentEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value === '' || value === 'true' || value === 'plaintext-only';
}

/** Whether the seller could type into `el` right now (connected, enabled, writable, shown). */
export function isFillable(el: Element | null | undefined): el is EditableField {
  if (!el || !el.isConnected) return false;
  if (isTextarea(el)) {
    if (el.disabled || el.readOnly) return false;
  } else if (!isContentEditable(el)) {
    return false;
  }
  return isShown(el);
}

/**
 * Hidden by the page? Checks the element and its ancestors for `hidden`, `aria-hidden` and a
 * display/visibility style. Layout is not consulted: it forces a reflow and tests have none.
 */
export function isShown(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return false;
    const style = view?.getComputedStyle(node);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

/** The field itself, or the first fillable field inside it (a role=textbox wrapper may hold the real editor). */
export function fillableWithin(el: Element): EditableField | null {
  if (isFillable(el)) return el;
  for (const inner of Array.from(el.querySelectorAll('textarea, [contenteditable]'))) if (isFillable(inner)) return inner;
  return null;
}
