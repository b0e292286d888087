/**
 * Every signal the critic-risk assessment can raise, with how much it counts and how it is worded
 * for the seller. Ids are stable: stored cases, exports and the UI refer to them.
 */

export type SignalKind = 'hard' | 'soft';

/**
 * How a signal takes part in the band rules of issue 6:
 * - `decisive`: a hard signal that makes the band high on its own;
 * - `weak`: a weaker hard signal, enough for watch;
 * - `alarm`: a soft signal that is enough for watch on its own;
 * - `soft`: a soft signal that needs company (two of them make watch).
 */
export type SignalTier = 'decisive' | 'weak' | 'alarm' | 'soft';

/** Where the fact behind a signal came from, so the seller can check it (and cite it in an appeal). */
export type SignalSource = 'blacklist' | 'rating_page' | 'buyer_profile' | 'shop_history' | 'recent_texts' | 'review_text' | 'order' | 'contacts';

export const SIGNAL_SOURCES: readonly SignalSource[] = ['blacklist', 'rating_page', 'buyer_profile', 'shop_history', 'recent_texts', 'review_text', 'order', 'contacts'];

interface SignalSpec {
  kind: SignalKind;
  tier: SignalTier;
  source: SignalSource;
  /**
   * Points added to the band's base score. All weights that can occur together sum to at most 30,
   * the width of the high band, so the score never leaves its band and every signal counts.
   */
  weight: number;
  /** English wording for the seller; `$1`… are the args. The i18n catalogue holds the same text. */
  template: string;
}

export const SIGNALS = {
  blacklisted: { kind: 'hard', tier: 'decisive', source: 'blacklist', weight: 4, template: 'On the team blacklist' },
  'history.many_bad_given': {
    kind: 'hard',
    tier: 'decisive',
    source: 'rating_page',
    weight: 4,
    template: 'Has given $1 medium or bad ratings out of $2 ($3%) in the last $4 days',
  },
  'history.some_bad_given': {
    kind: 'hard',
    tier: 'weak',
    source: 'rating_page',
    weight: 2,
    template: 'Has given $1 medium or bad ratings out of $2 ($3%) in the last $4 days',
  },
  'history.many_shops': { kind: 'hard', tier: 'decisive', source: 'rating_page', weight: 4, template: 'Left medium or bad reviews in $1 different shops' },
  'shop.prior_bad_reviews': { kind: 'hard', tier: 'decisive', source: 'shop_history', weight: 4, template: 'Left $1 earlier medium or bad reviews in this shop' },
  'shop.prior_bad_review': { kind: 'hard', tier: 'weak', source: 'shop_history', weight: 2, template: 'Left one earlier medium or bad review in this shop' },
  'text.coordinated': {
    kind: 'hard',
    tier: 'decisive',
    source: 'recent_texts',
    weight: 4,
    template: 'Other buyers who posted a near-identical text within 7 days: $1',
  },
  'text.similar_few': {
    kind: 'hard',
    tier: 'weak',
    source: 'recent_texts',
    weight: 2,
    template: 'Other buyers who posted a near-identical text within 7 days: $1',
  },
  'text.extortion': { kind: 'soft', tier: 'alarm', source: 'review_text', weight: 2, template: 'Threat or leverage wording: “$1”' },
  'text.compensation_demand': { kind: 'soft', tier: 'alarm', source: 'review_text', weight: 1, template: 'Demands compensation in the review: “$1”' },
  'contacts.compensation_demand': { kind: 'soft', tier: 'alarm', source: 'contacts', weight: 1, template: 'Demanded compensation when contacted ($1 times)' },
  'contacts.unanswered': { kind: 'soft', tier: 'alarm', source: 'contacts', weight: 1, template: 'Contact attempts that went unanswered: $1' },
  'text.ad_law_picking': { kind: 'soft', tier: 'soft', source: 'review_text', weight: 1, template: 'Picks on advertising-law words or listing details: “$1”' },
  'order.no_chat': { kind: 'soft', tier: 'soft', source: 'order', weight: 1, template: 'No chat with the shop before ordering' },
  'order.instant_payment': { kind: 'soft', tier: 'soft', source: 'order', weight: 1, template: 'Paid $1 seconds after ordering' },
  'order.cheap_item': { kind: 'soft', tier: 'soft', source: 'order', weight: 1, template: 'Low-priced item ($1)' },
  'buyer.new_account': { kind: 'soft', tier: 'soft', source: 'buyer_profile', weight: 1, template: 'Account only $1 days old' },
} as const satisfies Record<string, SignalSpec>;

export type SignalId = keyof typeof SIGNALS;
export const SIGNAL_IDS = Object.keys(SIGNALS) as SignalId[];

/** Pairs where the stronger signal replaces the weaker one when the facts go further. */
export const STRONGER_OF: Partial<Record<SignalId, SignalId>> = {
  'history.some_bad_given': 'history.many_bad_given',
  'shop.prior_bad_review': 'shop.prior_bad_reviews',
  'text.similar_few': 'text.coordinated',
};

/** The i18n key of a signal's wording: `risk_sig_` + the id with dots as underscores. */
export function signalMessageKey(id: SignalId): string {
  return `risk_sig_${id.replace(/\./g, '_')}`;
}

/** The i18n key naming a source. */
export function sourceMessageKey(source: SignalSource): string {
  return `risk_source_${source}`;
}

/** The English wording with its args filled in (the same substitution rule as chrome.i18n). */
export function renderTemplate(template: string, args: readonly string[]): string {
  return template.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
}
