import { SIMPLIFIED_ONLY, T2S_PAIRS } from './data/t2s';

/**
 * Text prepared for matching, with a way back to the original (`originalSpan`). Lexicons only need to
 * list Simplified, half-width, lower-case forms.
 */
export interface Normalized {
  text: string;
  /** The text as given: evidence offsets point into it. */
  original: string;
  /**
   * Character i of `text` came from character i of `original`, for every i (nothing dropped, merged or
   * paired): the common case, where spans need no offset map at all.
   */
  oneToOne: boolean;
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

// What each UTF-16 unit becomes and what it counts as, one lookup per character. Built on first use
// (256 KB) so loading the module costs nothing.
const HAN = 1;
const TRADITIONAL = 2;
const SIMPLIFIED = 4;
const LATIN = 8;
const ANGRY = 16;
const HAPPY = 32;
/** Dropped without a trace (invisible controls). */
const DROP = 64;
/** Per UTF-16 unit: its replacement in the low 16 bits, its flags above (one lookup, one cache line). */
let folding: Int32Array | undefined;
/**
 * The unified Han block (U+4E00–U+9FFF), most of any Chinese review, as two bitsets (2.6 KB each, they
 * stay in the core's own cache): Traditional characters, which are converted, and Simplified-only ones.
 * Every other Han character stays as it is without a table lookup.
 */
const HAN_FROM = 0x4e00;
const HAN_TO = 0x9fff;
const traditionalBits = new Int32Array((HAN_TO + 1 - HAN_FROM) >>> 5);
const simplifiedBits = new Int32Array((HAN_TO + 1 - HAN_FROM) >>> 5);

let t2s: Uint16Array | undefined;
let simplifiedOnly: Uint8Array | undefined;

/**
 * The folding table starts empty (-1) and learns each unit the first time a text contains it: building all
 * 65,536 entries up front would cost the first analysed review on a page tens of milliseconds.
 */
function foldTable(): Int32Array {
  if (!folding) {
    const toSimplified = new Uint16Array(0x10000);
    for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) toSimplified[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1);
    const onlySimplified = new Uint8Array(0x10000);
    for (let i = 0; i < SIMPLIFIED_ONLY.length; i++) onlySimplified[SIMPLIFIED_ONLY.charCodeAt(i)] = 1;
    for (let code = HAN_FROM; code <= HAN_TO; code++) {
      const word = (code - HAN_FROM) >>> 5;
      if (toSimplified[code] !== 0) traditionalBits[word] |= 1 << (code & 31);
      else if (onlySimplified[code] === 1) simplifiedBits[word] |= 1 << (code & 31);
    }
    t2s = toSimplified;
    simplifiedOnly = onlySimplified;
    folding = new Int32Array(0x10000).fill(-1);
  }
  return folding;
}

/** The folding table's entry for `unit`, worked out on first sight. */
function foldedOf(table: Int32Array, unit: number): number {
  const known = table[unit];
  if (known >= 0) return known;
  const packed = foldUnit(unit, t2s!, simplifiedOnly!);
  table[unit] = packed;
  return packed;
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

/** The rules for one BMP unit outside a surrogate pair: its replacement, with what it counts as above bit 16. */
function foldUnit(unit: number, t2s: Uint16Array, simplifiedOnly: Uint8Array): number {
  let code = unit;
  let flags = 0;
  if (code >= 0x4e00 && code <= 0x9fff) {
    flags |= HAN;
    const s = t2s[code];
    if (s !== 0) {
      flags |= TRADITIONAL;
      code = s;
    } else if (simplifiedOnly[code] === 1) flags |= SIMPLIFIED;
  } else if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    else if (code === 0x09 || code === 0x0d) code = 0x20;
    if (code >= 0x61 && code <= 0x7a) flags |= LATIN;
  } else if (code >= 0xff01 && code <= 0xff5e) {
    code -= 0xfee0;
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
  } else if (code === 0x3000 || code === 0xa0) {
    code = 0x20;
  } else if (PUNCT[code] !== undefined) {
    code = PUNCT[code];
  } else if (isInvisible(code)) {
    flags |= DROP;
  } else if (isEmojiOrSymbol(code)) {
    flags |= emojiFlags(code);
    code = 0x20;
  } else if (code >= 0x3400 && code <= 0x4dbf) {
    flags |= HAN;
    const s = t2s[code];
    if (s !== 0) {
      flags |= TRADITIONAL;
      code = s;
    }
  } else if (code >= 0xf900 && code <= 0xfaff) {
    flags |= HAN;
    const s = t2s[code];
    if (s !== 0) code = s;
  } else if (code >= 0xc0 && code <= 0x24f) {
    flags |= LATIN;
    if (code <= 0xde && code !== 0xd7) code += 0x20;
  } else if (code === 0x2028 || code === 0x2029 || code === 0x85) {
    code = 0x0a;
  } else if (code >= 0xd800 && code <= 0xdfff) {
    // A lone surrogate carries no text (a valid pair is handled before the table is consulted).
    code = 0x20;
  }
  return code | (flags << 16);
}

function emojiFlags(point: number): number {
  return ANGRY_EMOJI.has(point) ? ANGRY : HAPPY_EMOJI.has(point) ? HAPPY : 0;
}

/** What the folded units are read back through on Node (see `bytesOver`). */
interface Utf16Bytes {
  toString(encoding: 'utf16le', start: number, end: number): string;
}
type BufferMaker = { from(buffer: ArrayBuffer, byteOffset: number, length: number): Utf16Bytes };
const nodeBuffer = (globalThis as { Buffer?: BufferMaker }).Buffer;
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * On Node (the command line) a Buffer over the same memory turns the folded units into a string about
 * five times faster than String.fromCharCode.apply; browsers have no Buffer and keep the portable path.
 */
function bytesOver(units: Uint16Array): Utf16Bytes | undefined {
  return nodeBuffer !== undefined && littleEndian ? nodeBuffer.from(units.buffer as ArrayBuffer, units.byteOffset, units.byteLength) : undefined;
}

/** Reused output buffer (normalize never re-enters itself). */
let scratch = new Uint16Array(256);
let scratchBytes = bytesOver(scratch);
const decoder = new TextDecoder('utf-16le');
/** Longest text turned into a string by String.fromCharCode: its arguments go on the stack. */
const FROM_CHAR_CODES = 2048;

/**
 * The single pass behind normalize() and the offset map: folds `original` into `scratch` and returns
 * the folded length; with `offsets`, also records the original range of every folded character.
 */
function fold(original: string, counts: Normalized, offsets: Int32Array | undefined): number {
  const table = foldTable();
  const length = original.length;
  if (scratch.length < length) {
    scratch = new Uint16Array(Math.max(length, scratch.length * 2));
    scratchBytes = bytesOver(scratch);
  }
  const units = scratch;
  let n = 0;
  let traditional = 0;
  let simplified = 0;
  let han = 0;
  let latin = 0;
  let angryEmoji = 0;
  let happyEmoji = 0;
  let previous = -1;
  let oneToOne = true;
  let changed = false;

  for (let i = 0; i < length; ) {
    const unit = original.charCodeAt(i);
    const from = i;
    i++;
    let code: number;
    if (unit >= 0xd800 && unit <= 0xdbff && i < length && original.charCodeAt(i) >= 0xdc00 && original.charCodeAt(i) <= 0xdfff) {
      const low = original.charCodeAt(i);
      const point = ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
      i++;
      oneToOne = false;
      if (isEmojiOrSymbol(point)) {
        const flags = emojiFlags(point);
        if (flags === ANGRY) angryEmoji++;
        else if (flags === HAPPY) happyEmoji++;
        code = 0x20;
      } else if (isInvisible(point)) {
        continue;
      } else {
        // Other astral characters (CJK extension B …) stay as their two units, both mapped to the pair.
        if (point >= 0x20000 && point <= 0x3134f) han++;
        units[n] = unit;
        units[n + 1] = low;
        if (offsets !== undefined) {
          offsets[2 * n] = from;
          offsets[2 * n + 1] = i;
          offsets[2 * n + 2] = from;
          offsets[2 * n + 3] = i;
        }
        n += 2;
        previous = -1;
        continue;
      }
    } else if (unit >= HAN_FROM && unit <= HAN_TO) {
      han++;
      const word = (unit - HAN_FROM) >>> 5;
      const bit = 1 << (unit & 31);
      if ((traditionalBits[word] & bit) !== 0) {
        traditional++;
        code = foldedOf(table, unit) & 0xffff;
        if (code !== unit) changed = true;
      } else {
        // Counted without a branch: Simplified-only and shared characters alternate at random.
        simplified += (simplifiedBits[word] >>> (unit & 31)) & 1;
        code = unit;
      }
    } else {
      const folded = foldedOf(table, unit);
      const flags = folded >>> 16;
      if (flags !== 0) {
        if (flags === DROP) {
          oneToOne = false;
          continue;
        }
        if ((flags & HAN) !== 0) {
          han++;
          if ((flags & TRADITIONAL) !== 0) traditional++;
          else if ((flags & SIMPLIFIED) !== 0) simplified++;
        } else if (flags === LATIN) latin++;
        else if (flags === ANGRY) angryEmoji++;
        else if (flags === HAPPY) happyEmoji++;
      }
      code = folded & 0xffff;
      if (code !== unit) changed = true;
    }

    if (code === previous && isRepeatableMark(code)) {
      oneToOne = false;
      if (offsets !== undefined) offsets[2 * n - 1] = i;
      continue;
    }
    units[n] = code;
    if (offsets !== undefined) {
      offsets[2 * n] = from;
      offsets[2 * n + 1] = i;
    }
    n++;
    previous = code;
  }
  if (offsets !== undefined) {
    offsets[2 * n] = length;
    offsets[2 * n + 1] = length;
  }
  counts.han = han;
  counts.traditional = traditional;
  counts.simplified = simplified;
  counts.latin = latin;
  counts.angryEmoji = angryEmoji;
  counts.happyEmoji = happyEmoji;
  counts.oneToOne = oneToOne;
  // The offset pass (originalSpan) only wants the offsets: its text is the one normalize() already made.
  if (offsets === undefined && (!oneToOne || changed)) counts.text = textOf(units, n);
  return n;
}

function textOf(units: Uint16Array, n: number): string {
  if (scratchBytes !== undefined) return scratchBytes.toString('utf16le', 0, 2 * n);
  return n <= FROM_CHAR_CODES ? String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]) : decoder.decode(units.subarray(0, n));
}

/**
 * Traditional → Simplified, full-width → half-width, lower case, runs of the same mark collapsed to one,
 * emoji turned into a single space (they often separate clauses), invisible controls dropped.
 */
export function normalize(original: string): Normalized {
  const normalized: Normalized = { text: original, original, oneToOne: true, traditional: 0, simplified: 0, han: 0, latin: 0, angryEmoji: 0, happyEmoji: 0 };
  fold(original, normalized, undefined);
  return normalized;
}

/**
 * Original range of each character of one text (start at 2i, end at 2i+1), built on first use by
 * originalSpan and reused from review to review: a fresh typed array per review was a measurable part of the
 * command line's cost. `offsetsOf` is the Normalized the map belongs to.
 */
let offsetMap = new Int32Array(512);
let offsetsOf: Normalized | undefined;
const offsetCounts: Normalized = { text: '', original: '', oneToOne: true, traditional: 0, simplified: 0, han: 0, latin: 0, angryEmoji: 0, happyEmoji: 0 };

/** Maps a half-open range of the normalized text back to the original text. */
export function originalSpan(normalized: Normalized, from: number, to: number): [number, number] {
  const last = Math.max(from, to - 1);
  if (normalized.oneToOne) {
    const length = normalized.text.length;
    return [from, last < length ? last + 1 : length];
  }
  if (offsetsOf !== normalized) {
    const size = 2 * normalized.text.length + 2;
    if (offsetMap.length < size) offsetMap = new Int32Array(Math.max(size, offsetMap.length * 2));
    // Cleared first: should folding the original again ever fail, the map must not claim a text it does not hold.
    offsetsOf = undefined;
    fold(normalized.original, offsetCounts, offsetMap);
    offsetsOf = normalized;
  }
  return [offsetMap[2 * from], offsetMap[2 * last + 1]];
}
