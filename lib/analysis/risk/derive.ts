import type { Span } from '../types';
import { renderTemplate, SIGNALS, signalMessageKey, type SignalId, type SignalKind, type SignalSource } from './catalogue';
import type { CriticFacts, GivenRatings } from './facts';
import { adLawPickingSpans, compensationDemandSpans } from './text-cues';

/** One reason for the assessment, worded for the seller (never shown to the buyer). */
export interface RiskSignal {
  id: SignalId;
  kind: SignalKind;
  source: SignalSource;
  /** English wording for the seller (CLI output, logs); the UI uses messageKey + args instead. */
  detail: string;
  /** Points this signal adds to the score. */
  weight: number;
  messageKey: string;
  /** Substitutions `$1`, `$2` … for messageKey. */
  args: string[];
  /** Where in the review text the signal was found, when it comes from the text. */
  evidence?: Span[];
}

/** The parts of the text analysis the risk assessment uses (lib/analysis `analyze`). */
export interface ExtortionFinding {
  extortion: boolean;
  extortionEvidence: Span[];
}

/** Thresholds of issue 6, named so tests and docs can refer to them. */
export const THRESHOLDS = {
  /** Medium+bad ratings given within six months that prove a habit on their own. */
  manyBadGiven: 10,
  /** Longest window (days) the absolute count rule applies to: the table's 最近6个月, with slack. */
  sixMonthsDays: 186,
  /** Medium+bad share of all ratings given that proves a habit, with at least `shareMinCount` of them. */
  strongShare: 0.3,
  shareMinCount: 5,
  /** The weaker history signal: at least this many medium/bad with at least `weakShare` of all. */
  weakMinCount: 3,
  weakShare: 0.1,
  manyShops: 5,
  priorBadReviewsDecisive: 2,
  coordinatedBuyers: 3,
  newAccountDays: 30,
  instantPaymentSeconds: 60,
  unansweredContacts: 3,
} as const;

/** Prices under which an item counts as cheap (critics prefer them: little money at stake). */
export const CHEAP_ITEM_PRICE: Record<string, number> = { default: 20, otto: 10, amazon: 10 };

function signal(id: SignalId, args: (string | number)[] = [], evidence?: Span[]): RiskSignal {
  const spec = SIGNALS[id];
  const textArgs = args.map(String);
  const out: RiskSignal = {
    id,
    kind: spec.kind,
    source: spec.source,
    detail: renderTemplate(spec.template, textArgs),
    weight: spec.weight,
    messageKey: signalMessageKey(id),
    args: textArgs,
  };
  if (evidence && evidence.length > 0) out.evidence = evidence;
  return out;
}

/** The first piece of evidence as a short quote, so the seller sees what was found without opening the text. */
function quote(text: string, spans: Span[]): string {
  const [start, end] = spans[0];
  const piece = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return piece.length > 40 ? `${piece.slice(0, 39)}…` : piece;
}

function historySignal(given: GivenRatings): RiskSignal | undefined {
  const badish = given.medium + given.bad;
  const total = badish + given.good;
  if (total === 0) return undefined;
  const share = badish / total;
  const args = [badish, total, Math.round(share * 100), given.windowDays];
  const manyInSixMonths = badish >= THRESHOLDS.manyBadGiven && given.windowDays <= THRESHOLDS.sixMonthsDays;
  const highShare = share >= THRESHOLDS.strongShare && badish >= THRESHOLDS.shareMinCount;
  if (manyInSixMonths || highShare) return signal('history.many_bad_given', args);
  if (badish >= THRESHOLDS.weakMinCount && share >= THRESHOLDS.weakShare) return signal('history.some_bad_given', args);
  return undefined;
}

function formatPrice(price: number): string {
  return Number.isInteger(price) ? String(price) : price.toFixed(2);
}

/**
 * Every signal the facts support. A fact that is missing raises nothing: unknown is not evidence.
 * `extortion` is the text analysis' finding for facts.text; without it the extortion signal is
 * simply not raised.
 */
export function deriveSignals(facts: CriticFacts, extortion?: ExtortionFinding): RiskSignal[] {
  const out: RiskSignal[] = [];
  const { buyer, order, history, contacts, text } = facts;

  if (facts.blacklisted === true) out.push(signal('blacklisted'));

  const given = buyer?.givenRatings && historySignal(buyer.givenRatings);
  if (given) out.push(given);
  if (buyer?.distinctShopsBadRated !== undefined && buyer.distinctShopsBadRated >= THRESHOLDS.manyShops) {
    out.push(signal('history.many_shops', [buyer.distinctShopsBadRated]));
  }

  const prior = history?.priorBadReviewsThisShop;
  if (prior !== undefined && prior >= THRESHOLDS.priorBadReviewsDecisive) out.push(signal('shop.prior_bad_reviews', [prior]));
  else if (prior === 1) out.push(signal('shop.prior_bad_review'));

  const similar = history?.similarTextsLast7Days;
  if (similar !== undefined && similar >= THRESHOLDS.coordinatedBuyers) out.push(signal('text.coordinated', [similar]));
  else if (similar !== undefined && similar > 0) out.push(signal('text.similar_few', [similar]));

  if (extortion?.extortion) {
    const spans = extortion.extortionEvidence;
    out.push(signal('text.extortion', [spans.length > 0 ? quote(text, spans) : ''], spans));
  }
  const compensation = compensationDemandSpans(text);
  if (compensation.length > 0) out.push(signal('text.compensation_demand', [quote(text, compensation)], compensation));

  const demanded = contacts?.filter((c) => c.outcome === 'demanded_compensation').length ?? 0;
  if (demanded > 0) out.push(signal('contacts.compensation_demand', [demanded]));
  const unanswered = contacts?.filter((c) => c.outcome === 'no_answer').length ?? 0;
  if (unanswered >= THRESHOLDS.unansweredContacts) out.push(signal('contacts.unanswered', [unanswered]));

  const picking = adLawPickingSpans(text);
  if (picking.length > 0) out.push(signal('text.ad_law_picking', [quote(text, picking)], picking));

  if (order?.chatBeforeOrder === false) out.push(signal('order.no_chat'));
  if (order?.secondsToPay !== undefined && order.secondsToPay <= THRESHOLDS.instantPaymentSeconds) {
    out.push(signal('order.instant_payment', [Math.round(order.secondsToPay)]));
  }
  const cheapBelow = CHEAP_ITEM_PRICE[facts.platform] ?? CHEAP_ITEM_PRICE.default;
  if (order?.price !== undefined && order.price < cheapBelow) out.push(signal('order.cheap_item', [formatPrice(order.price)]));
  if (buyer?.accountAgeDays !== undefined && buyer.accountAgeDays < THRESHOLDS.newAccountDays) {
    out.push(signal('buyer.new_account', [Math.floor(buyer.accountAgeDays)]));
  }
  return out;
}
