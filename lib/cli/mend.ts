import { parseArgs } from 'node:util';
import { InputUnreadableError, runBatch, type RecordHandler } from './records';

/**
 * `npm run mend -- <command> --in F.jsonl --out F.jsonl`: batch work over exported reviews with
 * the same lib/ the extension runs. Each command module exports `handleRecord` and may export
 * `summarize` for a closing line on stderr.
 */
type CommandModule = { handleRecord: RecordHandler; describe: string; finish?: () => string | undefined };

const commands: Record<string, () => Promise<CommandModule>> = {
  classify: () => import('./classify'),
  assess: () => import('./assess'),
  draft: () => import('./draft'),
  lint: () => import('./lint'),
};

function usage(): string {
  return [
    'usage: npm run mend -- <command> --in <file.jsonl|file.csv|-> --out <file.jsonl|->',
    'commands:',
    '  classify  cause labels, negativity and extortion cues for each review',
    '  assess    professional-critic risk for each set of facts',
    '  draft     reply drafts (public, private, phone, revision request, firm, unreachable)',
    '  lint      policy findings for each reply text',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || !(command in commands)) {
    process.stderr.write((command && command !== '--help' && command !== '-h' ? `unknown command: ${command}\n` : '') + usage() + '\n');
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  let values: { in?: string; out?: string };
  try {
    ({ values } = parseArgs({ args: rest, options: { in: { type: 'string' }, out: { type: 'string' } } }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage()}\n`);
    return 2;
  }
  const module = await commands[command]();
  try {
    const summary = await runBatch(values.in ?? '-', values.out ?? '-', module.handleRecord);
    const extra = module.finish?.();
    process.stderr.write(`mend ${command}: ${summary.records} records, ${summary.errors} errors${extra ? `\n${extra}` : ''}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InputUnreadableError) {
      process.stderr.write(`mend ${command}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

const isDirectRun = process.argv[1] && /mend\.ts$/.test(process.argv[1]);
if (isDirectRun) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
