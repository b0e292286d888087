import type { CauseId } from '../analysis/types';
import type { Platform } from '../sites/types';
import type { Case, CaseGroup, CaseState, RiskBand } from './types';
import type { CaseRow } from './derived';
import { caseRowOf } from './derived';
import { CASE_STATES, caseGroups, isOpenState } from './types';

export interface CaseQuery {
  /** Only these states; all states when absent. */
  states?: readonly CaseState[];
  platform?: Platform;
  cause?: CauseId;
  /** Cases not yet assessed have no band and never match a risk filter. */
  risk?: RiskBand;
  group?: CaseGroup;
  /** Case-insensitive substring over buyer nick, product title/SKU, order id, review and follow-up text. */
  search?: string;
  /** `urgency` (default): open cases by nearest deadline, overdue first, then closed ones, newest first. */
  sort?: 'urgency' | 'updated';
  limit?: number;
  offset?: number;
}

/** Whether the query filters at all; an unfiltered listing reads the full cases directly. */
export function isFiltered(query: CaseQuery): boolean {
  return Boolean(query.states || query.platform || query.cause || query.risk || query.group || query.search?.trim());
}

/** The filter over compact rows, which is how the store evaluates it. */
export function rowPredicate(query: CaseQuery): (row: CaseRow) => boolean {
  const states = query.states ? new Set(query.states) : null;
  const needle = query.search?.trim().toLowerCase() || null;
  return (row) =>
    (!states || states.has(row.state)) &&
    (!query.platform || row.platform === query.platform) &&
    (!query.cause || row.causes.includes(query.cause)) &&
    (!query.risk || row.riskBand === query.risk) &&
    (!query.group || caseGroups(row).includes(query.group)) &&
    (!needle || row.search.includes(needle));
}

/** The same filter for one full case, e.g. to tell whether an edited case still belongs in a list. */
export function casePredicate(query: CaseQuery): (c: Case) => boolean {
  const matches = rowPredicate(query);
  return (c) => matches(caseRowOf(c));
}

/** Whether the query can match open cases, closed ones, or both: the listing skips a half it cannot use. */
export function stateHalves(query: CaseQuery): { open: boolean; closed: boolean } {
  if (!query.states) return { open: true, closed: true };
  return {
    open: query.states.some((s) => isOpenState(s)),
    closed: query.states.some((s) => !isOpenState(s)),
  };
}

/**
 * Whether every row in the index range the listing reads matches: no filter beyond states, and the
 * states are whole halves (all open, all closed, or all). The listing then reads exactly one page.
 */
export function rangeDecidesMatch(query: CaseQuery): boolean {
  if (query.platform || query.cause || query.risk || query.group || query.search?.trim()) return false;
  if (!query.states) return true;
  const halves = stateHalves(query);
  const wanted = new Set(query.states);
  return CASE_STATES.every((s) => wanted.has(s) === (isOpenState(s) ? halves.open : halves.closed));
}
