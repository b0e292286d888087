/**
 * `npm run bench`: every speed and size goal, measured and printed (never asserted in unit tests).
 * Writes the figures to .bench/latest.json as well, for the README.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { benchBundles } from './bundle-size';
import { benchCases } from './bench-cases';
import { benchClassify } from './bench-classify';
import { benchPage } from './bench-page';
import { benchUi } from './bench-ui';
import { launchMend } from './browser';

type Figures = Record<string, number | string>;

async function section(name: string, run: () => Promise<Figures> | Figures, all: Record<string, Figures>) {
  process.stdout.write(`\n## ${name}\n`);
  try {
    const figures = await run();
    all[name] = figures;
    for (const [key, value] of Object.entries(figures)) process.stdout.write(`${key}: ${value}\n`);
  } catch (error) {
    all[name] = { error: (error as Error).message };
    process.stdout.write(`failed: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  }
}

async function main() {
  const all: Record<string, Figures> = {};
  await section('classify (one core)', benchClassify, all);
  await section('cases (fake-indexeddb in Node)', benchCases, all);
  await section('page in Chromium', benchPage, all);
  await section('popup and dashboard in Chromium', async () => {
    const mend = await launchMend();
    try {
      return await benchUi(mend);
    } finally {
      await mend.close();
    }
  }, all);
  await section('bundle sizes', benchBundles, all);
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/latest.json', JSON.stringify({ measuredAt: new Date().toISOString(), figures: all }, null, 2));
  process.stdout.write('\nfigures written to .bench/latest.json\n');
}

main();
