/**
 * Records what the strict case reader answers for one rich case and hundreds of damaged copies of it,
 * so that a faster reader can be checked to accept, reject and word its errors exactly as before.
 * Run once against the reader being replaced: `npx tsx test/unit/cases/validate-golden.record.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizedDigest } from '../../../lib/cases/digest';
import { readExportedCase } from '../../../lib/cases/validate';
import { damagedCopies, richExportedCase, type ReaderAnswer } from './validate-golden';

const base = richExportedCase();
const answers: ReaderAnswer[] = damagedCopies(base).map(({ label, value }) => {
  try {
    return { label, digest: normalizedDigest(readExportedCase(value, 'cases[7]')) };
  } catch (error) {
    return { label, error: (error as Error).message };
  }
});
writeFileSync(join(process.cwd(), 'test/unit/cases/validate-golden.json'), `${JSON.stringify(answers, null, 1)}\n`);
console.log(`${answers.length} answers, ${answers.filter((a) => 'error' in a).length} rejections`);
