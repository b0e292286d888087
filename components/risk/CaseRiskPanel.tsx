import { useEffect, useState } from 'preact/hooks';
import { guidanceFor } from '../../lib/analysis/risk/guidance';
import type { BlacklistEntry } from '../../lib/cases/blacklist-codec';
import type { CasesRepository } from '../../lib/cases/repository';
import type { Case, EvidenceItem, ManualFacts } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { BlacklistBuyer } from './BlacklistBuyer';
import { EvidenceChecklist } from './EvidenceChecklist';
import { ManualFactsForm } from './ManualFactsForm';
import { announceCasesChanged, regradeBuyers, regradeCase } from './regrade';
import { RiskSummary } from './RiskSummary';

export interface CaseRiskPanelProps {
  caseItem: Case;
  repo: CasesRepository;
  /** The case as stored after each write (facts, evidence marks, a new risk grade). */
  onChanged?: (c: Case) => void;
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/**
 * Professional-critic risk of one case, for the seller only: the grade with its signals and
 * sources, the order facts the seller knows, the evidence to keep and what to do. Nothing here is
 * meant for the buyer or for a reply.
 */
export function CaseRiskPanel({ caseItem, repo, onChanged }: CaseRiskPanelProps) {
  const [current, setCurrent] = useState(caseItem);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  useEffect(() => setCurrent(caseItem), [caseItem]);
  useEffect(() => setNotice(null), [caseItem.id]);

  /** One write at a time; the stored case comes back into the view and to the host. */
  const run = async (write: () => Promise<Case>, done?: string): Promise<boolean> => {
    setBusy(true);
    try {
      const updated = await write();
      setCurrent(updated);
      setNotice(done ? { kind: 'ok', text: done } : null);
      onChanged?.(updated);
      announceCasesChanged();
      return true;
    } catch (error) {
      setNotice({ kind: 'error', text: t('risk_error', (error as Error).message) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const saveFacts = (facts: ManualFacts) =>
    run(async () => {
      await repo.setManualFacts(current.id, facts);
      return regradeCase(repo, current.id);
    }, t('risk_facts_saved'));

  const markEvidence = (item: EvidenceItem, done: boolean) => run(() => repo.markEvidence(current.id, item, done));

  const reassess = () => run(() => regradeCase(repo, current.id));

  const addToBlacklist = (entry: BlacklistEntry) =>
    run(async () => {
      await repo.putBlacklist([entry]);
      // Every case of this buyer changes grade, not only the one open here.
      await regradeBuyers(repo, [entry]);
      return (await repo.get(current.id)) ?? current;
    }, t('risk_blacklist_added'));

  const band = current.risk?.band ?? 'low';
  const { advice } = guidanceFor({ band });

  return (
    <section class="risk-panel" data-risk-panel data-band={current.risk?.band ?? ''} aria-busy={busy}>
      <h3>{t('risk_panel_title')}</h3>
      <p class="risk-private">{t('risk_panel_private')}</p>
      <RiskSummary risk={current.risk} />
      <button type="button" data-action="reassess" disabled={busy} onClick={reassess}>
        {t('risk_panel_reassess')}
      </button>
      {notice && (
        <p class={notice.kind === 'error' ? 'risk-error' : 'risk-ok'} role={notice.kind === 'error' ? 'alert' : 'status'} data-notice={notice.kind}>
          {notice.text}
        </p>
      )}

      <section class="risk-part">
        <h4>{t('risk_advice_title')}</h4>
        <ol class="risk-advice">
          {advice.map((item) => (
            <li key={item.id} data-advice={item.id}>
              {t(item.key)}
            </li>
          ))}
        </ol>
      </section>

      <EvidenceChecklist band={band} done={current.evidenceChecklist} busy={busy} onMark={markEvidence} />

      <section class="risk-part">
        <h4>{t('risk_facts_title')}</h4>
        <ManualFactsForm caseId={current.id} facts={current.manualFacts} busy={busy} onSave={saveFacts} />
      </section>

      <section class="risk-part">
        <h4>{t('risk_blacklist_title')}</h4>
        <BlacklistBuyer caseItem={current} repo={repo} busy={busy} onAdd={addToBlacklist} />
      </section>
    </section>
  );
}
