import type { RiskAssessment } from './assess';
import type { RiskBand } from './score';

/**
 * What the seller should collect and do, by band (the playbook's response to professional critics).
 * Data only: the UI renders labels with t(key) and keeps the done marks in the case.
 */

export type EvidenceItemId = 'screenshots' | 'chat_log' | 'logistics_proof' | 'call_records';

export interface EvidenceItem {
  id: EvidenceItemId;
  labelKey: string;
  /** What exactly to keep, so the appeal holds. */
  hintKey: string;
}

export const EVIDENCE_CHECKLIST: readonly EvidenceItem[] = [
  { id: 'screenshots', labelKey: 'risk_evidence_screenshots', hintKey: 'risk_evidence_screenshots_hint' },
  { id: 'chat_log', labelKey: 'risk_evidence_chat_log', hintKey: 'risk_evidence_chat_log_hint' },
  { id: 'logistics_proof', labelKey: 'risk_evidence_logistics_proof', hintKey: 'risk_evidence_logistics_proof_hint' },
  { id: 'call_records', labelKey: 'risk_evidence_call_records', hintKey: 'risk_evidence_call_records_hint' },
];

export type AdviceId =
  | 'solve_like_any_buyer'
  | 'keep_records'
  | 'no_money_for_revision'
  | 'collect_evidence'
  | 'appeal'
  | 'do_not_pay'
  | 'firm_explanation'
  | 'never_accuse';

export interface AdviceItem {
  id: AdviceId;
  key: string;
}

function advice(...ids: AdviceId[]): AdviceItem[] {
  return ids.map((id) => ({ id, key: `risk_advice_${id}` }));
}

/** In order of what to do first. Every band ends with the rule that the buyer is never accused. */
export const ADVICE_BY_BAND: Record<RiskBand, readonly AdviceItem[]> = {
  low: advice('solve_like_any_buyer', 'never_accuse'),
  watch: advice('solve_like_any_buyer', 'keep_records', 'no_money_for_revision', 'never_accuse'),
  high: advice('collect_evidence', 'appeal', 'do_not_pay', 'firm_explanation', 'never_accuse'),
};

export interface RiskGuidance {
  advice: readonly AdviceItem[];
  /** Empty for low: an ordinary unhappy buyer needs a solution, not a file. */
  evidence: readonly EvidenceItem[];
}

export function guidanceFor(assessment: Pick<RiskAssessment, 'band'>): RiskGuidance {
  return {
    advice: ADVICE_BY_BAND[assessment.band],
    evidence: assessment.band === 'low' ? [] : EVIDENCE_CHECKLIST,
  };
}
