import { splitClauses, type Clauses } from './clauses';
import { detectLangFrom } from './lang';
import { DE } from './lexicon/de';
import { EN } from './lexicon/en';
import { ZH } from './lexicon/zh';
import { compileLexicon, isNegated, Role, scan, type CompiledLexicon, type Match } from './matcher';
import { normalize, type Normalized } from './normalize';
import { CAUSE_IDS, type CauseId, type Lang } from './types';

const compiled: Partial<Record<'zh' | 'en' | 'de', CompiledLexicon>> = {};

// Compiled on first use per language: module load stays free for pages that never analyse German.
function lexiconFor(lang: Lang): CompiledLexicon {
  const key = lang === 'en' ? 'en' : lang === 'de' ? 'de' : 'zh';
  let lexicon = compiled[key];
  if (!lexicon) {
    lexicon = compileLexicon(key === 'en' ? EN : key === 'de' ? DE : ZH, key !== 'zh');
    compiled[key] = lexicon;
  }
  return lexicon;
}

// Local copies: under some module loaders every access to an imported binding goes through a getter.
const { Cue: CUE, Aspect: ASPECT, Negative: NEGATIVE, Positive: POSITIVE, Contrast: CONTRAST, Concession: CONCESSION, Personal: PERSONAL, Other: OTHER, Extortion: EXTORTION } = Role;

/** Words that take a threat back (不会投诉, won't sue) rather than set a condition (不赔偿就投诉). */
const DENIAL = /(不会|不想|不打算|没有|没|并不|不用|won't|will not|not going to|nicht|kein)\s*\S{0,4}$/;

/** How far (normalized characters) an opinion may sit from the aspect it judges. */
const OPINION_AFTER = 12;
const OPINION_BEFORE = 4;

/** What the matches of one text add up to, before the decision on negativity and fallbacks. */
export interface Findings {
  normalized: Normalized;
  lang: Lang;
  scores: Map<CauseId, number>;
  evidence: Map<CauseId, Array<[number, number]>>;
  personal: Array<[number, number]>;
  other: Array<[number, number]>;
  extortion: Array<[number, number]>;
  /** Every complaint-polarity word, the evidence of last resort. */
  complaints: Array<[number, number]>;
  negativeSignals: number;
  positiveSignals: number;
  /** A complaint right after 但是/就是/aber: the buyer's real point even in a friendly review. */
  contrastComplaint: boolean;
  /** Start of every clause in the normalized text. */
  clauseStarts: number[];
  /** Whether any contrast marker (但是, 就是, aber …) occurs at all. */
  hasContrast: boolean;
}

function addEvidence(map: Map<CauseId, Array<[number, number]>>, cause: CauseId, start: number, end: number): void {
  const list = map.get(cause);
  if (list) list.push([start, end]);
  else map.set(cause, [[start, end]]);
}

/** A packed array (new Array(n) would stay "holey" and slower to read in V8). */
export function filled<T>(length: number, value: T): T[] {
  const array: T[] = [];
  for (let i = 0; i < length; i++) array.push(value);
  return array;
}

/** Drops cue/aspect matches that start inside a longer one (服务 inside 售后服务). */
function dropNested(matches: Match[]): boolean[] {
  const keep = filled(matches.length, true);
  let coverEnd = -1;
  let coverStart = -1;
  for (let m = 0; m < matches.length; m++) {
    const { role } = matches[m].entry;
    if (role !== CUE && role !== ASPECT && role !== PERSONAL) continue;
    const { start, end } = matches[m];
    if (start < coverEnd && !(start === coverStart && end > coverEnd)) {
      if (end <= coverEnd || start > coverStart) keep[m] = false;
    }
    // A gapped cue (没有*配件) spans words it did not match: it must not hide the cues in between.
    if (keep[m] && end > coverEnd && matches[m].entry.tail === undefined) {
      coverEnd = end;
      coverStart = start;
    }
  }
  return keep;
}

export function gatherFindings(text: string): Findings {
  const normalized = normalize(text);
  const lang = detectLangFrom(normalized);
  const lexicon = lexiconFor(lang);
  const source = normalized.text;
  const matches = scan(source, lexicon);
  const clauses: Clauses = splitClauses(source, matches, lexicon.latin);
  const keep = dropNested(matches);
  const count = matches.length;
  // Effective polarity per match: +1 complaint, -1 praise, 0 neutral (after negation).
  const polarity = filled(count, 0);
  const negated = filled(count, 0);
  const scores = new Map<CauseId, number>();
  const evidence = new Map<CauseId, Array<[number, number]>>();
  const personal: Array<[number, number]> = [];
  const other: Array<[number, number]> = [];
  const extortion: Array<[number, number]> = [];
  const complaints: Array<[number, number]> = [];
  let negativeSignals = 0;
  let positiveSignals = 0;
  let contrastComplaint = false;

  // Clauses where a concrete fault other than the staff's is named: there 商家/客服 are only the agent
  // of that fault (商家拖着不给退 is after-sales), and opinions inside a personal cue (不喜欢) judge taste.
  const clauseWithOtherFault = filled(clauses.starts.length, false);
  let coverEnd = -1;
  const insideCue = filled(count, false);
  for (let m = 0; m < count; m++) {
    const match = matches[m];
    const role = match.entry.role;
    if (role === CONTRAST || role === CONCESSION || role === ASPECT || role === OTHER) continue;
    const floor = clauses.starts[clauses.ofMatch[m]];
    if (isNegated(source, match.start, floor, lexicon)) negated[m] = 1;
    if (role === CUE && keep[m] && !negated[m] && match.entry.cause !== 'service') clauseWithOtherFault[clauses.ofMatch[m]] = true;
    if ((role === PERSONAL || role === CUE) && keep[m]) coverEnd = Math.max(coverEnd, match.end);
    else if ((role === NEGATIVE || role === POSITIVE) && match.end <= coverEnd) insideCue[m] = true;
  }
  const partyWindow = lexicon.latin ? 16 : 6;
  // Whether the review names the shop's staff, and another party (courier, installer, after-sales): with
  // only the other party named, 服务/态度 belong to that party.
  let staffNamed = false;
  let otherParty = false;
  for (let m = 0; m < count; m++) {
    const entry = matches[m].entry;
    if ((entry.role === ASPECT || entry.role === CUE) && (entry.cause === 'logistics' || entry.cause === 'after_sales')) otherParty = true;
    if (entry.cause === 'service' && lexicon.staff.has(entry.text)) staffNamed = true;
  }

  for (let m = 0; m < count; m++) {
    const match = matches[m];
    const entry = match.entry;
    const clause = clauses.ofMatch[m];
    const emphasis = clauses.contrasted[clause] ? 1.5 : clauses.conceded[clause] ? 0.5 : 1;
    switch (entry.role) {
      // An opinion word inside a cue (差 in 色差, 喜欢 in 不喜欢) is judged as part of that cue.
      case NEGATIVE:
        if (!insideCue[m]) polarity[m] = negated[m] ? -1 : 1;
        break;
      case POSITIVE:
        if (!insideCue[m]) polarity[m] = negated[m] ? 1 : -1;
        break;
      case CUE:
        if (!keep[m]) break;
        // A denied complaint (没有色差, not broken) is praise.
        if (negated[m]) {
          polarity[m] = -1;
          break;
        }
        polarity[m] = 1;
        if (entry.cause === 'service' && serviceElsewhere(matches, clauses, m, clause, clauseWithOtherFault, otherParty && !staffNamed, lexicon, partyWindow)) break;
        scores.set(entry.cause!, (scores.get(entry.cause!) ?? 0) + entry.weight * (clauses.conceded[clause] ? 0.5 : 1));
        addEvidence(evidence, entry.cause!, match.start, match.end);
        break;
      case PERSONAL:
        if (!keep[m] || negated[m]) break;
        personal.push([match.start, match.end]);
        negativeSignals += 0.5 * emphasis;
        break;
      case OTHER:
        other.push([match.start, match.end]);
        break;
      case EXTORTION:
        // 不赔偿我就… is a condition, not a denial: only 不会/won't-style words take a threat back.
        if (!negated[m] || !DENIAL.test(source.slice(Math.max(clauses.starts[clause], match.start - 8), match.start) + entry.text.slice(0, 1))) extortion.push([match.start, match.end]);
        break;
    }
    if (polarity[m] > 0 && clauses.contrasted[clause]) contrastComplaint = true;
    if (polarity[m] > 0) complaints.push([match.start, match.end]);
    if (polarity[m] > 0 && entry.role !== CUE) negativeSignals += emphasis;
    else if (polarity[m] > 0) negativeSignals += emphasis * Math.min(1, entry.weight);
    else if (polarity[m] < 0) positiveSignals += emphasis;
  }

  // An aspect names its cause when a complaint sits next to it in the same clause.
  for (let m = 0; m < count; m++) {
    const aspect = matches[m];
    if (aspect.entry.role !== ASPECT || !keep[m]) continue;
    const clause = clauses.ofMatch[m];
    const cause = aspect.entry.cause!;
    if (cause === 'service' && serviceElsewhere(matches, clauses, m, clause, clauseWithOtherFault, otherParty && !staffNamed, lexicon, partyWindow)) continue;
    const opinion = nearestComplaint(matches, polarity, clauses, m, clause);
    if (opinion < 0) continue;
    scores.set(cause, (scores.get(cause) ?? 0) + aspect.entry.weight * (clauses.conceded[clause] ? 0.5 : 1));
    addEvidence(evidence, cause, aspect.start, aspect.end);
    addEvidence(evidence, cause, matches[opinion].start, matches[opinion].end);
  }

  return { normalized, lang, scores, evidence, personal, other, extortion, complaints, negativeSignals: negativeSignals + normalized.angryEmoji, positiveSignals: positiveSignals + normalized.happyEmoji, contrastComplaint, clauseStarts: clauses.starts, hasContrast: clauses.contrasted.includes(1) };
}

/** Whether 服务/态度 at match `m` judge a party other than the shop's staff. */
function serviceElsewhere(matches: Match[], clauses: Clauses, m: number, clause: number, clauseWithOtherFault: boolean[], onlyOtherParty: boolean, lexicon: CompiledLexicon, partyWindow: number): boolean {
  return clauseWithOtherFault[clause] || (onlyOtherParty && !startsWithStaff(matches[m].entry.text, lexicon.staff)) || belongsToAnotherParty(matches, clauses, m, clause, partyWindow);
}

function startsWithStaff(text: string, staff: Set<string>): boolean {
  for (const word of staff) if (text.startsWith(word)) return true;
  return false;
}

/** 态度/服务 right after 快递员, 安装师傅, 售后 …: the attitude of that party, not of the shop's staff. */
function belongsToAnotherParty(matches: Match[], clauses: Clauses, m: number, clause: number, window: number): boolean {
  const aspect = matches[m];
  for (let j = m - 1; j >= 0 && clauses.ofMatch[j] === clause; j--) {
    const candidate = matches[j];
    if (aspect.start - candidate.end > window) break;
    const role = candidate.entry.role;
    if ((role === ASPECT || role === CUE) && candidate.entry.cause !== 'service' && candidate.entry.cause !== 'quality') return true;
  }
  return false;
}

/** The closest complaint-polarity match to aspect `m` within its clause, not separated by another aspect. */
function nearestComplaint(matches: Match[], polarity: number[], clauses: Clauses, m: number, clause: number): number {
  const aspect = matches[m];
  for (let j = m + 1; j < matches.length && clauses.ofMatch[j] === clause; j++) {
    const candidate = matches[j];
    if (candidate.start - aspect.end > OPINION_AFTER) break;
    if (candidate.entry.role === ASPECT && candidate.start >= aspect.end) break;
    if (polarity[j] > 0 && candidate.start >= aspect.end - 1 && candidate.entry.role !== CUE) return j;
  }
  for (let j = m - 1; j >= 0 && clauses.ofMatch[j] === clause; j--) {
    const candidate = matches[j];
    if (aspect.start - candidate.end > OPINION_BEFORE) break;
    if (candidate.entry.role === ASPECT) break;
    if (polarity[j] > 0 && candidate.end <= aspect.start && candidate.entry.role !== CUE) return j;
  }
  return -1;
}
