/**
 * Every "<comparative> <reference>" pair as '|'-separated cues (kleiner als beschrieben, thinner than pictured):
 * the comparison with the listing is the complaint, and a bare "als beschrieben" would also match praise
 * (besser als beschrieben).
 */
export function comparisons(comparatives: readonly string[], references: readonly string[]): string {
  const cues: string[] = [];
  for (const comparative of comparatives) for (const reference of references) cues.push(`${comparative} ${reference}`);
  return cues.join('|');
}
