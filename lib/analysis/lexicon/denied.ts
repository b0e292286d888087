import type { ConcreteCause } from './types';

/**
 * Weight-0 aspects for a topic the buyer rules out (不是尺码的问题, not a quality issue, liegt nicht an der
 * Größe). The negator sits before the aspect, out of reach of the opinion's own negation, so without these
 * the 问题/issue after it named the very cause the buyer denies. As a longer aspect starting earlier, each
 * one hides the plain aspect inside it and scores nothing.
 *
 * Only topic nouns are listed: denying a listing word (不是图片上的颜色) is itself a complaint.
 * `asked` heads are questions that contain a denial (是不是安装的问题): they keep the topic as a full aspect.
 */
export function deniedAspects(heads: readonly string[], topics: Partial<Record<ConcreteCause, readonly string[]>>, asked: readonly string[] = []): Partial<Record<ConcreteCause, string>> {
  const shields: Partial<Record<ConcreteCause, string>> = {};
  for (const [cause, words] of Object.entries(topics) as Array<[ConcreteCause, readonly string[]]>) {
    const items: string[] = [];
    for (const head of heads) for (const word of words) items.push(`${head}${word}:0`);
    for (const head of asked) for (const word of words) items.push(`${head}${word}`);
    shields[cause] = items.join('|');
  }
  return shields;
}

/** Aspect lists with the denied forms of their topics appended. */
export function withDenials(aspects: Partial<Record<ConcreteCause, string>>, denials: Partial<Record<ConcreteCause, string>>): Partial<Record<ConcreteCause, string>> {
  const merged: Partial<Record<ConcreteCause, string>> = { ...aspects };
  for (const [cause, extra] of Object.entries(denials) as Array<[ConcreteCause, string]>) merged[cause] = merged[cause] ? `${merged[cause]}|${extra}` : extra;
  return merged;
}
