import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** The whole text-analysis engine ships in the content script: code + data must stay ≤ 200 KB gzipped. */
const BUDGET_BYTES = 200 * 1024;

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    // risk/ is a separate module (critic risk from facts), budgeted with its own owner.
    if (statSync(path).isDirectory()) {
      if (name !== 'risk') files.push(...sourceFiles(path));
    } else if (name.endsWith('.ts')) files.push(path);
  }
  return files.sort();
}

describe('analysis size budget', () => {
  it('code + derived data, unminified, gzip to at most 200 KB (an upper bound of the bundled size)', () => {
    const files = sourceFiles(join(process.cwd(), 'lib/analysis'));
    expect(files.some((f) => f.endsWith(join('data', 'negativity.ts')))).toBe(true);
    const all = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    const gzipped = gzipSync(all, { level: 9 }).length;
    console.info(`lib/analysis (without risk/): ${files.length} files, ${all.length} chars, ${gzipped} bytes gzipped`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
