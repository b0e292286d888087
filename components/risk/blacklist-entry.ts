import { BLACKLIST_LIMITS, type BlacklistEntry } from '../../lib/cases/blacklist-codec';
import type { Platform } from '../../lib/sites/types';
import { isMaskedNick } from '../../lib/buyer-profiles';

export interface BlacklistDraft {
  platform: Platform;
  nick: string;
  reason: string;
  addedBy: string;
}

export type BlacklistEntryResult = { ok: true; entry: BlacklistEntry } | { ok: false; messageKey: string; args: string[] };

/**
 * An entry typed by the seller, checked with the same limits as an imported file. A masked nick
 * would match every buyer that shares the visible characters, so it is refused.
 */
export function blacklistEntryFrom(draft: BlacklistDraft, now = Date.now()): BlacklistEntryResult {
  const nick = draft.nick.trim();
  const reason = draft.reason.trim();
  const addedBy = draft.addedBy.trim();
  if (isMaskedNick(nick) || nick.length > BLACKLIST_LIMITS.nick) return { ok: false, messageKey: 'risk_blacklist_masked', args: [] };
  if (!reason || !addedBy) return { ok: false, messageKey: 'risk_blacklist_need_fields', args: [] };
  if (reason.length > BLACKLIST_LIMITS.reason || addedBy.length > BLACKLIST_LIMITS.addedBy) {
    return { ok: false, messageKey: 'risk_blacklist_too_long', args: [String(BLACKLIST_LIMITS.reason), String(BLACKLIST_LIMITS.addedBy)] };
  }
  return { ok: true, entry: { platform: draft.platform, nick, reason, addedAt: new Date(now).toISOString(), addedBy } };
}
