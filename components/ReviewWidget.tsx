import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Analysis, CauseId } from '../lib/analysis/types';
import { t } from '../lib/i18n';
import type { ReviewSnapshot } from '../lib/sites/types';
import { EvidenceText } from './EvidenceText';

export interface RiskSignalView {
  id: string;
  kind: 'hard' | 'soft';
  detail: string;
  source?: string;
}

export interface RiskView {
  band: 'low' | 'watch' | 'high';
  score: number;
  signals: RiskSignalView[];
}

export interface ReviewWidgetProps {
  snapshot: ReviewSnapshot;
  analysis: Analysis;
  /** The text the analysis ran on (review plus follow-up), for evidence offsets. */
  analysedText: string;
  risk: RiskView;
  caseId: string | null;
  caseError?: string;
  onTrack(): void;
  /** The draft panel, rendered below the bar when the seller opens it. */
  renderDraftPanel?(): ComponentChildren;
}

function CauseChip({ cause, text, spans }: { cause: CauseId; text: string; spans: Analysis['evidence'][CauseId] }) {
  const [open, setOpen] = useState(false);
  const words = (spans ?? []).map(([s, e]) => text.slice(s, e));
  return (
    <span
      class="chip"
      data-cause={cause}
      tabIndex={0}
      title={words.length ? `${t('widget_evidence')} ${words.join('、')}` : undefined}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
    >
      {t(`cause_${cause}`)}
      {open && spans && spans.length > 0 && (
        <span class="popover" role="tooltip" data-evidence={cause}>
          <EvidenceText text={text} spans={spans} />
        </span>
      )}
    </span>
  );
}

function RiskBadge({ risk }: { risk: RiskView }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        class="risk"
        data-risk={risk.band}
        aria-expanded={open}
        title={t('widget_score', String(risk.score))}
        onClick={() => setOpen(!open)}
      >
        {t(`risk_${risk.band}`)}
      </button>
      {open && (
        <div class="panel" data-panel="risk">
          <div class="muted">{t('widget_risk_signals')}</div>
          {risk.signals.length === 0 ? (
            <div>{t('widget_risk_none')}</div>
          ) : (
            <ul>
              {risk.signals.map((signal) => (
                <li key={signal.id} data-signal={signal.id}>
                  {signal.detail}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}

export function ReviewWidget(props: ReviewWidgetProps) {
  const { snapshot, analysis, analysedText, risk, caseId } = props;
  const [draftOpen, setDraftOpen] = useState(false);
  const unhappy = snapshot.rating === 'medium' || snapshot.rating === 'bad' || (snapshot.rating === 'unknown' && analysis.negative);
  const causes = unhappy ? analysis.causes : [];
  return (
    <div class="root" lang={analysis.lang}>
      <div class="bar">
        <span class="brand">{t('widget_label')}</span>
        {unhappy && causes.length === 0 && <span class="muted">{t('widget_no_cause')}</span>}
        {causes.map((cause) => (
          <CauseChip key={cause} cause={cause} text={analysedText} spans={analysis.evidence[cause]} />
        ))}
        {analysis.extortion && <span class="extortion" data-extortion="true">{t('widget_extortion')}</span>}
        <RiskBadge risk={risk} />
        <button type="button" class="action" data-action="draft" aria-pressed={draftOpen} onClick={() => setDraftOpen(!draftOpen)}>
          {t('widget_draft')}
        </button>
        <button type="button" class="action" data-action="track" aria-pressed={caseId !== null} onClick={props.onTrack}>
          {caseId ? t('widget_tracked') : t('widget_track')}
        </button>
      </div>
      {props.caseError && <div class="error">{t('widget_case_error', props.caseError)}</div>}
      {draftOpen && props.renderDraftPanel && <div class="panel" data-panel="draft">{props.renderDraftPanel()}</div>}
    </div>
  );
}
