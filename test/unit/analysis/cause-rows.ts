import { expect } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import type { CauseId } from '../../../lib/analysis/types';

/** A review and exactly the causes it must get (no platform rating given). */
export type Row = [text: string, expected: CauseId[]];

/** Each row gets exactly its causes; a row with causes must also read as negative from its text alone. */
export function checkRows(rows: readonly Row[]): void {
  for (const [text, expected] of rows) {
    const result = analyze(text);
    expect([...result.causes].sort(), text).toEqual([...expected].sort());
    if (expected.length > 0) expect(result.negative, text).toBe(true);
  }
}
