import type { Finding, LintRule, Severity } from '../types';

/** A regex hit as a half-open range. */
export interface Hit {
  start: number;
  end: number;
  text: string;
}

/** All hits of `pattern` (which must carry the g flag) without sharing lastIndex state between calls. */
export function hits(text: string, pattern: RegExp): Hit[] {
  const found: Hit[] = [];
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return found;
}

export function finding(rule: LintRule, severity: Severity, messageKey: string, message: string, args: string[], start: number, end: number): Finding {
  return { rule, severity, message, messageKey, args, start, end };
}

/** Keeps the first of overlapping hits, so one phone number is not also reported as an order number. */
export function withoutOverlaps<T extends { start: number; end: number }>(items: T[]): T[] {
  const kept: T[] = [];
  for (const item of items) if (!kept.some((k) => item.start < k.end && k.start < item.end)) kept.push(item);
  return kept;
}

/** Overlapping hits of one rule become one span ("全网最低" + "最低价" → "全网最低价"). */
export function mergeOverlaps(text: string, items: Hit[]): Hit[] {
  const merged: Hit[] = [];
  for (const hit of [...items].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && hit.start < last.end) {
      last.end = Math.max(last.end, hit.end);
      last.text = text.slice(last.start, last.end);
    } else merged.push({ ...hit });
  }
  return merged;
}
