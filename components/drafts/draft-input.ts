import type { Analysis, Lang } from '../../lib/analysis/types';
import { orderCauses } from '../../lib/drafts/generate';
import type { DraftSettings } from '../../lib/draft-settings';
import type { ContactChannel, ContactOutcome, DraftInput, DraftKind, LintContext, Remedy, Risk, Tone } from '../../lib/drafts/types';
import type { Settings } from '../../lib/settings';
import type { ReviewSnapshot } from '../../lib/sites/types';

/** A logged contact as the case stores it (epoch ms) or as the CLI takes it (ISO). */
export interface ContactFact {
  at: number | string;
  channel: ContactChannel;
  outcome: ContactOutcome;
}

/** What the panel knows about one review and its case. */
export interface ReviewFacts {
  snapshot: ReviewSnapshot;
  analysis: Analysis;
  risk: Risk;
  contacts?: readonly ContactFact[];
  remedy?: Remedy;
  problemSolved?: boolean;
  buyerSatisfied?: boolean;
  recentReplies?: readonly string[];
}

/** The seller's forced language, else the review's own. */
export function draftLanguage(settings: Pick<Settings, 'draftLanguage'>, analysis: Pick<Analysis, 'lang'>): Lang {
  return settings.draftLanguage === 'auto' ? analysis.lang : settings.draftLanguage;
}

export function buildDraftInput(facts: ReviewFacts, settings: Settings, drafts: DraftSettings, tone: Tone, now: Date): DraftInput {
  const { snapshot, analysis } = facts;
  // The generator leads with the shop's own faults (orderCauses), so the default remedy must follow the same cause.
  const lead = orderCauses(analysis.causes)[0];
  const remedy = facts.remedy ? { kind: facts.remedy.kind, amount: facts.remedy.amount, currency: facts.remedy.currency } : drafts.remedyByCause[lead];
  return {
    lang: draftLanguage(settings, analysis),
    platform: snapshot.platform,
    rating: snapshot.rating,
    causes: analysis.causes,
    tone,
    text: snapshot.text,
    // Listing titles are keyword soup; the generator keeps only short names and says "the item" otherwise.
    product: snapshot.product?.title?.trim() || undefined,
    buyerNick: snapshot.buyerNick,
    orderId: snapshot.orderId,
    shop: { name: settings.shopName, signature: settings.signature, serviceHours: settings.serviceHours },
    remedy,
    contacts: (facts.contacts ?? [])
      .filter((c) => Number.isFinite(new Date(c.at).getTime()))
      .map((c) => ({ at: new Date(c.at).toISOString(), channel: c.channel, outcome: c.outcome })),
    risk: facts.risk,
    seed: `${snapshot.platform}:${snapshot.reviewId}`,
    problemSolved: facts.problemSolved,
    buyerSatisfied: facts.buyerSatisfied,
    now,
    overrides: drafts.overrides,
  };
}

export function buildLintContext(facts: ReviewFacts, kind: DraftKind, lang: Lang, now: Date): LintContext {
  const { snapshot } = facts;
  return {
    platform: snapshot.platform,
    kind,
    lang,
    replyDaysLeft: snapshot.replyDaysLeft,
    reviewDate: snapshot.date,
    now,
    recentReplies: facts.recentReplies ? [...facts.recentReplies] : undefined,
    isEdit: Boolean(snapshot.existingReply),
    knownNames: snapshot.buyerNick ? [snapshot.buyerNick] : undefined,
  };
}
