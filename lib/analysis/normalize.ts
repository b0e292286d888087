import { SIMPLIFIED_ONLY, T2S_PAIRS } from './data/t2s';

/**
 * Text prepared for matching, with a way back to the original: character i of `text` came from
 * original[start[i] .. end[i]). Lexicons only need to list Simplified, half-width, lower-case forms.
 */
export interface Normalized {
  text: string;
  start: number[];
  end: number[];
  /** Traditional-only characters seen (before conversion). */
  traditional: number;
  /** Simplified-only characters seen. */
  simplified: number;
  han: number;
  latin: number;
  /** Emoji that signal displeasure (😡👎 …), counted before they are dropped. */
  angryEmoji: number;
  happyEmoji: number;
}

let t2s: Uint16Array | undefined;
/** Reused output buffer (normalize never re-enters itself). */
let scratch = new Uint16Array(256);
const decoder = new TextDecoder('utf-16le');
let simplifiedOnly: Uint8Array | undefined;

// Flat tables indexed by UTF-16 unit (192 KB), built on first use so loading the module costs nothing.
function tables(): { t2s: Uint16Array; simplifiedOnly: Uint8Array } {
  if (!t2s || !simplifiedOnly) {
    t2s = new Uint16Array(0x10000);
    for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) t2s[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1);
    simplifiedOnly = new Uint8Array(0x10000);
    for (let i = 0; i < SIMPLIFIED_ONLY.length; i++) simplifiedOnly[SIMPLIFIED_ONLY.charCodeAt(i)] = 1;
  }
  return { t2s, simplifiedOnly };
}

const ANGRY_EMOJI = new Set([0x1f621, 0x1f620, 0x1f44e, 0x1f494, 0x1f624, 0x1f61e, 0x1f62d, 0x1f92c, 0x1f4a9, 0x1f612, 0x1f611, 0x1f644, 0x1f622, 0x1f61f, 0x1f615, 0x1f629, 0x1f62b]);
const HAPPY_EMOJI = new Set([0x1f44d, 0x1f60a, 0x1f604, 0x1f603, 0x1f601, 0x1f60d, 0x1f970, 0x1f618, 0x2764, 0x1f496, 0x1f495, 0x1f389, 0x1f44f, 0x1f31f, 0x2b50, 0x1f60e, 0x1f917]);

/** Chinese and full-width punctuation folded to the ASCII mark that plays the same role in a sentence. */
const PUNCT: Record<number, number> = {
  0x3002: 0x2e, // 。
  0x3001: 0x2c, // 、
  0xff61: 0x2e, // ｡
  0x2026: 0x2e, // …
  0x201c: 0x22,
  0x201d: 0x22,
  0x2018: 0x27,
  0x2019: 0x27,
  0x300c: 0x22, // 「
  0x300d: 0x22,
  0x300e: 0x22,
  0x300f: 0x22,
  0x3010: 0x5b, // 【
  0x3011: 0x5d,
  0x300a: 0x22, // 《
  0x300b: 0x22,
  0xff5e: 0x7e,
  0x301c: 0x7e,
  0x2014: 0x2c, // — as a pause
  0x00b7: 0x20,
};

function isEmojiOrSymbol(code: number): boolean {
  return (
    (code >= 0x1f000 && code <= 0x1faff) ||
    (code >= 0x2600 && code <= 0x27bf) ||
    (code >= 0x2b00 && code <= 0x2bff) ||
    (code >= 0x1f1e6 && code <= 0x1f1ff)
  );
}

/** Invisible characters that only hide or reorder text: zero-width, bidi controls, BOM, variation selectors. */
function isInvisible(code: number): boolean {
  return (
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xe0000 && code <= 0xe007f) ||
    code === 0xad
  );
}

function isRepeatableMark(code: number): boolean {
  return code === 0x21 || code === 0x3f || code === 0x2e || code === 0x2c || code === 0x7e || code === 0x20 || code === 0x3b || code === 0x2a || code === 0x23 || code === 0x2d || code === 0x3d || code === 0x5f || code === 0x0a;
}

/**
 * Traditional → Simplified, full-width → half-width, lower case, runs of the same mark collapsed to one,
 * emoji turned into a single space (they often separate clauses), invisible controls dropped.
 */
export function normalize(original: string): Normalized {
  const { t2s: map, simplifiedOnly: simplified } = tables();
  const length = original.length;
  if (scratch.length < length) scratch = new Uint16Array(Math.max(length, scratch.length * 2));
  const units = scratch;
  // Plain arrays: allocating typed arrays costs more than the whole pass over a short review.
  const start: number[] = [];
  const end: number[] = [];
  let n = 0;
  let traditional = 0;
  let simplifiedCount = 0;
  let han = 0;
  let latin = 0;
  let angryEmoji = 0;
  let happyEmoji = 0;
  let previous = -1;

  for (let i = 0; i < length; ) {
    let code = original.charCodeAt(i);
    const from = i;
    i++;
    if (code >= 0x4e00 && code <= 0x9fff) {
      // The common case first: a Han character, possibly Traditional.
      han++;
      const s = map[code];
      if (s !== 0) {
        traditional++;
        code = s;
      } else if (simplified[code] === 1) simplifiedCount++;
    } else if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) code += 0x20;
      else if (code === 0x09 || code === 0x0d) code = 0x20;
      if (code >= 0x61 && code <= 0x7a) latin++;
    } else if (code >= 0xd800 && code <= 0xdbff && i < length && original.charCodeAt(i) >= 0xdc00 && original.charCodeAt(i) <= 0xdfff) {
      const low = original.charCodeAt(i);
      const point = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
      i++;
      if (isEmojiOrSymbol(point)) {
        if (ANGRY_EMOJI.has(point)) angryEmoji++;
        else if (HAPPY_EMOJI.has(point)) happyEmoji++;
        code = 0x20;
      } else if (isInvisible(point)) {
        continue;
      } else {
        // Other astral characters (CJK extension B …) stay as their two units, both mapped to the pair.
        if (point >= 0x20000 && point <= 0x3134f) han++;
        units[n] = code;
        start[n] = from;
        end[n] = i;
        n++;
        units[n] = low;
        start[n] = from;
        end[n] = i;
        n++;
        previous = -1;
        continue;
      }
    } else if (code >= 0xff01 && code <= 0xff5e) {
      code -= 0xfee0;
      if (code >= 0x41 && code <= 0x5a) code += 0x20;
    } else if (code === 0x3000 || code === 0xa0) {
      code = 0x20;
    } else if (PUNCT[code] !== undefined) {
      code = PUNCT[code];
    } else if (isInvisible(code)) {
      continue;
    } else if (isEmojiOrSymbol(code)) {
      if (ANGRY_EMOJI.has(code)) angryEmoji++;
      else if (HAPPY_EMOJI.has(code)) happyEmoji++;
      code = 0x20;
    } else if (code >= 0x3400 && code <= 0x4dbf) {
      han++;
      const s = map[code];
      if (s !== 0) {
        traditional++;
        code = s;
      }
    } else if (code >= 0xf900 && code <= 0xfaff) {
      han++;
      const s = map[code];
      if (s !== 0) code = s;
    } else if (code >= 0xc0 && code <= 0x24f) {
      latin++;
      if (code <= 0xde && code !== 0xd7) code += 0x20;
    } else if (code === 0x2028 || code === 0x2029 || code === 0x85) {
      code = 0x0a;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate carries no text.
      code = 0x20;
    }

    if (code === previous && isRepeatableMark(code)) {
      end[n - 1] = i;
      continue;
    }
    units[n] = code;
    start[n] = from;
    end[n] = i;
    n++;
    previous = code;
  }
  start[n] = length;
  end[n] = length;
  const text = decoder.decode(units.subarray(0, n));
  return { text, start, end, traditional, simplified: simplifiedCount, han, latin, angryEmoji, happyEmoji };
}

/** Maps a half-open range of the normalized text back to the original text. */
export function originalSpan(normalized: Normalized, from: number, to: number): [number, number] {
  const last = Math.max(from, to - 1);
  return [normalized.start[from], normalized.end[last]];
}
