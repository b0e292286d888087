import { CAUSE_THRESHOLDS } from './data/combination';
import { ARRIVAL_DAMAGE, LEAKS, USED_BEFORE } from './lexicon/damage';
import { PRICE_PROTECTION } from './lexicon/price-protection';
import type { Findings } from './engine';
import { originalSpan, type Normalized } from './normalize';
import { CAUSE_IDS, type Analysis, type CauseId, type Span } from './types';

export type PlatformRating = 'good' | 'medium' | 'bad' | 'unknown';

export interface AnalyzeOptions {
  rating?: PlatformRating;
}

function bySpanStart(a: Span, b: Span): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** Original-text spans of `ranges`, sorted, overlapping ones merged. */
function toSpans(normalized: Normalized, ranges: Array<[number, number]>): Span[] {
  const count = ranges.length;
  // Most reviews have no extortion words and most causes one range: no sorting or merging to do.
  if (count === 0) return [];
  if (count === 1) return [originalSpan(normalized, ranges[0][0], ranges[0][1])];
  const spans: Span[] = [];
  // Insertion sort: a cause has a handful of ranges, mostly in order already, where Array.prototype.sort
  // costs more to set up than to run. Stable like it, so equal spans keep their order.
  for (let i = 0; i < count; i++) {
    const span = originalSpan(normalized, ranges[i][0], ranges[i][1]);
    let at = spans.length;
    while (at > 0 && bySpanStart(spans[at - 1], span) > 0) {
      spans[at] = spans[at - 1];
      at--;
    }
    spans[at] = span;
  }
  // Each span is a fresh array from originalSpan, so the merged list may keep and widen them.
  const merged: Span[] = [spans[0]];
  for (let i = 1; i < count; i++) {
    const span = spans[i];
    const last = merged[merged.length - 1];
    if (span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

/**
 * Whether the quality evidence names nothing but damage on arrival (and, with `leaks`, contents that leaked),
 * in a review that does not say the item was used before it failed.
 */
function onlyArrivalDamage(findings: Findings, leaks: boolean): boolean {
  const text = findings.normalized.text;
  if (USED_BEFORE.test(text)) return false;
  for (const [from, to] of findings.evidence.get('quality') ?? []) {
    const word = text.slice(from, to);
    if (!ARRIVAL_DAMAGE.has(word) && !ARRIVAL_DAMAGE.has(word + '_') && !(leaks && LEAKS.has(word))) return false;
  }
  return true;
}

/**
 * Damage the text gives no cause for, in a review that blames the delivery, is the courier's (taxonomy:
 * damage blamed on transport is logistics): quality stays only when it names more than arrival damage or the
 * item was used before it failed.
 */
export function damageBlamedOnDelivery(findings: Findings, causes: readonly CauseId[]): boolean {
  return causes.includes('logistics') && causes.includes('quality') && onlyArrivalDamage(findings, false);
}

/** Likewise damage or a leak in a review that blames the packing is the packing's (taxonomy: leaking, flimsy → packaging). */
export function damageBlamedOnPacking(findings: Findings, causes: readonly CauseId[]): boolean {
  return causes.includes('packaging') && causes.includes('quality') && onlyArrivalDamage(findings, true);
}

/**
 * The after-sales evidence that is a price-protection claim (不保价, 价保还不让), if any: one word can hold only one
 * cause in the matcher, yet such a claim says the price fell after purchase too.
 */
export function priceProtectionEvidence(findings: Findings, causes: readonly CauseId[]): Array<[number, number]> {
  if (!causes.includes('after_sales') || causes.includes('price_value')) return [];
  const text = findings.normalized.text;
  return (findings.evidence.get('after_sales') ?? []).filter(([from, to]) => PRICE_PROTECTION.test(text.slice(from, to)));
}

/** Turns findings into the Analysis: concrete causes, else `personal`, else `other` — only for a complaint. */
export function decide(findings: Findings, negativity: number, rating: PlatformRating, thresholds: Readonly<Partial<Record<CauseId, number>>> = CAUSE_THRESHOLDS): Analysis {
  const textSaysNegative = negativity >= 0.5;
  const negative = rating === 'medium' || rating === 'bad' ? true : rating === 'good' ? false : textSaysNegative;
  const causes: CauseId[] = [];
  const evidence: Partial<Record<CauseId, Span[]>> = {};
  // A 'good' rating with a complaining text still gets its concrete causes: sellers want to see them.
  if (negative || textSaysNegative) {
    // Most reviews score no concrete cause at all: then there is nothing to look up in CAUSE_IDS order.
    if (findings.scores.size > 0) {
      for (const cause of CAUSE_IDS) {
        const score = findings.scores.get(cause) ?? 0;
        if (score > 0 && score >= (thresholds[cause] ?? 1)) {
          causes.push(cause);
          evidence[cause] = toSpans(findings.normalized, findings.evidence.get(cause) ?? []);
        }
      }
    }
    const protection = priceProtectionEvidence(findings, causes);
    if (protection.length > 0) {
      // price_value follows after_sales in CAUSE_IDS: inserted right after it, the list keeps that order.
      causes.splice(causes.indexOf('after_sales') + 1, 0, 'price_value');
      evidence.price_value = toSpans(findings.normalized, protection);
    }
    if (damageBlamedOnDelivery(findings, causes) || damageBlamedOnPacking(findings, causes)) {
      causes.splice(causes.indexOf('quality'), 1);
      delete evidence.quality;
    }
    // No concrete fault named: the buyer's own taste if they say so, a topic outside the shop (a book's
    // content, a brand) if that is what they talk about, else an unspecific complaint about the product.
    if (causes.length === 0 && negative) {
      // A rating-only complaint whose text names nothing at all (默认好评-style text) is a vague verdict.
      if (findings.personal.length > 0 || (!textSaysNegative && findings.complaints.length === 0)) {
        causes.push('personal');
        evidence.personal = toSpans(findings.normalized, findings.personal);
      } else if (findings.other.length > 0) {
        causes.push('other');
        evidence.other = toSpans(findings.normalized, findings.other);
      } else {
        causes.push('quality');
        evidence.quality = toSpans(findings.normalized, findings.complaints);
      }
    }
  }
  const extortionEvidence = toSpans(findings.normalized, findings.extortion);
  return {
    lang: findings.lang,
    negative,
    negativity,
    causes,
    evidence,
    extortion: extortionEvidence.length > 0,
    extortionEvidence,
  };
}
