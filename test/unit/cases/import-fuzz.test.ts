import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CasesRepository } from '../../../lib/cases/repository';
import { ImportRejectedError, exportCasesJson, importCasesJson, parseCasesExport } from '../../../lib/cases/transfer';
import { analysis, populatedRepo, snapshot } from './fixtures';

const T0 = Date.parse('2026-11-21T08:00:00Z');

async function storeState(repo: CasesRepository) {
  const cases = (await repo.all()).sort((a, b) => a.id.localeCompare(b.id));
  const blacklist = await repo.listBlacklist();
  return { cases, blacklist };
}

/**
 * Tries an import and checks the invariants: a rejected file leaves the store exactly as it was,
 * and whatever happened, the store still exports to a file that passes strict validation.
 */
async function importKeepsStoreSound(repo: CasesRepository, text: string): Promise<'accepted' | 'rejected'> {
  const before = await storeState(repo);
  let outcome: 'accepted' | 'rejected' = 'accepted';
  try {
    await importCasesJson(repo, text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportRejectedError);
    outcome = 'rejected';
  }
  const after = await storeState(repo);
  if (outcome === 'rejected') expect(after).toEqual(before);
  const reread = parseCasesExport(await exportCasesJson(repo));
  expect(reread.cases.length).toBe(after.cases.length);
  expect(after.cases.length).toBeGreaterThanOrEqual(before.cases.length);
  return outcome;
}

/** Every place in a JSON value, as a path of keys and indexes. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, k]));
  }
  return paths;
}

function replaceAt(root: any, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = replacement;
  return root;
}

async function sourceFile(): Promise<string> {
  // Another installation: the same cases, one of them worked on later, plus one the store lacks.
  const theirs = await populatedRepo();
  await theirs.addNote('qianniu:a', 'newer elsewhere', T0 + 10 * 3_600_000);
  await theirs.recordSeen(snapshot({ reviewId: 'only-theirs', platform: 'jd' }), analysis(), { autoOpen: true, now: T0 });
  return exportCasesJson(theirs, T0);
}

// Generous timeouts: each run opens stores and round-trips files; the machine may be busy.
describe('import fuzz: no file corrupts existing data', { timeout: 60_000 }, () => {
  it('random text and random JSON are rejected without a trace', async () => {
    const repo = await populatedRepo();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))),
        async (text) => {
          expect(await importKeepsStoreSound(repo, text)).toBe('rejected');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('truncated exports are rejected without a trace', async () => {
    const repo = await populatedRepo();
    const file = await sourceFile();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: file.length - 1 }), async (cut) => {
        expect(await importKeepsStoreSound(repo, file.slice(0, cut))).toBe('rejected');
      }),
      { numRuns: 150 },
    );
  });

  it('exports with one value replaced anywhere either import cleanly or change nothing', async () => {
    const file = await sourceFile();
    const paths = pathsOf(JSON.parse(file));
    let accepted = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string()), async (pick, replacement) => {
        const repo = await populatedRepo();
        const mutated = replaceAt(JSON.parse(file), paths[pick % paths.length], replacement);
        const outcome = await importKeepsStoreSound(repo, JSON.stringify(mutated));
        if (outcome === 'accepted') accepted++;
        else rejected++;
      }),
      { numRuns: 120 },
    );
    // Both branches were exercised: replacing free text is fine, breaking structure is not.
    expect(rejected).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
  });
});
