import type { CauseId } from '../../analysis/types';
import type { Platform, Rating } from '../../sites/types';
import type { ContactChannel, ContactOutcome, Remedy, RemedyKind, Tone } from '../types';
import type { Pick } from '../variants';

/** What one cause contributes to a reply, in one language. Every sentence ends with its own punctuation. */
export interface CauseText {
  /** The problem as the buyer raised it; fits "you mentioned ___" / "您提到的___". */
  topic: string;
  /** The part of the shop's work the review exposed; fits "a gap in ___". */
  gap: string;
  /** Owning the mistake specifically (two phrasings). */
  own: readonly [string, string];
  /** What changes from now on (two phrasings). */
  change: readonly [string, string];
  /** The phone question that finds out what exactly went wrong. */
  ask: string;
  /** A calm commitment the shop can stand behind, for the firm public explanation. */
  firm: string;
}

/** One contact attempt, already in words. */
export interface ContactLine {
  when: string;
  channel: string;
  outcome: string;
  reached: boolean;
}

/** Everything a language's composers need, resolved and formatted by generate.ts. */
export interface DraftFacts {
  platform: Platform;
  rating: Rating;
  tone: Tone;
  causeIds: CauseId[];
  /** Up to two causes, the leading one first. */
  causes: CauseText[];
  product?: string;
  shop?: string;
  signature?: string;
  serviceHours?: string;
  /** The remedy in words ("换货", "a refund of €20") when one is set. */
  remedy?: string;
  /** Remedies to propose on the phone / in a message, in words, when none is set. */
  offers: string[];
  buyer?: string;
  orderTail?: string;
  contacts: ContactLine[];
  followUp: string;
  pick: Pick;
}

export interface LanguagePack {
  causes: Record<CauseId, CauseText>;
  channel(channel: ContactChannel, platform: Platform): string;
  outcome(outcome: ContactOutcome, channel: ContactChannel): string;
  remedy(remedy: Remedy, money: string | undefined): string;
  remedyKind(kind: RemedyKind): string;
  /** "A、B和C" / "A, B and C" / "A, B und C". */
  list(items: string[]): string;
  public(f: DraftFacts): string;
  private(f: DraftFacts): string;
  phone(f: DraftFacts): string;
  revisionRequest(f: DraftFacts): string;
  firm(f: DraftFacts): string;
  unreachable(f: DraftFacts): string;
  /** One line per contact for `{contactList}`. */
  contactLine(c: ContactLine): string;
}
