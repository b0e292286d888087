import { BOUNDARY, type Clauses } from './clauses';
import { NEGATIVITY_BIAS } from './data/negativity';
import { edgeSlot, matchEnd, Role, type CompiledLexicon, type Match } from './matcher';
import { BIGRAM_SLOT_BITS, BIGRAM_WEIGHT_SHIFT, bigramBit, bigramSlot, negativityModel } from './negativity';

const { Contrast: CONTRAST, Concession: CONCESSION } = Role;
// Local copies: under some module loaders (tsx, the command line) every access to an imported binding
// goes through a getter, which in this loop costs more than the work itself.
const BIAS = NEGATIVITY_BIAS;
const BOUNDARIES = BOUNDARY;
const findEdge = edgeSlot;
const endOfMatch = matchEnd;
const findBigram = bigramSlot;
const WEIGHT_SHIFT = BIGRAM_WEIGHT_SHIFT;
const characterModel = negativityModel;
const filterBit = bigramBit;
/** In Chinese the space separates clauses too (see BOUNDARY). */
const CHINESE_BOUNDARY = 3;

/**
 * What one walk over a Chinese text finds: scan(), splitClauses() and modelLogits() together. Its arrays
 * and matches belong to the walk and are overwritten by the next one: read them before walking again.
 */
export interface ChinesePass {
  /** The walk's matches are the first `matchCount`: the arrays are reused and never shortened. */
  matches: Match[];
  matchCount: number;
  /** Likewise, the first `clauseCount` entries of each array are this walk's clauses. */
  clauses: Clauses;
  clauseCount: number;
  modelWhole: number;
  modelWorstClause: number;
}

let path = new Int32Array(64);

/**
 * The model's running sums: the whole text, the clause being walked and the worst clause so far. Kept in
 * local variables, optimized code boxed them: a heap number per character, most of the walk's garbage.
 */
const sums = new Float64Array(3);
const WHOLE = 0;
const CLAUSE = 1;
const WORST = 2;

/**
 * The last walk's result, refilled by the next: gatherFindings reads a walk at once and keeps none of it,
 * and fresh arrays and match records were most of what analysing a review allocated, garbage that in the
 * content script the page's own tasks end up collecting.
 */
const reused: ChinesePass = { matches: [], matchCount: 0, clauses: { starts: [], ofMatch: [], contrasted: [], conceded: [] }, clauseCount: 0, modelWhole: 0, modelWorstClause: 0 };

/**
 * Per bigram slot, the stamp of the last review that counted that bigram towards the whole text (32 KB
 * that stay in the core's own caches, where a stamp inside the 128 KB table would make every hit a write
 * to it). Stamps run 1..255; on wrap-around all are cleared, so an old one cannot match.
 */
const bigramStamps = new Uint8Array(1 << BIGRAM_SLOT_BITS);
let bigramStamp = 0;

function nextBigramStamp(): number {
  if (bigramStamp === 255) {
    bigramStamps.fill(0);
    bigramStamp = 0;
  }
  return ++bigramStamp;
}

/**
 * What the walk needs of each UTF-16 unit, in one 32-bit word so that a character costs one table read
 * instead of three (trie root, unigram weight, unigram stamp): the trie node its first unit reaches (low
 * `nodeBits`), 1 + the index of its unigram weight (next 8 bits, 0: no weight), and the stamp of the last
 * review that counted that weight (the bits above).
 */
interface UnitTable {
  lexicon: CompiledLexicon;
  units: Int32Array;
  nodeMask: number;
  nodeBits: number;
  stampShift: number;
  stampLimit: number;
  stamp: number;
  /** Per entry of lexicon.nodeEntries: CONTRAST_MARK or CONCESSION_MARK for a clause marker, else 0. */
  markers: Uint8Array;
}

const CONTRAST_MARK = 1;
const CONCESSION_MARK = 2;

let unitTable: UnitTable | undefined;

function unitTableFor(lexicon: CompiledLexicon, unigram: Uint8Array): UnitTable {
  if (unitTable !== undefined && unitTable.lexicon === lexicon) return unitTable;
  const nodeCount = lexicon.childBits.length;
  let nodeBits = 1;
  while (1 << nodeBits < nodeCount) nodeBits++;
  // flatten() keeps node ids below 2^16: at least 8 bits are left for the stamp, a wipe every 255 reviews or fewer.
  const stampShift = nodeBits + 8;
  const units = new Int32Array(0x10000);
  for (let code = 0; code < 0x10000; code++) units[code] = lexicon.rootChild[code] | (unigram[code] << nodeBits);
  // The space is no unigram (see featureKeys): weight 0 adds nothing, so it needs no test in the walk.
  units[0x20] = lexicon.rootChild[0x20];
  const markers = new Uint8Array(lexicon.nodeEntries.length);
  lexicon.nodeEntries.forEach((entry, e) => {
    markers[e] = entry.role === CONTRAST ? CONTRAST_MARK : entry.role === CONCESSION ? CONCESSION_MARK : 0;
  });
  unitTable = { lexicon, units, nodeMask: (1 << nodeBits) - 1, nodeBits, stampShift, stampLimit: 2 ** (32 - stampShift) - 1, stamp: 0, markers };
  return unitTable;
}

/** The stamp for the next review; on wrap-around every unit's stamp is cleared, so an old one cannot match. */
function nextStamp(table: UnitTable): number {
  if (table.stamp === table.stampLimit) {
    const keep = (1 << table.stampShift) - 1;
    const units = table.units;
    for (let code = 0; code < units.length; code++) units[code] &= keep;
    table.stamp = 0;
  }
  return ++table.stamp;
}

/**
 * A clause starting at `at`, unless one already does (a marker right after a run of sentence marks);
 * returns the new clause count. Written in place: a shorter array would give back memory the next long
 * review allocates again.
 */
function openClause(clauses: Clauses, count: number, at: number): number {
  if (clauses.starts[count - 1] === at) return count;
  clauses.starts[count] = at;
  clauses.contrasted[count] = 0;
  clauses.conceded[count] = 0;
  return count + 1;
}

/**
 * Lexicon matches, clauses and the character model's log-odds of a normalized Chinese text in one pass
 * over its characters, with the same results as scan(), splitClauses(text, matches, false) and
 * modelLogits(text, clauses.starts). Everything each of them decides at a position is known once the
 * matches starting there are found: a clause opens at a contrast marker or after a run of sentence
 * marks, and the model only needs to know whether one opened before it weighs the character.
 */
export function chinesePass(text: string, lexicon: CompiledLexicon): ChinesePass {
  const matches = reused.matches;
  const clauses = reused.clauses;
  const { starts, ofMatch, contrasted, conceded } = clauses;
  starts[0] = 0;
  contrasted[0] = 0;
  conceded[0] = 0;
  let clauseCount = 1;
  let matchCount = 0;
  const { edges, edgeMask, childBits, entryStart, nodeEntries, plainLength } = lexicon;
  if (path.length < lexicon.maxDepth) path = new Int32Array(lexicon.maxDepth);
  const nodes = path;
  const model = characterModel();
  const { bigrams, weights, bigramFilter } = model;
  const seen = bigramStamps;
  const seenStamp = nextBigramStamp();
  const table = unitTableFor(lexicon, model.unigram);
  const { units, nodeMask, nodeBits, stampShift, markers } = table;
  const stamp = nextStamp(table);
  const stamped = stamp << stampShift;
  const unstamped = (1 << stampShift) - 1;
  const sum = sums;
  sum[WHOLE] = BIAS;
  sum[CLAUSE] = 0;
  sum[WORST] = -Infinity;
  let weighedClauses = 1;
  let pendingBoundary = false;
  let previous = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const unit = units[code];
    let node = unit & nodeMask;
    const firstMatch = matchCount;
    if (node !== 0) {
      let marker = 0;
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
          if (end < 0) continue;
          const record = matches[matchCount];
          if (record === undefined) matches.push({ start: i, end, entry: nodeEntries[e] });
          else {
            record.start = i;
            record.end = end;
            record.entry = nodeEntries[e];
          }
          matchCount++;
          // Of several markers starting here, the first (longest) decides what the clause is.
          if (marker === 0) marker = markers[e];
        }
      }
      if (marker !== 0) {
        clauseCount = openClause(clauses, clauseCount, i);
        (marker === CONTRAST_MARK ? contrasted : conceded)[clauseCount - 1] = 1;
      }
    }
    if (code < 0x80 && (BOUNDARIES[code] & CHINESE_BOUNDARY) !== 0) pendingBoundary = true;
    else if (pendingBoundary) {
      pendingBoundary = false;
      clauseCount = openClause(clauses, clauseCount, i);
    }
    // The matches found here belong to the clause open once this position's marker and boundary are known.
    for (let m = firstMatch; m < matchCount; m++) ofMatch[m] = clauseCount - 1;

    if (clauseCount !== weighedClauses) {
      weighedClauses = clauseCount;
      sum[WORST] = Math.max(sum[WORST], sum[CLAUSE]);
      sum[CLAUSE] = 0;
    }
    // Whether a weight counts towards the whole text is worked out without a branch: first sightings and
    // repeats alternate at random, and adding w * 0 leaves a sum exactly as it was (weight 0 for no unigram).
    const w = weights[(unit >>> nodeBits) & 0xff];
    sum[CLAUSE] += w;
    sum[WHOLE] += w * (-((unit >>> stampShift) ^ stamp) >>> 31);
    units[code] = (unit & unstamped) | stamped;
    if (previous >= 0 && !(previous === 0x20 && code === 0x20)) {
      const key = (previous * 65536 + code) | 0;
      const bit = filterBit(key);
      if ((bigramFilter[bit >>> 5] & (1 << (bit & 31))) !== 0) {
        const index = findBigram(bigrams, key);
        if (index >= 0) {
          const w = weights[bigrams[index] >>> WEIGHT_SHIFT];
          sum[CLAUSE] += w;
          // 1 when this review has not counted the bigram yet: (stamp ^ seenStamp) is 0 only for a repeat.
          sum[WHOLE] += w * (((seen[index] ^ seenStamp) + 255) >>> 8);
          seen[index] = seenStamp;
        }
      }
    }
    previous = code;
  }
  reused.matchCount = matchCount;
  reused.clauseCount = clauseCount;
  reused.modelWhole = sum[WHOLE];
  reused.modelWorstClause = BIAS + Math.max(sum[WORST], sum[CLAUSE]);
  return reused;
}
