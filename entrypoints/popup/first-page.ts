import type { CaseQuery } from '../../lib/cases/query';
import { OPEN_STATES } from '../../lib/cases/types';

/** Rows read before the first paint: the list shows five or six; more load as the seller scrolls. */
export const FIRST_PAGE = 20;

/** What the popup asks for first: open cases, no filter, most urgent first. */
export const FIRST_QUERY: CaseQuery = { states: OPEN_STATES };
