import type { CauseId } from '../analysis/types';
import type { Platform, Rating } from '../sites/types';
import { caseDueAt, reviewStart } from './time';
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
 * A compact row per case, kept next to it in its own store: just what filters, search and the
 * statistics read. Reading 50,000 of these costs a fraction of reading 50,000 full cases with their
 * timelines, contacts and evidence.
 */
export interface CaseRow {
  id: string;
  platform: Platform;
  state: CaseState;
  isOpen: 0 | 1;
  outcome?: CaseOutcome;
  initialRating: Rating;
  causes: CauseId[];
  productKey?: string;
  productTitle?: string;
  sku?: string;
  /** When the review was written (or first seen), epoch ms. */
  start: number;
  firstResponseAt?: number;
  closedAt?: number;
  /** [currency or '', amount or null] per remedy. */
  remedies: Array<[string, number | null]>;
  riskBand?: RiskBand;
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
    isOpen: c.isOpen,
    initialRating: c.initialRating,
    causes: c.causes,
    start: reviewStart(c),
    remedies: c.remedies.map((r) => [r.currency ?? '', r.amount ?? null]),
    search: caseSearchText(c),
    urgencyKey: c.urgencyKey,
    recentKey: c.recentKey,
  };
  if (c.outcome) row.outcome = c.outcome;
  if (c.product) {
    row.productKey = c.product.id || c.product.title;
    row.productTitle = c.product.title;
    if (c.product.sku) row.sku = c.product.sku;
  }
  if (c.firstResponseAt !== undefined) row.firstResponseAt = c.firstResponseAt;
  if (c.closedAt !== undefined) row.closedAt = c.closedAt;
  if (c.risk) row.riskBand = c.risk.band;
  return row;
}
