/**
 * Output-identity check for speed work on the analysis and `mend classify`.
 *
 *   npx tsx test/tools/analysis-identity.ts --record /tmp/before   (with the code to compare against)
 *   npx tsx test/tools/analysis-identity.ts --check /tmp/before    (after a change: exit 1 on any difference)
 *
 * Compares the full Analysis (lang, negative, negativity, causes, evidence spans, extortion and its
 * evidence) of every text of analysis-corpus.ts under each platform rating, detectLang(), and the
 * bytes `mend classify` writes for the same texts as a JSONL file (with malformed lines mixed in).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, detectLang } from '../../lib/analysis/index';
import { handleRecord } from '../../lib/cli/classify';
import { runBatch } from '../../lib/cli/records';
import { generatedTexts, sharedReviewTexts, unitTestTexts } from './analysis-corpus';

const RATINGS = ['unknown', 'good', 'bad'] as const;

function analysisLines(texts: string[]): string[] {
  return texts.map((text) => {
    const row = RATINGS.map((rating) => analyze(text, { rating }));
    return JSON.stringify([detectLang(text), ...row]);
  });
}

async function cliOutput(texts: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mend-identity-'));
  try {
    const input = join(dir, 'in.jsonl');
    const ratings: unknown[] = [undefined, 'bad', '差评', 5, '2.0', 'good', 3, 'odd'];
    const lines = texts.map((text, i) => {
      if (i % 997 === 5) return '{"id": "broken' + i + '", "text": ';
      if (i % 991 === 7) return JSON.stringify({ id: i, text: i });
      return JSON.stringify({ id: `r${i}`, text, rating: ratings[i % ratings.length], extra: i % 3 === 0 ? { nested: [1, 'x'] } : undefined });
    });
    writeFileSync(input, '\uFEFF' + lines.join('\n') + '\n\n  \n');
    const output = join(dir, 'out.jsonl');
    await runBatch(input, output, handleRecord);
    return readFileSync(output, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [mode, dir] = process.argv.slice(2);
  if ((mode !== '--record' && mode !== '--check') || !dir) {
    process.stderr.write('usage: analysis-identity.ts --record|--check <dir>\n');
    process.exit(2);
  }
  const sets: Record<string, string[]> = { shared: sharedReviewTexts(), unit: unitTestTexts(), generated: generatedTexts(40000) };
  const outputs: Record<string, string> = {};
  for (const [name, texts] of Object.entries(sets)) outputs[`${name}.jsonl`] = analysisLines(texts).join('\n') + '\n';
  outputs['cli.jsonl'] = await cliOutput([...sets.shared.slice(0, 30000), ...sets.unit, ...sets.generated.slice(0, 10000)]);
  if (mode === '--record') {
    mkdirSync(dir, { recursive: true });
    for (const [file, content] of Object.entries(outputs)) writeFileSync(join(dir, file), content);
    for (const [name, texts] of Object.entries(sets)) process.stdout.write(`${name}: ${texts.length} texts\n`);
    process.stdout.write(`recorded in ${dir}\n`);
    return;
  }
  let differences = 0;
  for (const [file, content] of Object.entries(outputs)) {
    const expected = readFileSync(join(dir, file), 'utf8');
    if (expected === content) {
      process.stdout.write(`${file}: identical (${content.split('\n').length - 1} lines)\n`);
      continue;
    }
    const a = expected.split('\n');
    const b = content.split('\n');
    let shown = 0;
    for (let i = 0; i < Math.max(a.length, b.length) && shown < 5; i++) {
      if (a[i] === b[i]) continue;
      shown++;
      differences++;
      process.stdout.write(`${file}:${i + 1}\n  expected ${a[i]}\n  actual   ${b[i]}\n`);
    }
    if (shown === 0) differences++;
    process.stdout.write(`${file}: DIFFERENT (${a.length} vs ${b.length} lines)\n`);
  }
  process.exitCode = differences > 0 ? 1 : 0;
}

main();
