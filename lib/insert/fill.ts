import { isContentEditable, type EditableField } from './editable';

/**
 * Sets a textarea's value the way typing does, so a React-controlled field (Pinduoduo's beast-core)
 * notices: React keeps a per-node tracker behind an own `value` property, and only the prototype's
 * native setter bypasses it; the input/change events then make React read the new value.
 */
function fillTextarea(field: HTMLTextAreaElement, text: string): void {
  const view = field.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const prototype = view?.HTMLTextAreaElement.prototype ?? Object.getPrototypeOf(field);
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(field, text);
  else field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  field.setSelectionRange?.(text.length, text.length);
}

/** Lines as text nodes separated by <br>: page-safe whatever the text contains. */
function replaceWithTextNodes(field: HTMLElement, text: string): void {
  const doc = field.ownerDocument;
  const nodes: Node[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) nodes.push(doc.createElement('br'));
    if (line) nodes.push(doc.createTextNode(line));
  });
  field.replaceChildren(...nodes);
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/**
 * Rich editors keep their own model of the content; `insertText` goes through the browser's editing
 * pipeline, which they listen to, and keeps undo working. Where it is missing or refused (some
 * editors cancel beforeinput), the text is written as plain nodes.
 */
function fillContentEditable(field: HTMLElement, text: string): void {
  const doc = field.ownerDocument;
  const selection = doc.getSelection?.();
  let inserted = false;
  if (selection && typeof doc.execCommand === 'function') {
    const range = doc.createRange();
    range.selectNodeContents(field);
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      inserted = doc.execCommand('insertText', false, text);
    } catch {
      inserted = false;
    }
    inserted = inserted && normalise(field.innerText ?? field.textContent ?? '') === normalise(text);
  }
  if (!inserted) replaceWithTextNodes(field, text);
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Replaces the field's content with `text` and leaves the caret in it, so the seller can go on editing. */
export function fillField(field: EditableField, text: string): void {
  field.focus({ preventScroll: false });
  if (field.tagName === 'TEXTAREA') fillTextarea(field as HTMLTextAreaElement, text);
  else if (isContentEditable(field)) fillContentEditable(field, text);
  else throw new Error('not an editable field');
}
