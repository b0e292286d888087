import type { CaseQuery } from '../../lib/cases/query';
import { OPEN_STATES } from '../../lib/cases/types';

/** Every row of the popup's list has this height in px; the list's window arithmetic relies on it. */
export const POPUP_ROW_HEIGHT = 84;
/** Height of the popup's list in px while no form is open below it. */
export const LIST_HEIGHT = 440;
/** Rows on screen when the popup opens (the last one partly). */
export const VISIBLE_ROWS = Math.ceil(LIST_HEIGHT / POPUP_ROW_HEIGHT);

/** Rows the list keeps built beyond each edge of the screen, so a fast scroll shows no gap. */
export const POPUP_OVERSCAN = 6;

/**
 * Rows read before the first paint: a full window (the screen and the rows below it) and one more,
 * so the first answer also tells whether every open case fits in that window. Each read costs an
 * IndexedDB round trip and a deserialisation on the popup's thread before anything shows; the next
 * page loads right after the first paint, long before the seller has scrolled a screen.
 */
export const FIRST_PAGE = VISIBLE_ROWS + POPUP_OVERSCAN + 1;

/** What the popup asks for first: open cases, no filter, most urgent first. */
export const FIRST_QUERY: CaseQuery = { states: OPEN_STATES };
