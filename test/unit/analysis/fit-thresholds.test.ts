import { describe, expect, it } from 'vitest';
import { fitThresholds, type ThresholdRow } from '../../tools/fit-combination';

/** `count` negative reviews scoring `score` for logistics, labelled with it or not. */
function rows(count: number, score: number, labelled: boolean): ThresholdRow[] {
  return Array.from({ length: count }, () => ({ scores: new Map([['logistics', score]]), gold: labelled ? ['logistics'] : [], negative: true }));
}

describe('per-cause thresholds', () => {
  it('leave one full cue (1) only for a clear gain in F1', () => {
    // 100 full cues, all right; half cues: 2 right, 1 wrong. 0.5 gains under 0.01 of F1: stays 1.
    const slight = [...rows(100, 1, true), ...rows(2, 0.5, true), ...rows(1, 0.5, false), ...rows(20, 0, true)];
    expect(fitThresholds(slight, ['logistics']).logistics).toBe(1);
    // Half cues: 30 right, 2 wrong. 0.5 gains far more: it is taken.
    const clear = [...rows(100, 1, true), ...rows(30, 0.5, true), ...rows(2, 0.5, false), ...rows(20, 0, true)];
    expect(fitThresholds(clear, ['logistics']).logistics).toBe(0.5);
  });

  it('counts only reviews with a complaint', () => {
    const praise = rows(50, 0.5, false).map((row) => ({ ...row, negative: false }));
    const clear = [...rows(100, 1, true), ...rows(30, 0.5, true), ...praise];
    expect(fitThresholds(clear, ['logistics']).logistics).toBe(0.5);
  });
});
