import { useCallback, useState } from 'preact/hooks';
import type { CasesRepository } from '../../lib/cases/repository';
import type { Case } from '../../lib/cases/types';
import { sendMessage } from '../../lib/messaging/protocol';
import { scheduleReminder } from '../../lib/cases/reminders';
import { describeError } from './errors';

/**
 * Tells the rest of the extension a case changed: the background refreshes the badge, and the
 * case's reminder alarm follows its follow-up time. Neither may hide the write's own success.
 */
export async function announceCaseWrite(updated: Case): Promise<void> {
  const results = await Promise.allSettled([sendMessage('cases.changed', {}), scheduleReminder(updated)]);
  for (const result of results) {
    if (result.status === 'rejected') console.warn('[Mend] after case write', result.reason);
  }
}

export interface CaseWrite {
  busy: boolean;
  error: string | null;
  clearError: () => void;
  /** Runs one repository write; on success the updated case goes to `onDone`, on failure the error is shown. */
  run: (write: (repo: CasesRepository) => Promise<Case>, onDone?: (updated: Case) => void) => Promise<Case | null>;
}

export function useCaseWrite(
  repo: CasesRepository | null,
  onUpdated: (updated: Case) => void,
  /** After the background has heard of the write (its badge is current again). */
  onAnnounced?: () => void,
): CaseWrite {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback<CaseWrite['run']>(
    async (write, onDone) => {
      if (!repo) return null;
      setBusy(true);
      setError(null);
      try {
        const updated = await write(repo);
        onUpdated(updated);
        onDone?.(updated);
        void announceCaseWrite(updated).then(onAnnounced);
        return updated;
      } catch (failure) {
        setError(describeError(failure));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [repo, onUpdated, onAnnounced],
  );
  return { busy, error, clearError: () => setError(null), run };
}
