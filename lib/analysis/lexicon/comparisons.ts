/**
 * Every "<head><joiner><tail>" pair as '|'-separated cues. Used for comparisons with the listing
 * (kleiner als beschrieben, 比图片*暗): the comparison is the complaint, while the reference alone
 * would also match praise (besser als beschrieben, 比图片好看).
 */
export function pairs(heads: readonly string[], tails: readonly string[], joiner: string): string {
  const cues: string[] = [];
  for (const head of heads) for (const tail of tails) cues.push(`${head}${joiner}${tail}`);
  return cues.join('|');
}

/** "<comparative> <reference>" cues for space-separated languages. */
export function comparisons(comparatives: readonly string[], references: readonly string[]): string {
  return pairs(comparatives, references, ' ');
}
