import { bucketsOf, caseText, currentSums } from './case-text';
import { exportHead, exportTail } from './export-text';
import type { CasesRepository } from './repository';

/** Texts per read: large enough to keep requests few, small enough that the store streams them. */
const TEXT_CHUNK = 2000;
const COMMA = 0x2c;

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

const ID_START = [...'{"id":'].map((ch) => ch.charCodeAt(0));
const encoder = new TextEncoder();

/** Whether `text` is the text of case `id`: it starts `{"id":<id as JSON>,`. */
export function isTextOf(text: Uint8Array, id: string): boolean {
  for (let i = 0; i < ID_START.length; i++) if (text[i] !== ID_START[i]) return false;
  const quoted = JSON.stringify(id);
  let at = ID_START.length;
  for (let i = 0; i < quoted.length; i++, at++) {
    const code = quoted.charCodeAt(i);
    if (code >= 0x80) return isTextOfEncoded(text, encoder.encode(quoted));
    if (text[at] !== code) return false;
  }
  return text[at] === COMMA;
}

function isTextOfEncoded(text: Uint8Array, quoted: Uint8Array): boolean {
  const at = ID_START.length;
  for (let i = 0; i < quoted.length; i++) if (text[at + i] !== quoted[i]) return false;
  return text[at + quoted.length] === COMMA;
}

function abandoned(tx: { abort(): void }): null {
  tx.abort();
  return null;
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
  const statsStore = tx.objectStore('case-stats');
  const sumsStore = tx.objectStore('case-text-sums');
  const [keys, statsKeys, stats, sumsKeys, sums] = await Promise.all([
    tx.objectStore('cases').getAllKeys(),
    statsStore.getAllKeys(),
    statsStore.getAll(),
    sumsStore.getAllKeys(),
    sumsStore.getAll(),
  ]);
  // A text that is not current (see currentSums) is made afresh from its case.
  const current = currentSums(bucketsOf(statsKeys, stats), bucketsOf(sumsKeys, sums));
  const fresh = new Map<string, Promise<Uint8Array>>();
  for (const id of keys) {
    if (current.has(id)) continue;
    const made = tx.objectStore('cases').get(id).then((c) => caseText(c!));
    made.catch(() => undefined);
    fresh.set(id, made);
  }
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
    // Each text names its case first: the chunk holds exactly the texts of these keys, in this order.
    if (chunk.length !== Math.min(TEXT_CHUNK, keys.length - from)) return abandoned(tx);
    for (let i = 0; i < chunk.length; i++) {
      const made = fresh.get(keys[from + i]);
      if (made) chunk[i] = await made;
      else if (!isTextOf(chunk[i], keys[from + i])) return abandoned(tx);
    }
    parts.push(joined(chunk, from > 0));
  }
  parts.push(exportTail(await blacklist));
  await tx.done;
  return { parts, count: keys.length };
}
