import { chinesePass } from './chinese-pass';
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

// Local copies of what runs for every review or match: under some module loaders (tsx, the command line)
// every access to an imported binding goes through a getter.
const normalizeText = normalize;
const detectLanguage = detectLangFrom;
const walkChinese = chinesePass;
const negatedAt = isNegated;
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
  /** Shared and empty when the review credits no cause (most do not): read, never write. */
  scores: ReadonlyMap<CauseId, number>;
  evidence: ReadonlyMap<CauseId, Array<[number, number]>>;
  personal: Array<[number, number]>;
  other: Array<[number, number]>;
  extortion: Array<[number, number]>;
  /** Every complaint-polarity word, the evidence of last resort. */
  complaints: Array<[number, number]>;
  negativeSignals: number;
  positiveSignals: number;
  /** A complaint right after 但是/就是/aber: the buyer's real point even in a friendly review. */
  contrastComplaint: boolean;
  /** Whether any contrast marker (但是, 就是, aber …) occurs at all. */
  hasContrast: boolean;
  /** The character model's log-odds for the whole text and for its worst clause (Chinese only, else 0). */
  modelWhole: number;
  modelWorstClause: number;
}

const NO_SCORES: ReadonlyMap<CauseId, number> = new Map();
const NO_EVIDENCE: ReadonlyMap<CauseId, Array<[number, number]>> = new Map();

/**
 * The credited causes of the review being gathered, made on its first credit: most reviews credit none,
 * and two maps per review were a good part of what gatherFindings allocated.
 */
let creditedScores: Map<CauseId, number> | undefined;
let creditedEvidence: Map<CauseId, Array<[number, number]>> | undefined;

function addEvidence(map: Map<CauseId, Array<[number, number]>>, cause: CauseId, start: number, end: number): void {
  const list = map.get(cause);
  if (list) list.push([start, end]);
  else map.set(cause, [[start, end]]);
}

/** Adds `amount` to the score of `cause` and [start, end) to its evidence; returns the evidence map. */
function credit(cause: CauseId, amount: number, start: number, end: number): Map<CauseId, Array<[number, number]>> {
  if (creditedScores === undefined || creditedEvidence === undefined) {
    creditedScores = new Map();
    creditedEvidence = new Map();
  }
  creditedScores.set(cause, (creditedScores.get(cause) ?? 0) + amount);
  addEvidence(creditedEvidence, cause, start, end);
  return creditedEvidence;
}

/**
 * Per-match and per-clause flags, reused from review to review (gatherFindings never re-enters itself and
 * none of them outlives the call): a few small arrays per review were a good part of the CLI's garbage.
 */
let keepFlags = new Uint8Array(64);
let negatedFlags = new Uint8Array(64);
let insideCueFlags = new Uint8Array(64);
/** Effective polarity per match: +1 complaint, -1 praise, 0 neutral (after negation). */
let polarities = new Int8Array(64);
let otherFaultFlags = new Uint8Array(64);

function growScratch(matchCount: number, clauseCount: number): void {
  if (keepFlags.length < matchCount) {
    const size = Math.max(matchCount, keepFlags.length * 2);
    keepFlags = new Uint8Array(size);
    negatedFlags = new Uint8Array(size);
    insideCueFlags = new Uint8Array(size);
    polarities = new Int8Array(size);
  }
  if (otherFaultFlags.length < clauseCount) otherFaultFlags = new Uint8Array(Math.max(clauseCount, otherFaultFlags.length * 2));
}

export function gatherFindings(text: string): Findings {
  const normalized = normalizeText(text);
  const lang = detectLanguage(normalized);
  const lexicon = lexiconFor(lang);
  const source = normalized.text;
  let matches: Match[];
  let clauses: Clauses;
  // The walk's arrays are reused from review to review and may run longer than this review's share.
  let count: number;
  let clauseCount: number;
  let modelWhole = 0;
  let modelWorstClause = 0;
  // Only Chinese text is weighed by the character model: there one walk over the text does all three jobs.
  if (!lexicon.latin) {
    const pass = walkChinese(source, lexicon);
    matches = pass.matches;
    clauses = pass.clauses;
    count = pass.matchCount;
    clauseCount = pass.clauseCount;
    modelWhole = pass.modelWhole;
    modelWorstClause = pass.modelWorstClause;
  } else {
    matches = scan(source, lexicon);
    clauses = splitClauses(source, matches, lexicon.latin);
    count = matches.length;
    clauseCount = clauses.starts.length;
  }
  growScratch(count, clauseCount);
  const keep = keepFlags;
  const polarity = polarities;
  const negated = negatedFlags;
  const insideCue = insideCueFlags;
  const clauseWithOtherFault = otherFaultFlags;
  for (let c = 0; c < clauseCount; c++) clauseWithOtherFault[c] = 0;
  creditedScores = undefined;
  creditedEvidence = undefined;
  const personal: Array<[number, number]> = [];
  const other: Array<[number, number]> = [];
  const extortion: Array<[number, number]> = [];
  const complaints: Array<[number, number]> = [];
  let negativeSignals = 0;
  let positiveSignals = 0;
  let contrastComplaint = false;

  // One walk over the matches settles what each needs only of the matches before it (which cues are
  // nested, which words are negated or inside a cue) and which parties the review names: one loop
  // instead of four, each reading every match's entry again.
  //
  // Nested: a cue/aspect that starts inside a longer one (服务 inside 售后服务) is dropped (keep 0).
  let nestEnd = -1;
  let nestStart = -1;
  // 快 inside 快递 and 差 inside 色差 are part of a word, not an opinion of their own.
  // Clauses where a concrete fault other than the staff's is named: there 商家/客服 are only the agent
  // of that fault (商家拖着不给退 is after-sales), and opinions inside a personal cue (不喜欢) judge taste.
  let coverEnd = -1;
  // Whether the review names the shop's staff, and another party (courier, installer, after-sales): with
  // only the other party named, 服务/态度 belong to that party.
  let staffNamed = false;
  let otherParty = false;
  // The one other party the review names (courier or installer), or undefined when it names both or none.
  let onlyParty: CauseId | undefined;
  let parties = 0;
  for (let m = 0; m < count; m++) {
    const match = matches[m];
    const entry = match.entry;
    const role = entry.role;
    polarity[m] = 0;
    negated[m] = 0;
    insideCue[m] = 0;
    let kept = 1;
    if (role === CUE || role === ASPECT || role === PERSONAL) {
      const { start, end } = match;
      if (start < nestEnd && !(start === nestStart && end > nestEnd) && (end <= nestEnd || start > nestStart)) kept = 0;
      // A gapped cue (没有*配件) spans words it did not match: it must not hide the cues in between.
      if (kept === 1 && end > nestEnd && entry.tail === undefined) {
        nestEnd = end;
        nestStart = start;
      }
    }
    keep[m] = kept;
    if ((role === ASPECT || role === CUE) && (entry.cause === 'logistics' || entry.cause === 'after_sales')) {
      otherParty = true;
      if (entry.cause !== onlyParty) {
        parties++;
        onlyParty = entry.cause;
      }
    }
    if (entry.cause === 'service' && lexicon.staff.has(entry.text)) staffNamed = true;

    if (role === ASPECT) {
      if (kept) coverEnd = Math.max(coverEnd, match.end);
      continue;
    }
    if (role === CONTRAST || role === CONCESSION || role === OTHER) continue;
    const floor = clauses.starts[clauses.ofMatch[m]];
    if (negatedAt(source, match.start, floor, lexicon)) negated[m] = 1;
    // A gapped cue (包装*破) whose second part is denied (包装完整没有破损) names no fault.
    else if (entry.tail !== undefined && negatedAt(source, match.end - entry.tail.length, match.start + entry.text.length, lexicon)) negated[m] = 1;
    if (role === CUE && kept && !negated[m] && entry.cause !== 'service') clauseWithOtherFault[clauses.ofMatch[m]] = 1;
    if ((role === PERSONAL || role === CUE) && kept) coverEnd = Math.max(coverEnd, match.end);
    else if ((role === NEGATIVE || role === POSITIVE) && match.end <= coverEnd) insideCue[m] = 1;
  }
  const partyWindow = lexicon.latin ? 16 : 6;
  if (parties !== 1) onlyParty = undefined;
  const staffParties: StaffParties = { staffNamed, otherParty, onlyParty, window: partyWindow, staff: lexicon.staff };

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
        if (entry.cause === 'service' && serviceElsewhere(matches, keep, clauses, m, clause, staffParties)) {
          // 快递服务差, 安装师傅态度差: the complaint is about that party.
          const party = partyOf(matches, keep, clauses, m, clause, staffParties);
          if (party === 'logistics' || party === 'after_sales') {
            credit(party, entry.weight * (clauses.conceded[clause] ? 0.5 : 1), match.start, match.end);
          }
          break;
        }
        credit(entry.cause!, entry.weight * (clauses.conceded[clause] ? 0.5 : 1), match.start, match.end);
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
    // 服务态度不好 about the courier or installer counts for that party, not for the shop's staff.
    let credited: CauseId | undefined = cause;
    if (cause === 'service' && serviceElsewhere(matches, keep, clauses, m, clause, staffParties)) credited = partyOf(matches, keep, clauses, m, clause, staffParties);
    if (credited === undefined) continue;
    const opinion = nearestComplaint(matches, count, polarity, clauses, m, clause, lexicon.staff);
    if (opinion < 0) continue;
    addEvidence(credit(credited, aspect.entry.weight * (clauses.conceded[clause] ? 0.5 : 1), aspect.start, aspect.end), credited, matches[opinion].start, matches[opinion].end);
  }

  const scores = creditedScores ?? NO_SCORES;
  const evidence = creditedEvidence ?? NO_EVIDENCE;
  creditedScores = undefined;
  creditedEvidence = undefined;
  return { normalized, lang, scores, evidence, personal, other, extortion, complaints, negativeSignals: negativeSignals + normalized.angryEmoji, positiveSignals: positiveSignals + normalized.happyEmoji, contrastComplaint, hasContrast: anyContrast(clauses.contrasted, clauseCount), modelWhole, modelWorstClause };
}

function anyContrast(contrasted: number[], clauseCount: number): boolean {
  for (let c = 0; c < clauseCount; c++) if (contrasted[c] === 1) return true;
  return false;
}

/** Who a review names besides the product: what decides whose 服务/态度 a complaint judges. */
interface StaffParties {
  staffNamed: boolean;
  otherParty: boolean;
  onlyParty: CauseId | undefined;
  /** How far (normalized characters) before an attitude word its party may be named. */
  window: number;
  staff: Set<string>;
}

/** Whose attitude a suppressed 态度差/脾气暴躁 judges: the party just before it, else the only one named. */
function partyOf(matches: Match[], keep: Uint8Array, clauses: Clauses, m: number, clause: number, parties: StaffParties): CauseId | undefined {
  return partyBefore(matches, keep, clauses, m, clause, parties.window) ?? (otherFaultFlags[clause] || parties.staffNamed ? undefined : parties.onlyParty);
}

/** Whether 服务/态度 at match `m` judge someone other than the shop's staff (courier, installer, another fault's agent). */
function serviceElsewhere(matches: Match[], keep: Uint8Array, clauses: Clauses, m: number, clause: number, parties: StaffParties): boolean {
  return (
    otherFaultFlags[clause] === 1 ||
    (parties.otherParty && !parties.staffNamed && !startsWithStaff(matches[m].entry.text, parties.staff)) ||
    belongsToAnotherParty(matches, keep, clauses, m, clause, parties.window)
  );
}

function startsWithStaff(text: string, staff: Set<string>): boolean {
  for (const word of staff) if (text.startsWith(word)) return true;
  return false;
}

/** 态度/服务 right after 快递员, 安装师傅, 售后 …: the attitude of that party, not of the shop's staff. */
function belongsToAnotherParty(matches: Match[], keep: Uint8Array, clauses: Clauses, m: number, clause: number, window: number): boolean {
  return partyBefore(matches, keep, clauses, m, clause, window) !== undefined;
}

/** The cause of the party (courier, installer …) named just before match `m` in its clause, if any. */
function partyBefore(matches: Match[], keep: Uint8Array, clauses: Clauses, m: number, clause: number, window: number): CauseId | undefined {
  const aspect = matches[m];
  for (let j = m - 1; j >= 0 && clauses.ofMatch[j] === clause; j--) {
    // 上门 inside 送货上门的人 is part of the courier, not an installer.
    if (!keep[j]) continue;
    const candidate = matches[j];
    if (aspect.start - candidate.end > window) break;
    const role = candidate.entry.role;
    if ((role === ASPECT || role === CUE) && candidate.entry.cause !== 'service' && candidate.entry.cause !== 'quality') return candidate.entry.cause;
  }
  return undefined;
}

/** The closest complaint-polarity match to aspect `m` within its clause, not separated by another aspect. */
function nearestComplaint(matches: Match[], count: number, polarity: Int8Array, clauses: Clauses, m: number, clause: number, staff: Set<string>): number {
  const aspect = matches[m];
  const partyAspect = aspect.entry.cause !== 'service';
  for (let j = m + 1; j < count && clauses.ofMatch[j] === clause; j++) {
    const candidate = matches[j];
    if (candidate.start - aspect.end > OPINION_AFTER) break;
    // 快递服务态度差: 服务态度 is the courier's, so the opinion after it still judges 快递.
    if (candidate.entry.role === ASPECT && candidate.start >= aspect.end && !(partyAspect && candidate.entry.cause === 'service' && !staff.has(candidate.entry.text))) break;
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
