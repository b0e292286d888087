import { BOUNDARY, type Clauses } from './clauses';
import { NEGATIVITY_BIAS } from './data/negativity';
import { edgeSlot, matchEnd, Role, type CompiledLexicon, type Match } from './matcher';
import { beginReview, bigramBit, slot } from './negativity';

const { Contrast: CONTRAST, Concession: CONCESSION } = Role;
// Local copies: under some module loaders (tsx, the command line) every access to an imported binding
// goes through a getter, which in this loop costs more than the work itself.
const BIAS = NEGATIVITY_BIAS;
const BOUNDARIES = BOUNDARY;
const findEdge = edgeSlot;
const endOfMatch = matchEnd;
const findWeight = slot;
const startModel = beginReview;
const filterBit = bigramBit;
/** In Chinese the space separates clauses too (see BOUNDARY). */
const CHINESE_BOUNDARY = 3;

/** What one walk over a Chinese text finds: scan(), splitClauses() and modelLogits() together. */
export interface ChinesePass {
  matches: Match[];
  clauses: Clauses;
  modelWhole: number;
  modelWorstClause: number;
}

let path = new Int32Array(64);

/**
 * Lexicon matches, clauses and the character model's log-odds of a normalized Chinese text in one pass
 * over its characters, with the same results as scan(), splitClauses(text, matches, false) and
 * modelLogits(text, clauses.starts). Everything each of them decides at a position is known once the
 * matches starting there are found: a clause opens at a contrast marker or after a run of sentence
 * marks, and the model only needs to know whether one opened before it weighs the character.
 */
export function chinesePass(text: string, lexicon: CompiledLexicon): ChinesePass {
  const matches: Match[] = [];
  const starts: number[] = [0];
  const contrasted: number[] = [0];
  const conceded: number[] = [0];
  const ofMatch: number[] = [];
  const { rootChild, edges, edgeMask, childBits, entryStart, nodeEntries, plainLength } = lexicon;
  if (path.length < lexicon.maxDepth) path = new Int32Array(lexicon.maxDepth);
  const nodes = path;
  const model = startModel();
  const { slots, mask, unigram, unigramSeen, weights, bigramFilter, stamp, stampBits } = model;
  let whole = BIAS;
  let clauseSum = 0;
  let worstClause = -Infinity;
  let clauseCount = 1;
  let pendingBoundary = false;
  let previous = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const firstMatch = matches.length;
    let node = rootChild[code];
    if (node !== 0) {
      let depth = 0;
      nodes[depth++] = node;
      for (let j = i + 1; j < length; j++) {
        const next = text.charCodeAt(j);
        if ((childBits[node] & (1 << (next & 31))) === 0) break;
        const index = 2 * findEdge(edges, edgeMask, (node << 16) | next);
        if (edges[index] === 0) break;
        node = edges[index + 1];
        nodes[depth++] = node;
      }
      while (depth > 0) {
        const reached = nodes[--depth];
        for (let e = entryStart[reached], last = entryStart[reached + 1]; e < last; e++) {
          const plain = plainLength[e];
          const end = plain > 0 ? i + plain : endOfMatch(text, i, nodeEntries[e]);
          if (end >= 0) matches.push({ start: i, end, entry: nodeEntries[e] });
        }
      }
      // Of several markers starting here, the first (longest) decides what the clause is.
      for (let m = firstMatch; m < matches.length; m++) {
        const role = matches[m].entry.role;
        if (role !== CONTRAST && role !== CONCESSION) continue;
        if (starts[starts.length - 1] !== i) {
          starts.push(i);
          contrasted.push(0);
          conceded.push(0);
        }
        (role === CONTRAST ? contrasted : conceded)[starts.length - 1] = 1;
        break;
      }
    }
    if (code < 0x80 && (BOUNDARIES[code] & CHINESE_BOUNDARY) !== 0) pendingBoundary = true;
    else if (pendingBoundary) {
      pendingBoundary = false;
      if (starts[starts.length - 1] !== i) {
        starts.push(i);
        contrasted.push(0);
        conceded.push(0);
      }
    }
    for (let m = firstMatch; m < matches.length; m++) ofMatch.push(starts.length - 1);

    if (starts.length !== clauseCount) {
      clauseCount = starts.length;
      worstClause = Math.max(worstClause, clauseSum);
      clauseSum = 0;
    }
    if (code !== 0x20) {
      const w = weights[unigram[code]];
      clauseSum += w;
      if (unigramSeen[code] !== stamp) {
        unigramSeen[code] = stamp;
        whole += w;
      }
    }
    if (previous >= 0 && !(previous === 0x20 && code === 0x20)) {
      const key = (previous * 65536 + code) | 0;
      const bit = filterBit(key);
      const index = (bigramFilter[bit >>> 5] & (1 << (bit & 31))) === 0 ? -1 : 2 * findWeight(slots, mask, key);
      if (index >= 0 && slots[index] !== 0) {
        const meta = slots[index + 1];
        const w = weights[meta & 0xff];
        clauseSum += w;
        if ((meta & ~0xff) !== stampBits) {
          slots[index + 1] = (meta & 0xff) | stampBits;
          whole += w;
        }
      }
    }
    previous = code;
  }
  worstClause = Math.max(worstClause, clauseSum);
  return { matches, clauses: { starts, ofMatch, contrasted, conceded }, modelWhole: whole, modelWorstClause: BIAS + worstClause };
}
