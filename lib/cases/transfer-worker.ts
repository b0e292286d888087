/**
 * The dashboard's second thread for export and import (see transfer-helper.ts). It opens the same
 * database by name, as a page of the extension's origin would, and closes it before answering last.
 */
import { openDB } from 'idb';
import { encodedPart, writeCasesFrom } from './export-text';
import { CASES_DB_NAME } from './early-open';
import type { MendDB } from './schema';
import { readSecondHalf } from './split-import';
import type { OurCases } from './incoming-cases';
import type { HelperReply, HelperRequest } from './transfer-helper-messages';

const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<HelperRequest>) => void): void;
  postMessage(message: HelperReply): void;
};

async function writeFrom(lower: string): Promise<void> {
  // No version: the page has opened (and if needed upgraded) the store already.
  const db = await openDB<MendDB>(CASES_DB_NAME);
  try {
    const { pieces, count } = await writeCasesFrom(db, lower, () => scope.postMessage({ kind: 'started' }), encodedPart);
    // A Blob crosses to the page by reference; the text was encoded here, off the page's thread.
    scope.postMessage({ kind: 'written', blob: new Blob(pieces, { type: 'application/json' }), count });
  } finally {
    db.close();
  }
}

let oursArrived: (ours: OurCases | null) => void = () => undefined;

async function readHalf(part: Blob, key: string): Promise<void> {
  const ours = new Promise<OurCases | null>((resolve) => (oursArrived = resolve));
  scope.postMessage({ kind: 'second-half', half: await readSecondHalf(part, key, ours) });
}

function handle(request: HelperRequest): Promise<void> {
  switch (request.kind) {
    case 'write-from':
      return writeFrom(request.lower);
    case 'read-second-half':
      return readHalf(request.part, request.key);
    case 'ours':
      oursArrived(request.ours);
      return Promise.resolve();
  }
}

scope.addEventListener('message', (event) => {
  handle(event.data).catch((error: unknown) => scope.postMessage({ kind: 'failed', message: String((error as Error)?.message ?? error) }));
});
