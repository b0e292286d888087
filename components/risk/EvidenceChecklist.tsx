import { EVIDENCE_CHECKLIST } from '../../lib/analysis/risk/guidance';
import type { Case, EvidenceItem, RiskBand } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { formatDateTime } from '../cases/labels';

export interface EvidenceChecklistProps {
  band: RiskBand;
  done: Case['evidenceChecklist'];
  busy: boolean;
  onMark: (item: EvidenceItem, done: boolean) => void;
}

/**
 * What to keep for an appeal, with when each item was collected. For a low-risk case it stays
 * folded (an ordinary unhappy buyer needs a solution, not a file) but marks made earlier remain.
 */
export function EvidenceChecklist({ band, done, busy, onMark }: EvidenceChecklistProps) {
  const items = (
    <ul class="risk-evidence">
      {EVIDENCE_CHECKLIST.map((item) => {
        const at = done[item.id];
        return (
          <li key={item.id} data-evidence-item={item.id} data-done={at !== undefined}>
            <label>
              <input type="checkbox" checked={at !== undefined} disabled={busy} onChange={(e) => onMark(item.id, (e.currentTarget as HTMLInputElement).checked)} />{' '}
              {t(item.labelKey)}
            </label>
            {at !== undefined && <span class="muted"> · {t('risk_evidence_done', formatDateTime(at))}</span>}
            <div class="risk-hint muted">{t(item.hintKey)}</div>
          </li>
        );
      })}
    </ul>
  );
  if (band !== 'low') {
    return (
      <section class="risk-part">
        <h4>{t('risk_evidence_title')}</h4>
        {items}
      </section>
    );
  }
  return (
    <details class="risk-part">
      <summary>
        {t('risk_evidence_title')} <span class="muted">· {t('risk_evidence_low_note')}</span>
      </summary>
      {items}
    </details>
  );
}
