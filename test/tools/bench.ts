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

type Figures = Record<string, number | string>;

/**
 * `npm run bench -- --only=cases,ui` runs just the sections whose key is listed (classify, cases, page,
 * ui, bundles): the UI figures alone take minutes, the whole run far longer on a busy machine.
 */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');

async function section(key: string, name: string, run: () => Promise<Figures> | Figures, all: Record<string, Figures>) {
  if (only && !only.includes(key)) return;
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
  await section('classify', 'classify (one core)', benchClassify, all);
  await section('cases', 'cases (fake-indexeddb in Node)', benchCases, all);
  await section('page', 'page in Chromium', benchPage, all);
  await section('ui', 'popup and dashboard in Chromium', benchUi, all);
  await section('bundles', 'bundle sizes', benchBundles, all);
  // A partial run must not overwrite the full figures the README quotes.
  if (only) return;
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/latest.json', JSON.stringify({ measuredAt: new Date().toISOString(), figures: all }, null, 2));
  process.stdout.write('\nfigures written to .bench/latest.json\n');
}

main();
