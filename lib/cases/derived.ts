import type { CauseId } from '../analysis/types';
import type { Platform, Rating } from '../sites/types';
import { caseDueAt } from './time';
import type { Case, CaseOutcome, CaseState, RiskBand } from './types';
import { isOpenState } from './types';

/** Recomputes the stored, derived fields the indexes use; every write and every migration goes through here. */
export function deriveIndexFields(c: Case): Case {
  const open = isOpenState(c.state);
  c.isOpen = open ? 1 : 0;
  c.dueAt = caseDueAt(c);
  c.urgencyKey = open ? [0, c.dueAt, c.id] : [1, -(c.closedAt ?? c.updatedAt), c.id];
  c.recentKey = [-c.updatedAt, c.id];
  return c;
}

/**
 * A compact row per case, kept next to it in its own store: what filters, search and the listing
 * indexes read. Reading 50,000 of these costs a fraction of reading 50,000 full cases with their
 * timelines, contacts and evidence. The statistics read the even smaller StatsEntry instead.
 */
export interface CaseRow {
  id: string;
  platform: Platform;
  state: CaseState;
  outcome?: CaseOutcome;
  initialRating: Rating;
  causes: CauseId[];
  riskBand?: RiskBand;
  /** For the buyer index ([platform, buyerNick]); a case without a nick has no entry there. */
  buyerNick?: string;
  /** Lower-cased nick, product, SKU, order id, review and follow-up text, for search. */
  search: string;
  urgencyKey: Case['urgencyKey'];
  recentKey: Case['recentKey'];
}

export function caseSearchText(c: Case): string {
  return [c.buyerNick, c.product?.title, c.product?.sku, c.product?.id, c.orderId, c.text, c.followUp]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

/** The row of a case whose derived fields are current. */
export function caseRowOf(c: Case): CaseRow {
  const row: CaseRow = {
    id: c.id,
    platform: c.platform,
    state: c.state,
    initialRating: c.initialRating,
    causes: c.causes,
    search: caseSearchText(c),
    urgencyKey: c.urgencyKey,
    recentKey: c.recentKey,
  };
  if (c.outcome) row.outcome = c.outcome;
  if (c.risk) row.riskBand = c.risk.band;
  if (c.buyerNick !== undefined) row.buyerNick = c.buyerNick;
  return row;
}
