import type { CauseId, Span } from '../analysis/types';
import type { Platform, Rating, ReviewSnapshot } from '../sites/types';

/**
 * The case workflow of the sellers' playbook: contact, remedy, agreement, outcome, then a lesson.
 * Kept as data so the UI can offer only the moves that make sense and the repository can refuse the rest.
 */
export const CASE_STATES = [
  'new',
  'contacted',
  'remedy_offered',
  'agreed_to_revise',
  'revised',
  'closed_unrevised',
  'reviewed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** States that still ask something of the seller; they count in the badge and the popup. */
export const OPEN_STATES: readonly CaseState[] = ['new', 'contacted', 'remedy_offered', 'agreed_to_revise'];

/**
 * Allowed moves. Steps may be skipped (a buyer can revise before anyone calls), and a buyer who agreed
 * can back out, so agreed_to_revise may fall back to remedy_offered. A closed case only moves on to
 * `reviewed`, except that an unrevised one may still be revised later: buyers sometimes come back.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseState, readonly CaseState[]>> = {
  new: ['contacted', 'remedy_offered', 'agreed_to_revise', 'revised', 'closed_unrevised'],
  contacted: ['remedy_offered', 'agreed_to_revise', 'revised', 'closed_unrevised'],
  remedy_offered: ['contacted', 'agreed_to_revise', 'revised', 'closed_unrevised'],
  agreed_to_revise: ['remedy_offered', 'revised', 'closed_unrevised'],
  revised: ['reviewed'],
  closed_unrevised: ['revised', 'reviewed'],
  reviewed: [],
};

export function isOpenState(state: CaseState): boolean {
  return OPEN_STATES.includes(state);
}

export function canTransition(from: CaseState, to: CaseState): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

export const CONTACT_CHANNELS = ['phone', 'chat', 'sms', 'site_message', 'platform_message', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_OUTCOMES = ['answered', 'no_answer', 'refused', 'agreed', 'demanded_compensation'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export interface ContactAttempt {
  id: string;
  channel: ContactChannel;
  /** Epoch ms. */
  at: number;
  outcome: ContactOutcome;
  note?: string;
}

export const REMEDY_KINDS = ['refund', 'partial_refund', 'exchange', 'resend', 'coupon', 'gift'] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

export interface Remedy {
  id: string;
  kind: RemedyKind;
  amount?: number;
  /** ISO 4217, e.g. CNY, EUR. */
  currency?: string;
  at: number;
  note?: string;
}

export interface CaseNote {
  id: string;
  at: number;
  text: string;
}

/** One entry of the case timeline: every state change, with when it happened. */
export interface StateChange {
  from: CaseState | null;
  to: CaseState;
  at: number;
}

export interface CaseFlags {
  publicReplyPosted: boolean;
  appealFiled: boolean;
}

/** What the seller learned when closing: the playbook's "review causes regularly and improve". */
export interface CaseLesson {
  rootCause: CauseId;
  improvement: string;
  at: number;
}

export type RiskBand = 'low' | 'watch' | 'high';

export interface RiskSignal {
  id: string;
  kind: 'hard' | 'soft';
  source: string;
  detail: string;
  weight: number;
  /** i18n key and `$n` arguments of the signal's wording (lib/analysis/risk/catalogue.ts). */
  messageKey?: string;
  args?: string[];
  /** Where in the review text the signal was found. */
  evidence?: Span[];
}

/** Filled by the critic-risk module; the case only stores the latest assessment. */
export interface CaseRisk {
  band: RiskBand;
  score: number;
  signals: RiskSignal[];
  assessedAt: number;
}

/** Facts the seller ticks in the case (issue 6); unknown stays undefined, never false by default. */
export interface ManualFacts {
  chatBeforeOrder?: boolean;
  secondsToPay?: number;
  price?: number;
  daysToReview?: number;
}

export const EVIDENCE_ITEMS = ['screenshots', 'chat_log', 'logistics_proof', 'call_records'] as const;
export type EvidenceItem = (typeof EVIDENCE_ITEMS)[number];

export type CaseOutcome = 'revised' | 'unrevised';

export interface Case {
  /** `${platform}:${reviewId}` */
  id: string;
  platform: Platform;
  reviewId: string;
  /** The rating as last seen on the page. */
  rating: Rating;
  /** The rating when the case was opened: the group (medium/bad buyers) does not move when it is revised. */
  initialRating: Rating;
  stars?: number;
  causes: CauseId[];
  evidence: Partial<Record<CauseId, Span[]>>;
  negativity: number;
  extortion: boolean;
  extortionEvidence: Span[];
  text: string;
  followUp?: string;
  buyerNick?: string;
  buyerCredit?: string;
  orderId?: string;
  product?: ReviewSnapshot['product'];
  /** ISO date-time of the review as the page shows it. */
  reviewDate?: string;
  existingReply?: string;
  canReply: boolean;
  /** "还有N天可回复" as read, with the moment it was read, so the deadline can be computed later. */
  replyDaysLeft?: number;
  replyDaysLeftReadAt?: number;
  pageUrl: string;

  state: CaseState;
  outcome?: CaseOutcome;
  history: StateChange[];
  flags: CaseFlags;
  contacts: ContactAttempt[];
  remedies: Remedy[];
  notes: CaseNote[];
  lesson?: CaseLesson;
  risk?: CaseRisk;
  manualFacts: ManualFacts;
  /** Evidence the seller has collected, with when it was marked done. */
  evidenceChecklist: Partial<Record<EvidenceItem, number>>;
  nextFollowUpAt?: number;
  /** When a reminder for the follow-up was snoozed to, if it was. */
  snoozedUntil?: number;

  createdAt: number;
  updatedAt: number;
  firstSeenAt: number;
  lastSeenAt: number;
  firstResponseAt?: number;
  closedAt?: number;

  /** Derived, stored for indexes: 1 while the state is open. */
  isOpen: 0 | 1;
  /** Derived, stored for the urgency index: the earliest pending deadline (epoch ms), +Infinity if none. */
  dueAt: number;
  /**
   * Derived listing keys, unique thanks to the id, so a listing can page through an index in chunks:
   * urgency = open cases by deadline, then closed ones newest first; recent = last change first.
   */
  urgencyKey: [0, number, string] | [1, number, string];
  recentKey: [number, string];
}

/** Fields recomputed from the rest on every write, never exported and never trusted on import. */
export const DERIVED_FIELDS = ['isOpen', 'dueAt', 'urgencyKey', 'recentKey'] as const;

export function caseIdOf(platform: Platform, reviewId: string): string {
  return `${platform}:${reviewId}`;
}

/** The guides' buyer folders; derived, so they never drift from the case itself. */
export const CASE_GROUPS = ['medium_review_buyers', 'bad_review_buyers', 'agreed_to_revise', 'revised'] as const;
export type CaseGroup = (typeof CASE_GROUPS)[number];

export function caseGroups(c: Pick<Case, 'initialRating' | 'state' | 'outcome'>): CaseGroup[] {
  const groups: CaseGroup[] = [];
  if (c.initialRating === 'medium') groups.push('medium_review_buyers');
  if (c.initialRating === 'bad') groups.push('bad_review_buyers');
  if (c.state === 'agreed_to_revise') groups.push('agreed_to_revise');
  if (c.outcome === 'revised') groups.push('revised');
  return groups;
}
