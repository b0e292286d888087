/**
 * Records test/unit/analysis/fixtures/normalize-golden.json: normalize() and originalSpan() of every
 * character for generated texts (made-up review fragments spliced with the characters normalisation
 * treats specially). The unit test holds the current code to it, so a speed change to normalize.ts cannot
 * silently change what the matcher sees or where evidence points.
 *
 *   npx tsx test/tools/record-normalize-golden.ts [lib root to record from, default ./lib]
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generatedTexts } from './analysis-corpus';

async function main(): Promise<void> {
  const root = resolve(process.argv[2] ?? 'lib');
  const { normalize, originalSpan } = await import(join(root, 'analysis', 'normalize.ts'));
  const cases = generatedTexts(200, 99).slice(0, 200).map((text) => {
    const normalized = normalize(text);
    const spans: number[] = [];
    for (let i = 0; i <= normalized.text.length; i++) spans.push(...originalSpan(normalized, i, i + 1));
    const { traditional, simplified, han, latin, angryEmoji, happyEmoji } = normalized;
    return { text, normalized: normalized.text, counts: [traditional, simplified, han, latin, angryEmoji, happyEmoji], spans };
  });
  const file = join(process.cwd(), 'test', 'unit', 'analysis', 'fixtures', 'normalize-golden.json');
  writeFileSync(file, JSON.stringify(cases) + '\n');
  process.stdout.write(`${cases.length} cases from ${root} written to ${file}\n`);
}

main();
