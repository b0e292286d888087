import { h, type ComponentChildren } from 'preact';
import { insertIntoReplyBox, type PageFocus } from '../../lib/insert';
import { DraftPanel, type DraftPanelProps } from './DraftPanel';
import type { ReviewFacts } from './draft-input';

export interface DraftPanelWiring extends ReviewFacts {
  /** The review's root element on the page. */
  root: Element;
  /** The platform's reply button, looked up when the seller presses Insert (the row may have re-rendered). */
  replyButton?: () => HTMLElement | null;
  /** The page-wide tracker of the field the seller last focused (one per content script). */
  focus: PageFocus;
  settings?: DraftPanelProps['settings'];
  draftSettings?: DraftPanelProps['draftSettings'];
}

/**
 * A `renderDraftPanel` for ReviewWidget: the panel with Insert bound to this review's reply box.
 * Plain `h()` so a .ts content script can use it without JSX.
 */
export function draftPanelRenderer(wiring: DraftPanelWiring): () => ComponentChildren {
  const { root, replyButton, focus, ...facts } = wiring;
  const insert: DraftPanelProps['insert'] = (text) =>
    insertIntoReplyBox({ root, platform: facts.snapshot.platform, replyButton: replyButton?.() ?? null, text, focused: focus.lastField(), lastPressed: focus.lastPressed() });
  return () => h(DraftPanel, { ...facts, insert });
}
