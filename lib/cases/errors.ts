/**
 * Every failure of the case store surfaces as one of these, with a code the UI can translate, so a
 * storage problem is shown to the seller instead of disappearing.
 */
export type CasesErrorCode =
  /** Another tab holds an older version open; the upgrade waits until it closes. */
  | 'blocked'
  /** This connection was closed because a newer version of Mend wants to upgrade the database. */
  | 'closed'
  /** The stored database was written by a newer Mend (a downgrade); opening it would lose data. */
  | 'newer_version'
  /** IndexedDB itself failed (quota, disk, browser shutting down…). */
  | 'storage'
  | 'not_found'
  | 'invalid_transition'
  | 'invalid_input';

export class CasesError extends Error {
  readonly code: CasesErrorCode;

  constructor(code: CasesErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CasesError';
    this.code = code;
  }
}

/** Wraps a raw IndexedDB/DOM failure; our own errors pass through untouched. */
export function asCasesError(error: unknown): CasesError {
  if (error instanceof CasesError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : 'Error';
  const detail = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  if (name === 'VersionError') {
    return new CasesError('newer_version', `The case store was written by a newer version of Mend: ${detail}`, {
      cause: error,
    });
  }
  if (name === 'InvalidStateError') {
    return new CasesError('closed', `Case store connection is closed: ${detail}`, { cause: error });
  }
  return new CasesError('storage', `Case store failed (${name}): ${detail}`, { cause: error });
}

/**
 * Ends a failed write transaction and gives the error to throw: the original failure, wrapped.
 * A transaction that already finished cannot be aborted; its first error is still the one to report.
 */
export function abortWith(tx: { abort(): void }, error: unknown): CasesError {
  try {
    tx.abort();
  } catch {
    // Already over.
  }
  return asCasesError(error);
}
