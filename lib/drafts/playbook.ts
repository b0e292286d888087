import type { CauseId } from '../analysis/types';
import type { RemedyKind } from './types';

/**
 * The remedies worth proposing per cause when the seller has not set one (the guides: exchange,
 * resend, refund or partial refund, coupon, small gift). Ordered by what usually fixes the problem
 * itself first; money comes after a real fix.
 */
export const DEFAULT_OFFERS: Record<CauseId, readonly RemedyKind[]> = {
  logistics: ['resend', 'partial_refund'],
  shipping: ['resend', 'exchange'],
  quality: ['exchange', 'refund', 'repair'],
  authenticity: ['return', 'refund'],
  not_as_described: ['exchange', 'return'],
  size: ['exchange', 'return'],
  service: ['coupon', 'gift'],
  after_sales: ['refund', 'repair'],
  price_value: ['partial_refund', 'coupon'],
  packaging: ['resend', 'exchange'],
  personal: ['exchange', 'return'],
  other: ['exchange', 'refund'],
};

/** The order causes lead a reply: the shop's own faults before the courier, the buyer's taste last. */
export const CAUSE_PRIORITY: readonly CauseId[] = [
  'quality',
  'authenticity',
  'shipping',
  'not_as_described',
  'after_sales',
  'service',
  'packaging',
  'size',
  'logistics',
  'price_value',
  'personal',
  'other',
];
