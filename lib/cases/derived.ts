import { caseDueAt } from './time';
import type { Case } from './types';
import { isOpenState } from './types';

/** Recomputes the stored, derived fields the indexes use; every write and every migration goes through here. */
export function deriveIndexFields(c: Case): Case {
  const open = isOpenState(c.state);
  c.isOpen = open ? 1 : 0;
  c.dueAt = caseDueAt(c);
  c.urgencyKey = open ? [0, c.dueAt, c.id] : [1, -(c.closedAt ?? c.updatedAt), c.id];
  c.recentKey = [-c.updatedAt, c.id];
  return c;
}
