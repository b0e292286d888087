import type { Lang } from './types';
import type { Normalized } from './normalize';

const GERMAN_WORDS = new Set(
  'der die das und ist nicht ich sehr mit für auf ein eine einen zu war es leider aber auch noch nur kein keine schon wie wurde wird bei hat habe sind mir mein meine man nach dem den des von aus gut schlecht wieder zurück ware artikel lieferung paket geld nie'.split(' '),
);
const ENGLISH_WORDS = new Set(
  'the and is not it was very for with this to my i of but that have has had are be on in as at they you would item product does did no never after from after just so too were return refund arrived broken good bad'.split(' '),
);

function isWordLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || code === 0xe4 || code === 0xf6 || code === 0xfc || code === 0xdf;
}

/** Runs of [a-zäöüß]: the words of a normalized text, counted without building them. */
function latinWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const letter = isWordLetter(text.charCodeAt(i));
    if (letter && !inWord) words++;
    inWord = letter;
  }
  return words;
}

/**
 * Script decides Chinese; among Chinese, Traditional-only characters outweighing Simplified-only ones
 * mean zh-Hant. Latin text is German when its function words or umlauts say so, else English.
 */
export function detectLangFrom(normalized: Normalized): Lang {
  // Chinese reviews often carry model names, system names or markup in Latin letters: weigh a Han
  // character against a Latin word, not a letter.
  if (normalized.han > 0 && (normalized.latin === 0 || normalized.han * 3 >= latinWords(normalized.text))) {
    return normalized.traditional > normalized.simplified ? 'zh-Hant' : 'zh-Hans';
  }
  if (normalized.latin === 0) return 'zh-Hans';
  const text = normalized.text;
  let german = 0;
  let english = 0;
  const words = text.split(/[^a-zäöüß']+/);
  for (const word of words) {
    if (word.length === 0) continue;
    if (GERMAN_WORDS.has(word)) german++;
    if (ENGLISH_WORDS.has(word)) english++;
    if (/[äöüß]/.test(word)) german++;
  }
  return german > english ? 'de' : 'en';
}
