import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizedDigest } from '../../../lib/cases/digest';
import { readExportedCase } from '../../../lib/cases/validate';
import { damagedCopies, richExportedCase, type ReaderAnswer } from './validate-golden';

/**
 * The answers were recorded from the reader as it was before it was made faster (see
 * validate-golden.record.ts): the same cases accepted, normalized to the same digest, and the same
 * files refused with the same words.
 */
const golden = JSON.parse(readFileSync(join(process.cwd(), 'test/unit/cases/validate-golden.json'), 'utf8')) as ReaderAnswer[];

describe('strict case reader, against recorded answers', () => {
  it('answers every damaged copy exactly as recorded', () => {
    const copies = damagedCopies(richExportedCase());
    expect(copies.map((c) => c.label)).toEqual(golden.map((g) => g.label));
    const answers = copies.map(({ label, value }): ReaderAnswer => {
      try {
        return { label, digest: normalizedDigest(readExportedCase(value, 'cases[7]')) };
      } catch (error) {
        return { label, error: (error as Error).message };
      }
    });
    expect(answers).toEqual(golden);
  });
});
