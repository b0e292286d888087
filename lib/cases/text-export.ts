import { caseText, type TextSum } from './case-text';
import { exportHead, exportTail } from './export-text';
import { digestsIn } from './incoming-cases';
import type { CasesRepository } from './repository';
import { unpackBucket, type PackedBucket } from './stats-entry';

/** Texts per read: large enough to keep requests few, small enough that the store streams them. */
const TEXT_CHUNK = 2000;
const COMMA = 0x2c;

/**
 * The ids whose stored text cannot be trusted: its sum is missing, or was made from a case whose
 * digest is not the one the statistics entry holds now (a write that did not span the text stores),
 * or the case has no digest to tie its text to. Their text is made afresh from the case.
 */
export function staleTextIds(keys: readonly string[], stats: readonly PackedBucket[], sums: readonly PackedBucket[]): Set<string> {
  const current = digestsIn(stats);
  const sources = new Map<string, number | null>();
  for (const packed of sums) for (const sum of unpackBucket<TextSum>(packed)) sources.set(sum[0], sum[3]);
  const stale = new Set<string>();
  for (const id of keys) {
    const source = sources.get(id);
    if (source === undefined || source === null || source !== current.get(id)) stale.add(id);
  }
  return stale;
}

/** The texts of one chunk joined by commas into one array: one Blob part per chunk, not two per case. */
function joined(texts: readonly Uint8Array[], leadingComma: boolean): Uint8Array<ArrayBuffer> {
  let length = texts.length - 1 + (leadingComma ? 1 : 0);
  for (const text of texts) length += text.length;
  const out = new Uint8Array(length);
  let at = 0;
  texts.forEach((text, i) => {
    if (i > 0 || leadingComma) out[at++] = COMMA;
    out.set(text, at);
    at += text.length;
  });
  return out;
}

/**
 * The export file as Blob parts, from the stored texts of the cases: byte for byte what
 * exportCasesJson writes for the same store, without turning 50,000 stored cases into objects and
 * back into text. One read transaction, so texts, cases and blacklist are one snapshot. Resolves to
 * null when the texts are not there for exactly our cases (a store written around the repository):
 * the caller then exports from the cases.
 */
export async function exportCaseTexts(repo: CasesRepository, now = Date.now()): Promise<{ parts: BlobPart[]; count: number } | null> {
  const tx = repo.rawDatabase.transaction(['cases', 'case-stats', 'case-texts', 'case-text-sums', 'blacklist'], 'readonly');
  tx.done.catch(() => undefined);
  const texts = tx.objectStore('case-texts');
  const blacklist = tx.objectStore('blacklist').getAll();
  blacklist.catch(() => undefined);
  const [keys, textKeys, stats, sums] = await Promise.all([
    tx.objectStore('cases').getAllKeys(),
    texts.getAllKeys(),
    tx.objectStore('case-stats').getAll(),
    tx.objectStore('case-text-sums').getAll(),
  ]);
  if (keys.length !== textKeys.length || keys.some((id, i) => id !== textKeys[i])) {
    tx.abort();
    return null;
  }
  const stale = staleTextIds(keys, stats, sums);
  const fresh = new Map<string, Promise<Uint8Array>>();
  for (const id of stale) fresh.set(id, tx.objectStore('cases').get(id).then((c) => caseText(c!)));
  // Every chunk is asked for at once: the store reads the next while this thread joins the last.
  const chunks: Array<Promise<Uint8Array[]>> = [];
  for (let from = 0; from < keys.length; from += TEXT_CHUNK) {
    const chunk = texts.getAll(IDBKeyRange.bound(keys[from], keys[Math.min(from + TEXT_CHUNK, keys.length) - 1]));
    // A failure surfaces where the chunk is awaited (or in tx.done), never as an unhandled rejection.
    chunk.catch(() => undefined);
    chunks.push(chunk);
  }
  const parts: BlobPart[] = [exportHead(now)];
  for (let c = 0, from = 0; c < chunks.length; c++, from += TEXT_CHUNK) {
    const chunk = await chunks[c];
    for (let i = 0; i < chunk.length; i++) {
      const made = fresh.get(keys[from + i]);
      if (made) chunk[i] = await made;
    }
    parts.push(joined(chunk, from > 0));
  }
  parts.push(exportTail(await blacklist));
  await tx.done;
  return { parts, count: keys.length };
}
