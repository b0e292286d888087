import { firstResponseSla, followUpAt, replyWindow } from '../../lib/cases/time';
import type { Case } from '../../lib/cases/types';
import { isOpenState } from '../../lib/cases/types';

export type DeadlineKind = 'sla' | 'reply' | 'followup';

export interface PendingDeadline {
  kind: DeadlineKind;
  at: number;
  remainingMs: number;
  overdue: boolean;
  /** Within the next few hours: worth a warning colour before it is overdue. */
  soon: boolean;
}

const SOON_MS = 4 * 3_600_000;

/**
 * The deadline a row should show: the nearest one still pending. The stored `dueAt` orders the
 * list; this says which clock it is, so the seller knows what to do (answer, reply, call back).
 */
export function nearestDeadline(c: Case, now: number): PendingDeadline | null {
  if (!isOpenState(c.state)) return null;
  const candidates: Array<{ kind: DeadlineKind; at: number | undefined }> = [
    { kind: 'sla', at: firstResponseSla(c, now)?.deadline },
    { kind: 'reply', at: replyWindow(c, now)?.deadline },
    { kind: 'followup', at: followUpAt(c) },
  ];
  let best: PendingDeadline | null = null;
  for (const { kind, at } of candidates) {
    if (at === undefined || (best && best.at <= at)) continue;
    const remainingMs = at - now;
    best = { kind, at, remainingMs, overdue: remainingMs < 0, soon: remainingMs >= 0 && remainingMs < SOON_MS };
  }
  return best;
}
