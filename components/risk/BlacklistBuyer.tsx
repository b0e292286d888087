import { useEffect, useState } from 'preact/hooks';
import { BLACKLIST_LIMITS, type BlacklistEntry } from '../../lib/cases/blacklist-codec';
import type { CasesRepository } from '../../lib/cases/repository';
import type { Case } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { isMaskedNick } from '../../lib/buyer-profiles';
import { rememberAddedBy, useAddedBy } from './added-by';
import { blacklistEntryFrom } from './blacklist-entry';

export interface BlacklistBuyerProps {
  caseItem: Case;
  repo: CasesRepository;
  busy: boolean;
  /** Runs the write (the panel shows progress and errors) and grades the case again. */
  onAdd: (entry: BlacklistEntry) => Promise<boolean>;
}

/** The case's buyer on the team blacklist: where it stands, or a short form to add them. */
export function BlacklistBuyer({ caseItem, repo, busy, onAdd }: BlacklistBuyerProps) {
  const { platform, buyerNick } = caseItem;
  const [listed, setListed] = useState<BlacklistEntry | null | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [addedBy, setAddedBy] = useAddedBy();
  const [problem, setProblem] = useState<{ messageKey: string; args: string[] } | null>(null);

  useEffect(() => {
    let live = true;
    if (!buyerNick || isMaskedNick(buyerNick)) setListed(null);
    else void repo.getBlacklisted(platform, buyerNick).then((entry) => live && setListed(entry ?? null), () => live && setListed(null));
    return () => {
      live = false;
    };
  }, [repo, platform, buyerNick, caseItem.updatedAt]);

  if (!buyerNick || isMaskedNick(buyerNick)) return <p class="muted" data-blacklist="masked">{t('risk_blacklist_masked')}</p>;
  if (listed) {
    return (
      <p class="risk-listed" data-blacklist="listed">
        {t('risk_blacklist_listed', [listed.addedAt.slice(0, 10), listed.addedBy, listed.reason])}
      </p>
    );
  }

  const add = async (event: Event) => {
    event.preventDefault();
    const result = blacklistEntryFrom({ platform, nick: buyerNick, reason, addedBy });
    if (!result.ok) return setProblem(result);
    setProblem(null);
    if (!(await onAdd(result.entry))) return;
    await rememberAddedBy(result.entry.addedBy);
    setReason('');
  };

  return (
    <form class="risk-blacklist-add" data-blacklist="form" onSubmit={add}>
      <label>
        {t('risk_blacklist_reason')}{' '}
        <input type="text" name="reason" value={reason} maxLength={BLACKLIST_LIMITS.reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label>
        {t('risk_blacklist_added_by')}{' '}
        <input type="text" name="addedBy" value={addedBy} maxLength={BLACKLIST_LIMITS.addedBy} onInput={(e) => setAddedBy((e.currentTarget as HTMLInputElement).value)} />
      </label>
      {problem && (
        <p class="risk-error" role="alert">
          {t(problem.messageKey, problem.args)}
        </p>
      )}
      <button type="submit" data-action="blacklist-add" disabled={busy || listed === undefined}>
        {t('risk_blacklist_add')}
      </button>
    </form>
  );
}
