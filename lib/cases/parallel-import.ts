import { fileText } from './file-text';
import { askOurCases, ourDigestsOnArrival, sortIncomingCases, type IncomingCases, type OurCases } from './incoming-cases';
import type { CasesRepository } from './repository';
import { findCaseBoundary, joinHalves, parseFirstHalf, type SecondHalf } from './split-import';
import { abortWith, checkEnvelope, emptyReport, mergeSorted, openImportTransaction, readBlacklist, type ImportReport } from './transfer';

/** A second thread that reads the second half of a file (in the dashboard a Worker). */
export interface SecondHalfReader {
  /** `ours`: our ids and statistics buckets as the page read them, null if that read failed. */
  read(part: Blob, key: string, ours: Promise<OurCases | null>): Promise<SecondHalf | null>;
}

/** Below this size one thread is quicker than two: starting a worker has its own cost. */
export const PARALLEL_IMPORT_FROM_BYTES = 2_000_000;

/** How far past the middle of the file a boundary between cases is looked for. */
const BOUNDARY_SEARCH_BYTES = 1 << 20;

/** A marker no file can hold by chance: fresh for every import. */
const oneOffMarker = () => `\u0000mend-split-${crypto.randomUUID()}`;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two reads of our ids and statistics found the store in the same state. */
function sameStore({ keys, buckets }: OurCases, again: OurCases) {
  return (
    keys.length === again.keys.length &&
    buckets.length === again.buckets.length &&
    keys.every((key, i) => key === again.keys[i]) &&
    buckets.every((packed, i) => sameBytes(packed, again.buckets[i]))
  );
}

/**
 * Imports a file with its second half decoded, parsed and sorted by `helper` while the page does the
 * first: the same report and the same store as importCasesJson of the file's text, or null when the
 * file cannot be split soundly, anything in it is refused, or our store changed while the halves were
 * read. The caller then runs importCasesJson on the whole text, which refuses with its exact message.
 *
 * The halves are sorted against our digests as one read transaction found them; the page cannot hold
 * a transaction open while it waits for the worker (it would commit). Cases to write are then
 * written in a fresh readwrite transaction that first reads our ids and digests again: if they
 * differ in any way, the sorting is stale and the import starts over on one thread. When nothing
 * needs writing, the import is complete at the first read, as an import that wrote nothing.
 */
export async function importCasesInParallel(
  repo: CasesRepository,
  file: Blob,
  helper: SecondHalfReader,
  { fromBytes = PARALLEL_IMPORT_FROM_BYTES } = {},
): Promise<ImportReport | null> {
  if (file.size < fromBytes) return null;
  // Our ids and digests are asked for before anything else, so the store reads them while the file
  // is read; they can only be handed over between the page's tasks, so after its half is parsed.
  const snapshot = repo.rawDatabase.transaction(['cases', 'case-stats'], 'readonly');
  snapshot.done.catch(() => undefined);
  const oursRead = askOurCases(snapshot.objectStore('cases'), snapshot.objectStore('case-stats'));

  const middle = file.size >> 1;
  const near = new Uint8Array(await file.slice(middle, middle + BOUNDARY_SEARCH_BYTES).arrayBuffer());
  const found = findCaseBoundary(near);
  if (found < 0) return null;
  const boundary = middle + found;

  // The worker starts on its half at once; it needs our digests only once its half is parsed.
  const secondKey = oneOffMarker();
  const second = helper.read(file.slice(boundary + 2), secondKey, oursRead.catch(() => null)).catch(() => null);
  const digests = ourDigestsOnArrival(oursRead);
  const first = parseFirstHalf(await fileText(file.slice(0, boundary + 1)), oneOffMarker());
  const ours = await oursRead;
  const held = await digests;
  if (!first || !held) return null;
  let firstSorted: IncomingCases;
  try {
    firstSorted = sortIncomingCases(first.cases, held);
  } catch {
    return null;
  }
  const theirs = await second;
  if (!theirs) return null;
  const whole = joinHalves(first, theirs.rest);
  if (!whole) return null;
  let blacklist: ReturnType<typeof readBlacklist>;
  try {
    blacklist = readBlacklist(checkEnvelope(whole).blacklist);
  } catch {
    return null;
  }
  const firstIds = new Set(first.cases.map((c) => (c as { id: string }).id));
  if (theirs.ids.some((id) => firstIds.has(id))) return null;
  const sorted: IncomingCases = {
    cases: [...firstSorted.cases, ...theirs.sorted.cases],
    digests: [...firstSorted.digests, ...theirs.sorted.digests],
    unchanged: firstSorted.unchanged + theirs.sorted.unchanged,
  };
  return mergeIntoUnchangedStore(repo, ours, sorted, blacklist);
}

/**
 * Writes cases sorted against `ours` (our ids and digests as one read transaction found them) in a
 * fresh readwrite transaction, which first reads them again: if they differ in any way, the sorting is
 * stale and null is returned, having written nothing. When nothing needs writing, the import is
 * complete as sorted, as an import that wrote nothing.
 */
export async function mergeIntoUnchangedStore(
  repo: CasesRepository,
  ours: OurCases,
  sorted: IncomingCases,
  blacklist: ReturnType<typeof readBlacklist>,
): Promise<ImportReport | null> {
  const report = emptyReport();
  if (sorted.cases.length === 0 && blacklist.length === 0) {
    report.unchanged = sorted.unchanged;
    return report;
  }
  const { tx, oursRead: oursAgain } = openImportTransaction(repo);
  try {
    if (!sameStore(ours, await oursAgain)) {
      tx.abort();
      return null;
    }
    await mergeSorted(tx, { ...sorted, blacklist }, new Set(ours.keys), report, {});
  } catch (error) {
    throw abortWith(tx, error);
  }
  return report;
}
