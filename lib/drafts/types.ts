import type { CauseId, Lang } from '../analysis/types';
import type { Platform, Rating } from '../sites/types';

/** The six things Mend can draft for one review. */
export const DRAFT_KINDS = ['public', 'private', 'phone', 'revisionRequest', 'firm', 'unreachable'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/**
 * Kinds whose text other shoppers can read. The personal-data rule applies only to these: a private
 * message or a phone script may (and should) address the buyer by name and order.
 */
export const PUBLIC_KINDS: readonly DraftKind[] = ['public', 'firm', 'unreachable'];

/** 诚恳 / 专业 / 简洁. */
export const TONES = ['sincere', 'professional', 'concise'] as const;
export type Tone = (typeof TONES)[number];

export const CONTACT_CHANNELS = ['phone', 'chat', 'sms', 'site_message', 'platform_message', 'email'] as const;
/** `chat` is the platform's own instant messenger (旺旺 on Taobao, 咚咚 on JD, 飞鸽 on Douyin …). */
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_OUTCOMES = ['answered', 'no_answer', 'refused', 'agreed', 'demanded_compensation'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** One logged attempt to reach the buyer. */
export interface ContactAttempt {
  /** ISO 8601 date-time of the attempt. */
  at: string;
  channel: ContactChannel;
  outcome: ContactOutcome;
}

export const REMEDY_KINDS = ['refund', 'partial_refund', 'exchange', 'resend', 'return', 'repair', 'coupon', 'gift'] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

/** What the shop offers (or has done) for the problem. Compensation is for the problem, never for a review. */
export interface Remedy {
  kind: RemedyKind;
  /** Money amount for refund / partial_refund / coupon, in `currency`. */
  amount?: number;
  /** ISO 4217 code; defaults by language (CNY for Chinese, EUR for German, USD for English). */
  currency?: string;
}

export interface ShopFacts {
  name: string;
  /** Who signs, e.g. "店长 小林" or "Ihr Kundenservice-Team". */
  signature?: string;
  /** Free text such as "9:00–22:00". */
  serviceHours?: string;
}

export type Risk = 'low' | 'watch' | 'high';

/**
 * Per-kind templates that replace the built-in text. `byCause[cause][kind]` wins over `byKind[kind]`,
 * matched on the
 * leading cause (the first of the review's causes in CAUSE_PRIORITY order). See {@link PLACEHOLDERS} for what a template may use.
 */
export interface TemplateOverrides {
  byKind?: Partial<Record<DraftKind, string>>;
  byCause?: Partial<Record<CauseId, Partial<Record<DraftKind, string>>>>;
}

/** Everything a draft is made from. Only `lang`, `platform`, `rating`, `causes` and `tone` are required. */
export interface DraftInput {
  lang: Lang;
  platform: Platform;
  rating: Rating;
  /** Taxonomy ids, any order: the reply leads with the shop's own faults (see CAUSE_PRIORITY). Empty → `other`. */
  causes: CauseId[];
  tone: Tone;
  /** The review itself. Never quoted back; only part of the default variant seed when `seed` is absent. */
  text?: string;
  /** A short product name. Listing titles full of keywords read badly and may carry banned words. */
  product?: string;
  /** Used only in private kinds (private, phone, revisionRequest). */
  buyerNick?: string;
  /** Used only in private kinds, and then only its last four characters. */
  orderId?: string;
  shop?: ShopFacts;
  remedy?: Remedy;
  contacts?: ContactAttempt[];
  /** Critic risk from the analysis; `firm` is drafted only for `high`. */
  risk?: Risk;
  /** Picks among phrasing variants so that replies on one page differ; use the review id. */
  seed?: string;
  problemSolved?: boolean;
  buyerSatisfied?: boolean;
  /** "Now" for the follow-up time in the phone script; defaults to the current time. */
  now?: Date | string;
  /** IANA zone for every printed time; defaults to the runtime's local zone. */
  timeZone?: string;
  overrides?: TemplateOverrides;
}

/** The result of {@link generateDrafts}: absent kinds are `null`. */
export interface Drafts {
  public: string;
  private: string;
  phone: string;
  /** Only when the problem is solved and the buyer satisfied, and never where the platform forbids it. */
  revisionRequest: string | null;
  /** Only for `risk: 'high'`. */
  firm: string | null;
  /** Only when at least one contact attempt is logged. */
  unreachable: string | null;
}

/** A placeholder in an override that could not be filled (unknown name, or not available for that kind). */
export interface TemplateIssue {
  kind: DraftKind;
  /** Set when the offending template came from `byCause`. */
  cause?: CauseId;
  placeholder: string;
  reason: 'unknown' | 'not_available';
}

export type Severity = 'error' | 'warning';

export const LINT_RULES = [
  'personal_data',
  'review_incentive',
  'amazon_review_request',
  'blame_buyer',
  'absolute_claim',
  'too_long',
  'reply_window',
  'one_reply',
  'near_duplicate',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

/**
 * One policy problem in a reply. `start`/`end` are a half-open UTF-16 range into the linted text
 * (so `text.slice(start, end)` is the offending part; whole-text findings span the whole text).
 *
 * `message` is plain English for logs and the CLI. The UI shows `t(messageKey, args)` instead:
 * every `messageKey` exists in public/_locales in all four UI languages, with `args` as `$1`, `$2` ….
 */
export interface Finding {
  rule: LintRule;
  severity: Severity;
  message: string;
  messageKey: string;
  args: string[];
  start: number;
  end: number;
}

export interface LintContext {
  platform: Platform;
  kind: DraftKind;
  /** Language of the reply. Informational: every language's patterns always run, since sellers mix languages. */
  lang?: Lang;
  /** As the platform shows it ("还有N天可回复"); wins over `reviewDate`. */
  replyDaysLeft?: number;
  /** ISO date-time of the review, used with the platform's reply window when `replyDaysLeft` is absent. */
  reviewDate?: string;
  now?: Date | string;
  /** Replies the seller posted recently (other reviews), for the near-duplicate warning. */
  recentReplies?: string[];
  /** The seller is editing an already posted reply. */
  isEdit?: boolean;
  /** Names known to belong to the buyer (nick, recipient name): any occurrence in public text is an error. */
  knownNames?: string[];
}
