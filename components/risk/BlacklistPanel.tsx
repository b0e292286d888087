import { useEffect, useState } from 'preact/hooks';
import {
  BLACKLIST_LIMITS,
  exportBlacklistCsv,
  exportBlacklistJson,
  importBlacklist,
  type BlacklistEntry,
  type BlacklistProblem,
} from '../../lib/cases/blacklist-codec';
import type { CasesRepository } from '../../lib/cases/repository';
import { t } from '../../lib/i18n';
import type { Platform } from '../../lib/sites/types';
import { FILTER_PLATFORMS, platformLabel } from '../cases/labels';
import { downloadText } from '../cases/TransferPanel';
import { rememberAddedBy, useAddedBy } from './added-by';
import { blacklistEntryFrom } from './blacklist-entry';
import { announceCasesChanged, regradeBuyers } from './regrade';

type Outcome =
  | { kind: 'ok'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'rejected'; problems: BlacklistProblem[] }
  | null;

function stamp(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const newestFirst = (a: BlacklistEntry, b: BlacklistEntry) => b.addedAt.localeCompare(a.addedAt) || a.nick.localeCompare(b.nick);

/**
 * The team blacklist: who is on it and why, and the files a team passes around. An import is all
 * or nothing: a file with one bad entry changes nothing and says what to fix.
 */
export function BlacklistPanel({ repo }: { repo: CasesRepository }) {
  const [entries, setEntries] = useState<BlacklistEntry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [platform, setPlatform] = useState<Platform>('qianniu');
  const [nick, setNick] = useState('');
  const [reason, setReason] = useState('');
  const [addedBy, setAddedBy] = useAddedBy();

  const reload = async () => setEntries((await repo.listBlacklist()).sort(newestFirst));
  useEffect(() => {
    void reload().catch((error) => setOutcome({ kind: 'error', text: t('risk_error', (error as Error).message) }));
  }, [repo]);

  /** A write, then the affected buyers' cases graded again and everyone told. */
  const change = async (write: () => Promise<{ buyers: { platform: Platform; nick: string }[]; done: string }>): Promise<boolean> => {
    setBusy(true);
    try {
      const { buyers, done } = await write();
      await regradeBuyers(repo, buyers);
      await reload();
      setOutcome({ kind: 'ok', text: done });
      announceCasesChanged();
      return true;
    } catch (error) {
      setOutcome({ kind: 'error', text: t('risk_error', (error as Error).message) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const result = blacklistEntryFrom({ platform, nick, reason, addedBy });
    if (!result.ok) return setOutcome({ kind: 'error', text: t(result.messageKey, result.args) });
    const { entry } = result;
    const added = await change(async () => {
      await repo.putBlacklist([entry]);
      return { buyers: [entry], done: t('blacklist_added', entry.nick) };
    });
    if (!added) return;
    await rememberAddedBy(entry.addedBy);
    setNick('');
    setReason('');
  };

  const remove = (entry: BlacklistEntry) =>
    change(async () => {
      await repo.removeBlacklist(entry.platform, entry.nick);
      return { buyers: [entry], done: t('blacklist_removed', entry.nick) };
    });

  const importFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const text = await file.text();
    const format = /\.json$/i.test(file.name) ? 'json' : /\.csv$/i.test(file.name) ? 'csv' : undefined;
    const parsed = importBlacklist(text, format);
    if (!parsed.ok) return setOutcome({ kind: 'rejected', problems: parsed.problems });
    await change(async () => {
      // One transaction: a failed write leaves the list as it was.
      await repo.putBlacklist(parsed.entries);
      return { buyers: parsed.entries, done: t('blacklist_imported', [String(parsed.entries.length), String(parsed.duplicatesDropped)]) };
    });
  };

  const download = (kind: 'json' | 'csv') => {
    const list = entries ?? [];
    if (kind === 'json') downloadText(exportBlacklistJson(list), `mend-blacklist-${stamp()}.json`, 'application/json');
    else downloadText(exportBlacklistCsv(list), `mend-blacklist-${stamp()}.csv`, 'text/csv;charset=utf-8');
    setOutcome({ kind: 'ok', text: t('blacklist_exported', String(list.length)) });
  };

  return (
    <section class="blacklist-panel" data-blacklist-panel aria-busy={busy}>
      <h2>{t('blacklist_title')}</h2>
      <p class="risk-private">{t('blacklist_intro')}</p>

      <div class="blacklist-tools">
        <label class="file-button">
          {t('blacklist_import')}{' '}
          <input type="file" accept=".csv,.json,text/csv,application/json" data-action="blacklist-import" disabled={busy} onChange={importFile} />
        </label>
        <button type="button" data-action="blacklist-export-json" disabled={busy || entries === null} onClick={() => download('json')}>
          {t('blacklist_export_json')}
        </button>
        <button type="button" data-action="blacklist-export-csv" disabled={busy || entries === null} onClick={() => download('csv')}>
          {t('blacklist_export_csv')}
        </button>
      </div>

      <OutcomeView outcome={outcome} />

      <form class="blacklist-add" onSubmit={add}>
        <h3>{t('blacklist_add_title')}</h3>
        <select name="platform" value={platform} onChange={(e) => setPlatform((e.currentTarget as HTMLSelectElement).value as Platform)}>
          {FILTER_PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {platformLabel(p)}
            </option>
          ))}
        </select>
        <input type="text" name="nick" placeholder={t('blacklist_nick')} aria-label={t('blacklist_nick')} value={nick} maxLength={BLACKLIST_LIMITS.nick} onInput={(e) => setNick((e.currentTarget as HTMLInputElement).value)} />
        <input type="text" name="reason" placeholder={t('risk_blacklist_reason')} aria-label={t('risk_blacklist_reason')} value={reason} maxLength={BLACKLIST_LIMITS.reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
        <input type="text" name="addedBy" placeholder={t('risk_blacklist_added_by')} aria-label={t('risk_blacklist_added_by')} value={addedBy} maxLength={BLACKLIST_LIMITS.addedBy} onInput={(e) => setAddedBy((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="primary" data-action="blacklist-add" disabled={busy}>
          {t('blacklist_add')}
        </button>
      </form>

      <BlacklistTable entries={entries} busy={busy} onRemove={remove} />
    </section>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  if (outcome.kind === 'rejected') {
    return (
      <div class="risk-error" role="alert" data-blacklist-outcome="rejected">
        <p>{t('blacklist_import_failed')}</p>
        <ul>
          {outcome.problems.map((problem, index) => (
            <li key={index} data-problem={problem.messageKey}>
              {t(problem.messageKey, problem.args)}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <p class={outcome.kind === 'ok' ? 'risk-ok' : 'risk-error'} role={outcome.kind === 'ok' ? 'status' : 'alert'} data-blacklist-outcome={outcome.kind}>
      {outcome.text}
    </p>
  );
}

function BlacklistTable({ entries, busy, onRemove }: { entries: BlacklistEntry[] | null; busy: boolean; onRemove: (e: BlacklistEntry) => void }) {
  if (entries === null) return <p class="loading">{t('blacklist_loading')}</p>;
  if (entries.length === 0) return <p class="empty">{t('blacklist_empty')}</p>;
  return (
    <>
      <p class="muted">{t('blacklist_count', String(entries.length))}</p>
      <table class="blacklist-table">
        <thead>
          <tr>
            <th>{t('blacklist_col_platform')}</th>
            <th>{t('blacklist_col_nick')}</th>
            <th>{t('blacklist_col_reason')}</th>
            <th>{t('blacklist_col_date')}</th>
            <th>{t('blacklist_col_by')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.platform}:${entry.nick}`} data-blacklist-entry={`${entry.platform}:${entry.nick}`}>
              <td>{platformLabel(entry.platform)}</td>
              <td>{entry.nick}</td>
              <td class="reason">{entry.reason}</td>
              <td>{entry.addedAt.slice(0, 10)}</td>
              <td>{entry.addedBy}</td>
              <td>
                <button type="button" data-action="blacklist-remove" disabled={busy} onClick={() => onRemove(entry)}>
                  {t('blacklist_remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
