import type { Analysis } from '../analysis/types';
import type { ReviewSnapshot } from '../sites/types';
import type { Case } from './types';
import { deriveIndexFields } from './derived';
import { caseIdOf } from './types';

/** Whether a review, as seen, deserves a case without the seller asking for one. */
export function opensCaseAutomatically(snapshot: ReviewSnapshot, analysis: Analysis): boolean {
  if (snapshot.rating === 'medium' || snapshot.rating === 'bad') return true;
  // Pages without a visible verdict (the generic detector) fall back to what the text says.
  return snapshot.rating === 'unknown' && analysis.negative;
}

/** Recomputes the stored, derived fields; every write goes through here. */
export function withDerived(c: Case, now: number): Case {
  c.updatedAt = now;
  return deriveIndexFields(c);
}

export function newCase(snapshot: ReviewSnapshot, analysis: Analysis, now: number): Case {
  const c: Case = {
    id: caseIdOf(snapshot.platform, snapshot.reviewId),
    platform: snapshot.platform,
    reviewId: snapshot.reviewId,
    rating: snapshot.rating,
    initialRating: snapshot.rating,
    causes: [],
    evidence: {},
    negativity: 0,
    extortion: false,
    extortionEvidence: [],
    text: '',
    canReply: false,
    pageUrl: snapshot.pageUrl,
    state: 'new',
    history: [{ from: null, to: 'new', at: now }],
    flags: { publicReplyPosted: false, appealFiled: false },
    contacts: [],
    remedies: [],
    notes: [],
    manualFacts: {},
    evidenceChecklist: {},
    createdAt: now,
    updatedAt: now,
    firstSeenAt: now,
    lastSeenAt: now,
    isOpen: 1,
    dueAt: Number.POSITIVE_INFINITY,
    urgencyKey: [0, Number.POSITIVE_INFINITY, ''],
    recentKey: [0, ''],
  };
  return refreshFromSnapshot(c, snapshot, analysis, now);
}

/**
 * Brings a case up to date with the review as seen now. The page is the truth for what it shows;
 * optional fields a given page does not show (a list without the reply window, say) keep their
 * earlier value instead of being erased. The seller's own work on the case is never touched.
 */
export function refreshFromSnapshot(c: Case, snapshot: ReviewSnapshot, analysis: Analysis, now: number): Case {
  c.rating = snapshot.rating;
  c.stars = snapshot.stars ?? c.stars;
  c.text = snapshot.text;
  c.followUp = snapshot.followUp ?? c.followUp;
  c.buyerNick = snapshot.buyerNick ?? c.buyerNick;
  c.buyerCredit = snapshot.buyerCredit ?? c.buyerCredit;
  c.orderId = snapshot.orderId ?? c.orderId;
  c.product = snapshot.product ?? c.product;
  c.reviewDate = snapshot.date ?? c.reviewDate;
  c.canReply = snapshot.canReply;
  c.pageUrl = snapshot.pageUrl;
  if (snapshot.replyDaysLeft !== undefined) {
    c.replyDaysLeft = snapshot.replyDaysLeft;
    c.replyDaysLeftReadAt = now;
  }
  if (snapshot.existingReply) {
    c.existingReply = snapshot.existingReply;
    // A reply on the page is a public response, whoever posted it.
    c.flags.publicReplyPosted = true;
    c.firstResponseAt ??= now;
  }
  c.causes = [...analysis.causes];
  c.evidence = structuredClone(analysis.evidence);
  c.negativity = analysis.negativity;
  c.extortion = analysis.extortion;
  c.extortionEvidence = analysis.extortionEvidence.map((span) => [span[0], span[1]]);
  c.lastSeenAt = now;
  return withDerived(c, now);
}
