import type { CasesRepository } from './repository';
import { encodedPart, exportHead, exportTail, writeCaseRange } from './export-text';

/**
 * A second thread that reads and writes out the cases from a key on, in its own read transaction
 * (in the dashboard a Worker; in tests the same code run in place).
 */
export interface CaseRangeWriter {
  /**
   * `started` settles once the helper's transaction has answered its first read; `done` gives the
   * cases' text (as from writeCaseRange, without brackets) and their count.
   */
  writeFrom(lower: string): { started: Promise<void>; done: Promise<{ parts: BlobPart[]; count: number }> };
}

/** Below this many cases a second thread costs more to start than it saves. */
export const PARALLEL_EXPORT_FROM = 4000;

/**
 * How long the page holds its transaction open for the helper's first read, once its own half is
 * written. The helper normally started long before; if it has not by then it is most likely queued
 * behind a write waiting on our transaction, and the export starts over on one thread.
 */
const HELPER_START_WAIT_MS = 3000;

/** The key the helper starts from: the upper half of the keys (null when splitting is not worth it). */
export function splitKey(keys: readonly string[], from = PARALLEL_EXPORT_FROM): string | null {
  return keys.length >= Math.max(from, 2) ? keys[keys.length >> 1] : null;
}

/**
 * The export file's pieces with the cases written by two threads: the page writes the keys below
 * the split, the helper the rest. The text is exactly that of exportCasesJson for the same store.
 * Resolves to null when the helper's read could not be shown to see the same store as ours (or the
 * helper failed); the caller then exports on one thread.
 *
 * Why the two transactions see one snapshot: ours (T) is created before the helper's (W) and is
 * kept open, by reading, until the helper reports that W has answered a read. IndexedDB schedules a
 * read/write transaction only after every overlapping transaction created before it has finished, and
 * a read-only one only after every overlapping read/write transaction created before it; Chromium
 * grants its per-store locks in that order. A write created before T committed before T began. A
 * write created after T cannot commit before T ends; and if one were created between T and W, W
 * could not start before it, so not while T is open. So no write commits between T's start and W's
 * first read, and none during W (a later write waits for W). The counts are checked as well.
 */
export async function exportCasesInParallel(
  repo: CasesRepository,
  helper: CaseRangeWriter,
  now = Date.now(),
  { splitFrom = PARALLEL_EXPORT_FROM, helperStartWaitMs = HELPER_START_WAIT_MS } = {},
): Promise<{ parts: BlobPart[]; count: number } | null> {
  const tx = repo.rawDatabase.transaction(['cases', 'blacklist'], 'readonly');
  tx.done.catch(() => undefined);
  const store = tx.objectStore('cases');
  const keys = await store.getAllKeys();
  const lower = splitKey(keys, splitFrom);
  if (lower === null) {
    tx.abort();
    return null;
  }
  const other = helper.writeFrom(lower);
  let helperStarted = false;
  let helperFailed = false;
  other.started.then(
    () => (helperStarted = true),
    () => (helperFailed = true),
  );
  other.done.catch(() => undefined);
  const parts: BlobPart[] = [exportHead(now)];
  const blacklist = tx.objectStore('blacklist').getAll();
  const ours = await writeCaseRange(store, IDBKeyRange.upperBound(lower, true), (piece) => parts.push(encodedPart(piece)));
  const tail = exportTail(await blacklist);
  // Keep T open with cheap reads until the helper's transaction has answered (see above).
  const deadline = performance.now() + helperStartWaitMs;
  while (!helperStarted && !helperFailed && performance.now() < deadline) await store.count(lower);
  await tx.done;
  if (!helperStarted) return null;
  let theirs: { parts: BlobPart[]; count: number };
  try {
    theirs = await other.done;
  } catch {
    return null;
  }
  if (ours + theirs.count !== keys.length) return null;
  parts.push(',', ...theirs.parts, tail);
  return { parts, count: keys.length };
}
