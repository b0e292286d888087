import type { Platform } from '../sites/types';
import { fillableWithin, isFillable, isShown, type EditableField } from './editable';
import { fillField } from './fill';
import { DIALOG_LIKE, REPLY_BOXES, type ReplyBoxSpec } from './reply-boxes';
import { waitFor } from './wait';

export { trackPageFocus, type PageFocus } from './focus-tracker';

/**
 * Why Mend could not put the text in a reply box; the UI shows `t('insert_fail_' + reason)`.
 * - no_reply_box: no editor open, none focused, no reply button to open one.
 * - timeout: the reply button was clicked but no editor appeared in time.
 * - unsafe_button: the "reply button" looks like a dialog's submit button; Mend never presses those.
 * - other_review_open: an open reply box was opened from another review; filling it could answer the wrong buyer.
 * - fill_failed: the editor was found but writing into it failed.
 * - empty_text: nothing to insert.
 */
export const INSERT_FAILURES = ['no_reply_box', 'timeout', 'unsafe_button', 'other_review_open', 'fill_failed', 'empty_text'] as const;
export type InsertFailure = (typeof INSERT_FAILURES)[number];

export type InsertResult = { ok: true; target: string } | { ok: false; reason: InsertFailure };

export interface InsertOptions {
  /** The review's root element on the page. */
  root: Element;
  platform: Platform;
  /** The platform's own reply button for this review (`adapter.replyButton(root)`). */
  replyButton?: HTMLElement | null;
  text: string;
  /** The page field the seller focused last (PageFocus.lastField). */
  focused?: Element | null;
  /** What was pressed last on the page outside dialogs (PageFocus.lastPressed). */
  lastPressed?: Element | null;
  /** How long to wait for the editor after clicking the reply button. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 4000;

interface Opened {
  field: EditableField;
  target: string;
}

/** The editor of the topmost shown dialog of this platform, if one is open. */
function openDialogEditor(doc: Document, spec: ReplyBoxSpec): EditableField | null {
  const containers = Array.from(doc.querySelectorAll(spec.containers.join(', '))).filter(isShown);
  for (const container of containers.reverse()) {
    for (const selector of spec.editors) {
      for (const candidate of Array.from(container.querySelectorAll(selector))) {
        const field = fillableWithin(candidate);
        if (field) return field;
      }
    }
  }
  return null;
}

/** A field that appeared (or got focus) after `before` was taken: the editor a generic reply button opened. */
function newFieldSince(doc: Document, before: ReadonlySet<Element>): EditableField | null {
  const active = doc.activeElement;
  if (active && !before.has(active) && isFillable(active)) return active;
  for (const el of Array.from(doc.querySelectorAll('textarea, [contenteditable]'))) {
    if (!before.has(el) && isFillable(el)) return el;
  }
  return null;
}

/** A submit button inside a dialog, or a form's submit button: pressing it would post a reply. */
function looksLikeSubmit(button: HTMLElement): boolean {
  if (button.closest(DIALOG_LIKE)) return true;
  return button.tagName === 'BUTTON' ? (button as HTMLButtonElement).type === 'submit' && button.closest('form') !== null : button.getAttribute('type') === 'submit';
}

function fill(field: EditableField, text: string, target: string): InsertResult {
  try {
    fillField(field, text);
    return { ok: true, target };
  } catch {
    return { ok: false, reason: 'fill_failed' };
  }
}

/**
 * Puts `text` into the platform's reply editor for this review, opening it with the platform's own
 * reply button when needed. Never submits: the only thing Mend ever clicks is that reply button,
 * and the seller reads and sends the reply themselves.
 *
 * Order: an already open reply dialog (opened from this review) → a field the seller focused inside
 * this review → the reply button and whatever editor it opens → the field the seller focused anywhere.
 */
export async function insertIntoReplyBox(options: InsertOptions): Promise<InsertResult> {
  const { root, platform, replyButton, text, focused } = options;
  if (!text.trim()) return { ok: false, reason: 'empty_text' };
  const doc = root.ownerDocument;
  const spec = REPLY_BOXES[platform];

  const open = spec ? openDialogEditor(doc, spec) : null;
  if (open) {
    // Classic pages share one overlay between all rows: opened from another row, it answers another buyer.
    const { lastPressed } = options;
    if (lastPressed?.isConnected && !root.contains(lastPressed)) return { ok: false, reason: 'other_review_open' };
    return fill(open, text, spec!.target);
  }

  const focusedField = focused ? fillableWithin(focused) : null;
  if (focusedField && root.contains(focusedField)) return fill(focusedField, text, 'focused-field');

  if (replyButton && replyButton.isConnected) {
    if (looksLikeSubmit(replyButton)) return { ok: false, reason: 'unsafe_button' };
    const before = new Set(doc.querySelectorAll('textarea, [contenteditable]'));
    replyButton.click();
    // The platform's dialog first; any editor that appeared is the fallback for a redesigned page.
    const probe = (): Opened | null => {
      const dialogEditor = spec ? openDialogEditor(doc, spec) : null;
      if (dialogEditor) return { field: dialogEditor, target: spec!.target };
      const appeared = newFieldSince(doc, before);
      return appeared ? { field: appeared, target: 'opened-field' } : null;
    };
    const opened = await waitFor(doc, probe, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    if (opened) return fill(opened.field, text, opened.target);
    if (focusedField?.isConnected) return fill(focusedField, text, 'focused-field');
    return { ok: false, reason: 'timeout' };
  }

  if (focusedField) return fill(focusedField, text, 'focused-field');
  return { ok: false, reason: 'no_reply_box' };
}
