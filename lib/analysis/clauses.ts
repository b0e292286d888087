import { Role, type Match } from './matcher';

const { Contrast: CONTRAST, Concession: CONCESSION } = Role;

/** Clause boundaries by ASCII unit: 1 for sentence marks, 2 for the space, which separates clauses in Chinese only. */
export const BOUNDARY = new Uint8Array(0x80);
for (const mark of ',.!?;:\n~()[]"') BOUNDARY[mark.charCodeAt(0)] = 1;
BOUNDARY[0x20] = 2;

function isMarker(match: Match): boolean {
  return match.entry.role === CONTRAST || match.entry.role === CONCESSION;
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
  const contrasted: number[] = [0];
  const conceded: number[] = [0];
  const count = matches.length;
  const boundaryMask = latin ? 1 : 3;
  // The next contrast/concession marker; of several starting at one place only the first (longest) counts.
  let marker = 0;
  while (marker < count && !isMarker(matches[marker])) marker++;
  let markerAt = marker < count ? matches[marker].start : -1;
  let pendingBoundary = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    if (markerAt === i) {
      if (starts[starts.length - 1] !== i) {
        starts.push(i);
        contrasted.push(0);
        conceded.push(0);
      }
      (matches[marker].entry.role === CONTRAST ? contrasted : conceded)[starts.length - 1] = 1;
      do marker++;
      while (marker < count && (matches[marker].start <= i || !isMarker(matches[marker])));
      markerAt = marker < count ? matches[marker].start : -1;
    }
    const code = text.charCodeAt(i);
    if (code < 0x80 && (BOUNDARY[code] & boundaryMask) !== 0) pendingBoundary = true;
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
  for (let m = 0; m < count; m++) {
    while (clause + 1 < starts.length && starts[clause + 1] <= matches[m].start) clause++;
    ofMatch.push(clause);
  }
  return { starts, ofMatch, contrasted, conceded };
}
