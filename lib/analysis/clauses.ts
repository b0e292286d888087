import { Role, type Match } from './matcher';

const { Contrast: CONTRAST, Concession: CONCESSION } = Role;

/** Clause boundaries: sentence marks everywhere; a space too in Chinese, where it separates clauses. */
function isBoundary(code: number, latin: boolean): boolean {
  switch (code) {
    case 0x2c: // ,
    case 0x2e: // .
    case 0x21: // !
    case 0x3f: // ?
    case 0x3b: // ;
    case 0x3a: // :
    case 0x0a:
    case 0x7e: // ~
    case 0x28:
    case 0x29:
    case 0x5b:
    case 0x5d:
    case 0x22:
      return true;
    case 0x20:
      return !latin;
    default:
      return false;
  }
}

export interface Clauses {
  /** Start offset (normalized text) of each clause, ascending. */
  starts: number[];
  /** Clause index of each match, parallel to the match list. */
  ofMatch: number[];
  /** 1 for clauses opened by a contrast marker (但是, aber, but): the buyer's real point. */
  contrasted: number[];
  /** 1 for clauses opened by a concession marker (虽然, obwohl). */
  conceded: number[];
}

/**
 * Splits at sentence marks and in front of contrast/concession markers, so that
 * "快递很快但是质量差" judges 快递 and 质量 separately.
 */
export function splitClauses(text: string, matches: Match[], latin: boolean): Clauses {
  const starts: number[] = [0];
  const markers: Array<{ at: number; role: Role }> = [];
  for (const match of matches) {
    if (match.entry.role === CONTRAST || match.entry.role === CONCESSION) markers.push({ at: match.start, role: match.entry.role });
  }
  let markerIndex = 0;
  let pendingBoundary = false;
  const contrasted: number[] = [0];
  const conceded: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    while (markerIndex < markers.length && markers[markerIndex].at < i) markerIndex++;
    if (markerIndex < markers.length && markers[markerIndex].at === i) {
      if (starts[starts.length - 1] !== i) {
        starts.push(i);
        contrasted.push(0);
        conceded.push(0);
      }
      (markers[markerIndex].role === CONTRAST ? contrasted : conceded)[starts.length - 1] = 1;
    }
    if (isBoundary(text.charCodeAt(i), latin)) pendingBoundary = true;
    else if (pendingBoundary) {
      pendingBoundary = false;
      if (starts[starts.length - 1] !== i) {
        starts.push(i);
        contrasted.push(0);
        conceded.push(0);
      }
    }
  }
  const ofMatch: number[] = [];
  let clause = 0;
  for (let m = 0; m < matches.length; m++) {
    while (clause + 1 < starts.length && starts[clause + 1] <= matches[m].start) clause++;
    ofMatch.push(clause);
  }
  return { starts, ofMatch, contrasted, conceded };
}
