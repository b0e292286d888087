import type { CauseId } from '../types';

/** A concrete cause id (everything except the fallbacks `personal` and `other`). */
export type ConcreteCause = Exclude<CauseId, 'personal' | 'other'>;

/**
 * One language's cue lists, written as '|'-separated strings in normalized form (Simplified, half-width,
 * lower case). A cue may end in ':<weight>' (default 1); weight ≥ 1 decides a cause on its own.
 * Latin cues match at a word start; a trailing '_' also demands a word end.
 */
export interface LexiconSpec {
  /** Complaint phrases that name a cause by themselves (快递太慢, 假货, 偏小). */
  cues: Partial<Record<ConcreteCause, string>>;
  /** Aspect words that name a cause only next to a negative opinion (物流 … 慢). */
  aspects: Partial<Record<ConcreteCause, string>>;
  /** Words that judge something negatively (差, 慢, 垃圾). Negated they count as positive. */
  negative: string;
  /** Words that judge something positively (好, 快, 满意). Negated they count as negative. */
  positive: string;
  /** Markers that turn the following clause into the real point (但是, 就是, aber). */
  contrast: string;
  /** Markers of a conceded clause (虽然, obwohl). */
  concession: string;
  /** Words that negate a cue right after them, possibly through a few fillers. */
  negators: string;
  /** Words allowed between a negator and the cue it negates (很, 太, 算). */
  fillers: string;
  /** Yes-no question frames that hold a negator without negating (是不是太慢, 有没有搞错). */
  questions?: string;
  /** The buyer's own taste, expectation or mistake, and vague verdicts. */
  personal: string;
  /** Topics outside the shop's control (a book's content, a brand's ads, the platform). */
  other: string;
  /** Words naming the shop's own staff (客服, 卖家, seller): without them, 服务/态度 in a review that names
   * a courier or installer is about that party, not about the shop's service. */
  staff: string;
  /** Leverage typical of professional critics: complaint threats, multiples of the price. */
  extortion: string;
}
