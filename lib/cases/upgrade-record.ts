import { deriveIndexFields } from './derived';
import type { Case } from './types';

/**
 * Brings a stored case written by an older schema up to the current shape: workflow fields that did
 * not exist yet get their empty value, derived index fields are recomputed. Never drops a field, so a
 * newer record read by this code loses nothing either.
 */
export function upgradeCaseRecord(stored: Record<string, unknown>): Case {
  const c = { ...stored } as unknown as Case;
  c.initialRating ??= c.rating;
  c.causes ??= [];
  c.evidence ??= {};
  c.negativity ??= 0;
  c.extortion ??= false;
  c.extortionEvidence ??= [];
  c.text ??= '';
  c.canReply ??= false;
  c.pageUrl ??= '';
  c.state ??= 'new';
  c.history ??= [{ from: null, to: c.state, at: c.createdAt }];
  c.flags = { publicReplyPosted: c.flags?.publicReplyPosted ?? false, appealFiled: c.flags?.appealFiled ?? false };
  c.contacts ??= [];
  c.remedies ??= [];
  c.notes ??= [];
  c.manualFacts ??= {};
  c.evidenceChecklist ??= {};
  c.firstSeenAt ??= c.createdAt;
  c.lastSeenAt ??= c.updatedAt ?? c.createdAt;
  c.updatedAt ??= c.createdAt;
  return deriveIndexFields(c);
}
