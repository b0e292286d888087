import type { CaseRangeWriter } from './parallel-export';
import type { SecondHalfReader } from './parallel-import';
import type { SecondHalf } from './split-import';
import type { HelperReply, HelperRequest } from './transfer-helper-messages';

/**
 * Starts the transfer worker, or null where there are no workers (or it cannot be created): the
 * caller then does all the work on its own thread, as before.
 */
export function startTransferWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./transfer-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** A promise with its settling functions at hand, for answers that arrive as messages. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Sends one request and passes on its replies; a failure reply or a worker error goes to `onError`. */
function ask(worker: Worker, request: HelperRequest, onReply: (reply: HelperReply) => void, onError: (error: Error) => void): void {
  worker.addEventListener('message', (event: MessageEvent<HelperReply>) => {
    if (event.data.kind === 'failed') onError(new Error(event.data.message));
    else onReply(event.data);
  });
  worker.addEventListener('error', (event) => onError(new Error(event.message || 'transfer worker failed')));
  worker.addEventListener('messageerror', () => onError(new Error('transfer worker message unreadable')));
  worker.postMessage(request);
}

/** The export's second thread in a worker; one export per worker. */
export function workerRangeWriter(worker: Worker): CaseRangeWriter {
  return {
    writeFrom(lower) {
      const started = deferred<void>();
      const done = deferred<{ parts: BlobPart[]; count: number }>();
      ask(
        worker,
        { kind: 'write-from', lower },
        (reply) => {
          if (reply.kind === 'started') started.resolve();
          else if (reply.kind === 'written') done.resolve({ parts: [reply.blob], count: reply.count });
        },
        (error) => {
          started.reject(error);
          done.reject(error);
        },
      );
      return { started: started.promise, done: done.promise };
    },
  };
}

/** The import's second thread in a worker; one import per worker. */
export function workerHalfReader(worker: Worker): SecondHalfReader {
  return {
    read(part, key, ours) {
      const half = deferred<SecondHalf | null>();
      ask(worker, { kind: 'read-second-half', part, key }, (reply) => reply.kind === 'second-half' && half.resolve(reply.half), half.reject);
      void ours.then((held) => worker.postMessage({ kind: 'ours', ours: held } satisfies HelperRequest));
      return half.promise;
    },
  };
}
