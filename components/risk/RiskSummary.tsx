import { sourceMessageKey, type SignalSource } from '../../lib/analysis/risk/catalogue';
import type { CaseRisk, RiskSignal } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { formatDateTime, riskLabel } from '../cases/labels';

/** Stored signals carry the i18n key and its args (lib/analysis/risk); older ones only the English detail. */
type StoredSignal = RiskSignal & { messageKey?: string; args?: string[] };

function translated(key: string | undefined, args: string[] | undefined, fallback: string): string {
  if (!key) return fallback;
  const text = t(key, args ?? []);
  return text === key ? fallback : text;
}

export function signalText(signal: StoredSignal): string {
  return translated(signal.messageKey, signal.args, signal.detail);
}

export function sourceText(source: string): string {
  return translated(sourceMessageKey(source as SignalSource), [], source);
}

/** The band, the score and every signal with where it came from; strongest first. */
export function RiskSummary({ risk }: { risk: CaseRisk | undefined }) {
  if (!risk) return <p class="risk-none" data-risk-band="">{t('risk_panel_not_assessed')}</p>;
  const signals = [...risk.signals].sort((a, b) => b.weight - a.weight);
  return (
    <div class="risk-summary">
      <p class="risk-head">
        <span class={`risk-band risk-${risk.band}`} data-risk-band={risk.band}>
          {riskLabel(risk.band)}
        </span>{' '}
        <span class="risk-score" data-risk-score={risk.score}>
          {t('risk_panel_score', String(risk.score))}
        </span>{' '}
        <span class="muted">{t('risk_panel_assessed_at', formatDateTime(risk.assessedAt))}</span>
      </p>
      {signals.length === 0 ? (
        <p class="muted">{t('risk_panel_no_signals')}</p>
      ) : (
        <ul class="risk-signals">
          {signals.map((signal) => (
            <li key={signal.id} data-signal={signal.id} data-kind={signal.kind}>
              <span class={`risk-kind risk-kind-${signal.kind}`}>{t(`risk_kind_${signal.kind}`)}</span> {signalText(signal)}
              <span class="risk-source muted"> · {t('risk_signal_source', sourceText(signal.source))}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
