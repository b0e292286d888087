import { CAUSE_IDS, type CauseId } from './types';
import type { LexiconSpec } from './lexicon/types';

/** What a lexicon entry does when it occurs (plain numbers: compared millions of times per second). */
export const Role = {
  Cue: 0,
  Aspect: 1,
  Negative: 2,
  Positive: 3,
  Contrast: 4,
  Concession: 5,
  Personal: 6,
  Other: 7,
  Extortion: 8,
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export interface Entry {
  text: string;
  role: Role;
  cause: CauseId | undefined;
  weight: number;
  /** Latin entries match only at a word start. */
  latin: boolean;
  /** ...and, with this flag, only up to a word end. */
  wordEnd: boolean;
  /** For a gapped cue "X*Y": Y, which must follow X within GAP characters of the same clause. */
  tail: string | undefined;
}

/** How many characters a gapped cue ("没有*配件") may skip between its two parts. */
const GAP = 6;

export interface Match {
  start: number;
  end: number;
  entry: Entry;
}

/**
 * A lexicon compiled for scanning: a trie over UTF-16 units. From each text position the scan walks
 * the trie as far as the text allows, so every entry starting there is found in one pass over at most
 * the longest entry's length, without building substrings.
 */
export interface CompiledLexicon {
  /** Trie node reached by each first unit (0: no entry starts with it; node 0 is the root). */
  rootChild: Uint16Array;
  /** Deeper edges, hashed: slot s holds key (node << 16 | unit) at 2s and the child node at 2s + 1. */
  edges: Int32Array;
  edgeMask: number;
  /**
   * Per node, bit (unit & 31) set for each child's unit: 0 at a leaf, and a clear bit proves the text
   * leaves the trie without probing `edges` (12 KB that stay in the core's own cache).
   */
  childBits: Int32Array;
  /** Entries ending at node k: nodeEntries[entryStart[k] .. entryStart[k + 1]), in lexicon order. */
  entryStart: Int32Array;
  nodeEntries: Entry[];
  /** Per entry in nodeEntries: the length of its match when nothing but its text decides it, else -1. */
  plainLength: Int32Array;
  /** Length of the longest entry head: bounds the walk's path buffer. */
  maxDepth: number;
  /** 1 where some negator or filler ends with this unit: most negation checks stop at once. */
  endsAffix: Uint8Array;
  /**
   * Negators and fillers spelled backwards, as a trie hashed like `edges` (key: node << 16 | unit), so
   * the words before a match are read right to left without building substrings.
   */
  affixEdges: Int32Array;
  affixMask: number;
  /** Per node of that trie: NEGATOR and/or FILLER where such a word is complete. */
  affixKinds: Uint8Array;
  /** Words naming the shop's own staff (see LexiconSpec.staff). */
  staff: Set<string>;
  maxAffix: number;
  latin: boolean;
}

/** Trie under construction: every edge in one map keyed (node << 16 | unit), and the entries ending at each node. */
interface TrieBuilder {
  edges: Map<number, number>;
  entries: Entry[][];
}

function insert(trie: TrieBuilder, entry: Entry): void {
  let node = 0;
  for (let i = 0; i < entry.text.length; i++) {
    const key = node * 0x10000 + entry.text.charCodeAt(i);
    let child = trie.edges.get(key);
    if (child === undefined) {
      child = trie.entries.length;
      trie.entries.push([]);
      trie.edges.set(key, child);
    }
    node = child;
  }
  trie.entries[node].push(entry);
}

/** Slot of trie edge `key` in the hashed edge table (Fibonacci hashing, linear probing). */
export function edgeSlot(edges: Int32Array, mask: number, key: number): number {
  let index = (Math.imul(key, 0x9e3779b1) >>> 16) & mask;
  while (edges[2 * index] !== 0 && edges[2 * index] !== key) index = (index + 1) & mask;
  return index;
}

/** Flattens the trie into typed arrays: no Map lookups and no pointer chasing while scanning. */
function flatten(trie: TrieBuilder): Pick<CompiledLexicon, 'rootChild' | 'edges' | 'edgeMask' | 'childBits' | 'entryStart' | 'nodeEntries' | 'plainLength'> {
  const count = trie.entries.length;
  // Node ids share a 32-bit edge key with a UTF-16 unit.
  if (count >= 0x10000) throw new Error(`lexicon trie has ${count} nodes; at most 65535 fit the edge keys`);
  const rootChild = new Uint16Array(0x10000);
  let size = 1024;
  // Load ≤ 1/2: most probes are misses (the text leaves the trie), and a miss runs to an empty slot.
  while (size < trie.edges.size * 2) size *= 2;
  const edges = new Int32Array(size * 2);
  const childBits = new Int32Array(count);
  for (const [key, child] of trie.edges) {
    const node = Math.floor(key / 0x10000);
    const code = key % 0x10000;
    if (node === 0) {
      rootChild[code] = child;
      continue;
    }
    childBits[node] |= 1 << (code & 31);
    const index = edgeSlot(edges, size - 1, key | 0);
    edges[2 * index] = key | 0;
    edges[2 * index + 1] = child;
  }
  const entryStart = new Int32Array(count + 1);
  const nodeEntries: Entry[] = [];
  for (let node = 0; node < count; node++) {
    entryStart[node] = nodeEntries.length;
    for (const entry of trie.entries[node]) nodeEntries.push(entry);
  }
  entryStart[count] = nodeEntries.length;
  const plainLength = new Int32Array(nodeEntries.length);
  for (let e = 0; e < nodeEntries.length; e++) {
    const entry = nodeEntries[e];
    plainLength[e] = entry.tail === undefined && !(entry.latin && entry.wordEnd) ? entry.text.length : -1;
  }
  return { rootChild, edges, edgeMask: size - 1, childBits, entryStart, nodeEntries, plainLength };
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0xdf && code <= 0x24f) || code === 0x27;
}

function splitList(list: string): string[] {
  return list.split('|').filter((item) => item.length > 0);
}

function parseItem(raw: string): { text: string; weight: number; wordEnd: boolean } {
  let text = raw;
  let weight = 1;
  const colon = text.lastIndexOf(':');
  if (colon > 0 && /^[0-9.]+$/.test(text.slice(colon + 1))) {
    weight = Number(text.slice(colon + 1));
    text = text.slice(0, colon);
  }
  const wordEnd = text.endsWith('_');
  if (wordEnd) text = text.slice(0, -1);
  return { text, weight, wordEnd };
}

export function compileLexicon(spec: LexiconSpec, latin: boolean): CompiledLexicon {
  const trie: TrieBuilder = { edges: new Map(), entries: [[]] };
  let maxDepth = 1;
  const add = (raw: string, role: Role, cause: CauseId | undefined): void => {
    const parsed = parseItem(raw);
    const star = parsed.text.indexOf('*');
    const text = star > 0 ? parsed.text.slice(0, star) : parsed.text;
    const tail = star > 0 ? parsed.text.slice(star + 1) : undefined;
    insert(trie, { text, role, cause, weight: parsed.weight, latin, wordEnd: parsed.wordEnd, tail });
    maxDepth = Math.max(maxDepth, text.length);
  };
  for (const cause of CAUSE_IDS) {
    const cues = spec.cues[cause as keyof LexiconSpec['cues']];
    if (cues) for (const item of splitList(cues)) add(item, Role.Cue, cause);
    const aspects = spec.aspects[cause as keyof LexiconSpec['aspects']];
    if (aspects) for (const item of splitList(aspects)) add(item, Role.Aspect, cause);
  }
  for (const item of splitList(spec.negative)) add(item, Role.Negative, undefined);
  for (const item of splitList(spec.positive)) add(item, Role.Positive, undefined);
  for (const item of splitList(spec.contrast)) add(item, Role.Contrast, undefined);
  for (const item of splitList(spec.concession)) add(item, Role.Concession, undefined);
  for (const item of splitList(spec.personal)) add(item, Role.Personal, 'personal');
  for (const item of splitList(spec.other)) add(item, Role.Other, 'other');
  for (const item of splitList(spec.extortion)) add(item, Role.Extortion, undefined);
  const strip = (item: string): string => parseItem(item).text;
  const negators = splitList(spec.negators).map(strip);
  const fillers = splitList(spec.fillers).map(strip);
  const questions = splitList(spec.questions ?? '').map(strip);
  let maxAffix = 1;
  const endsAffix = new Uint8Array(0x10000);
  for (const item of [...negators, ...fillers, ...questions]) {
    maxAffix = Math.max(maxAffix, item.length);
    endsAffix[item.charCodeAt(item.length - 1)] = 1;
  }
  // isNegated packs three affix lengths into one number, a byte each.
  if (maxAffix > 0xff) throw new Error(`negators, fillers and questions must be shorter than 256 units (longest: ${maxAffix})`);
  const staff = new Set(splitList(spec.staff).map(strip));
  return { ...flatten(trie), ...reversedAffixes(negators, fillers, questions), maxDepth, staff, endsAffix, maxAffix, latin };
}

const NEGATOR = 1;
const FILLER = 2;
const QUESTION = 4;

function reversedAffixes(negators: string[], fillers: string[], questions: string[]): Pick<CompiledLexicon, 'affixEdges' | 'affixMask' | 'affixKinds'> {
  const children: Array<Map<number, number>> = [new Map()];
  const kinds: number[] = [0];
  const add = (item: string, kind: number): void => {
    let node = 0;
    for (let i = item.length - 1; i >= 0; i--) {
      const code = item.charCodeAt(i);
      let child = children[node].get(code);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        kinds.push(0);
        children[node].set(code, child);
      }
      node = child;
    }
    kinds[node] |= kind;
  };
  for (const item of negators) add(item, NEGATOR);
  for (const item of fillers) add(item, FILLER);
  for (const item of questions) add(item, QUESTION);
  if (children.length >= 0x8000) throw new Error('too many negators and fillers for the affix trie');
  let size = 64;
  while (size < children.length * 2) size *= 2;
  const affixEdges = new Int32Array(size * 2);
  children.forEach((map, node) => {
    for (const [code, child] of map) {
      const key = (node << 16) | code;
      const index = edgeSlot(affixEdges, size - 1, key);
      affixEdges[2 * index] = key;
      affixEdges[2 * index + 1] = child;
    }
  });
  return { affixEdges, affixMask: size - 1, affixKinds: Uint8Array.from(kinds) };
}

function breaksClause(code: number): boolean {
  return code === 0x2c || code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3b || code === 0x0a || code === 0x7e;
}

/** End of the occurrence at `at` of an entry whose head the trie has already matched there, or -1. */
export function matchEnd(text: string, at: number, entry: Entry): number {
  let end = at + entry.text.length;
  const tail = entry.tail;
  if (tail !== undefined) {
    const tailLength = tail.length;
    const limit = Math.min(text.length, end + GAP + tailLength);
    // Most gapped cues do not complete: comparing the tail's first unit spares a startsWith call per position.
    const first = tail.charCodeAt(0);
    let found = -1;
    for (let j = end; j + tailLength <= limit; j++) {
      const code = text.charCodeAt(j);
      if (breaksClause(code)) break;
      if ((code === first || tailLength === 0) && (tailLength <= 1 || text.startsWith(tail, j))) {
        found = j;
        break;
      }
    }
    if (found < 0) return -1;
    end = found + tailLength;
  }
  if (entry.latin && entry.wordEnd && end < text.length && isLetter(text.charCodeAt(end))) return -1;
  return end;
}

let path = new Int32Array(64);

/**
 * Every lexicon entry occurring in `text` (overlaps included), in order of start; at one start the
 * longer entries come first, entries of the same text in lexicon order.
 */
export function scan(text: string, lexicon: CompiledLexicon): Match[] {
  const matches: Match[] = [];
  const length = text.length;
  const { rootChild, edges, edgeMask, childBits, entryStart, nodeEntries, plainLength, latin } = lexicon;
  if (path.length < lexicon.maxDepth) path = new Int32Array(lexicon.maxDepth);
  const nodes = path;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let node = rootChild[code];
    if (node === 0) continue;
    if (latin) {
      if (!isLetter(code) && !(code >= 0x30 && code <= 0x39)) continue;
      if (i > 0 && isLetter(text.charCodeAt(i - 1))) continue;
    }
    let depth = 0;
    nodes[depth++] = node;
    for (let j = i + 1; j < length; j++) {
      const next = text.charCodeAt(j);
      if ((childBits[node] & (1 << (next & 31))) === 0) break;
      const key = (node << 16) | next;
      const index = 2 * edgeSlot(edges, edgeMask, key);
      if (edges[index] === 0) break;
      node = edges[index + 1];
      nodes[depth++] = node;
    }
    while (depth > 0) {
      const reached = nodes[--depth];
      for (let e = entryStart[reached], last = entryStart[reached + 1]; e < last; e++) {
        const plain = plainLength[e];
        const end = plain > 0 ? i + plain : matchEnd(text, i, nodeEntries[e]);
        if (end >= 0) matches.push({ start: i, end, entry: nodeEntries[e] });
      }
    }
  }
  return matches;
}

/**
 * Whether the words right before `at` (inside the clause starting at `floor`) negate what follows:
 * a negator, optionally followed by up to three fillers (不算差, 没有什么色差, not too bad, nicht so schlecht),
 * unless the negator is part of a yes-no question (是不是太慢).
 */
export function isNegated(text: string, at: number, floor: number, lexicon: CompiledLexicon): boolean {
  let position = at;
  for (let step = 0; step < 4; step++) {
    if (lexicon.latin) while (position > floor && text.charCodeAt(position - 1) === 0x20) position--;
    if (position <= floor) return false;
    if (lexicon.endsAffix[text.charCodeAt(position - 1)] === 0) return false;
    const lengths = affixesEndingAt(text, position, floor, lexicon);
    const negator = lengths & 0xff;
    // 是不是太慢 asks whether it is too slow: the 不是 inside the question negates nothing.
    if (negator) return lengths >>> 16 <= negator;
    const filler = (lengths >>> 8) & 0xff;
    if (!filler) return false;
    position -= filler;
  }
  return false;
}

/**
 * Lengths of the longest negator (bits 0–7), filler (8–15) and question frame (16–23) ending at `position`,
 * 0 where none does: one walk back through the affix trie answers all three.
 */
function affixesEndingAt(text: string, position: number, floor: number, lexicon: CompiledLexicon): number {
  const { affixEdges, affixMask, affixKinds, latin } = lexicon;
  const limit = Math.min(lexicon.maxAffix, position - floor);
  let node = 0;
  let negator = 0;
  let filler = 0;
  let question = 0;
  for (let length = 1; length <= limit; length++) {
    const from = position - length;
    const key = (node << 16) | text.charCodeAt(from);
    const index = 2 * edgeSlot(affixEdges, affixMask, key);
    if (affixEdges[index] === 0) break;
    node = affixEdges[index + 1];
    const kinds = affixKinds[node];
    if (kinds === 0) continue;
    if (latin && from > floor && isLetter(text.charCodeAt(from - 1))) continue;
    if ((kinds & NEGATOR) !== 0) negator = length;
    if ((kinds & FILLER) !== 0) filler = length;
    if ((kinds & QUESTION) !== 0) question = length;
  }
  return negator | (filler << 8) | (question << 16);
}
