import type { CauseId } from '../analysis/types';
import type { Platform } from '../sites/types';
import type { Case, CaseGroup, CaseState, RiskBand } from './types';
import { caseGroups, isOpenState } from './types';

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

function searchableText(c: Case): string {
  return [c.buyerNick, c.product?.title, c.product?.sku, c.product?.id, c.orderId, c.text, c.followUp]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

export function casePredicate(query: CaseQuery): (c: Case) => boolean {
  const states = query.states ? new Set(query.states) : null;
  const needle = query.search?.trim().toLowerCase() || null;
  return (c) =>
    (!states || states.has(c.state)) &&
    (!query.platform || c.platform === query.platform) &&
    (!query.cause || c.causes.includes(query.cause)) &&
    (!query.risk || c.risk?.band === query.risk) &&
    (!query.group || caseGroups(c).includes(query.group)) &&
    (!needle || searchableText(c).includes(needle));
}

/** Whether the query can match open cases, closed ones, or both: the listing skips a half it cannot use. */
export function stateHalves(query: CaseQuery): { open: boolean; closed: boolean } {
  if (!query.states) return { open: true, closed: true };
  return {
    open: query.states.some((s) => isOpenState(s)),
    closed: query.states.some((s) => !isOpenState(s)),
  };
}
