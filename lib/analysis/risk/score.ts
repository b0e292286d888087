import { SIGNALS, type SignalId, type SignalSource } from './catalogue';

export type RiskBand = 'low' | 'watch' | 'high';
export const RISK_BANDS: readonly RiskBand[] = ['low', 'watch', 'high'];

/** Where each band's scores start; signal weights are added on top (they sum to at most 30). */
export const BAND_BASE: Record<RiskBand, number> = { low: 0, watch: 30, high: 70 };

type Scored = { id: SignalId; source: SignalSource; weight: number };

/**
 * Soft signals besides `except`, where everything found in the review text counts once: one angry
 * text that both threatens and demands money is one witness, not several. This is what keeps a
 * single review, however angry, out of the high band.
 */
function independentSoftSignals(signals: readonly Scored[], keep: (id: SignalId) => boolean): number {
  let fromElsewhere = 0;
  let fromText = false;
  for (const s of signals) {
    if (SIGNALS[s.id].kind !== 'soft' || !keep(s.id)) continue;
    if (s.source === 'review_text') fromText = true;
    else fromElsewhere++;
  }
  return fromElsewhere + (fromText ? 1 : 0);
}

/** The band rules of issue 6. Monotone: more signals can only keep or raise the band. */
export function bandOf(signals: readonly Scored[]): RiskBand {
  const has = (tier: string) => signals.some((s) => SIGNALS[s.id].tier === tier);
  const extortion = signals.some((s) => s.id === 'text.extortion');
  if (has('decisive')) return 'high';
  if (extortion && independentSoftSignals(signals, (id) => id !== 'text.extortion') >= 2) return 'high';
  if (has('weak') || has('alarm')) return 'watch';
  if (independentSoftSignals(signals, (id) => SIGNALS[id].tier === 'soft') >= 2) return 'watch';
  return 'low';
}

/** 0–100: the band's base plus the weights, so a score always reads the same as its band. */
export function scoreOf(signals: readonly Scored[]): { score: number; band: RiskBand } {
  // Most reviews raise no signal; the band rules' closures are worth sparing for them on a page of a thousand.
  if (signals.length === 0) return { score: BAND_BASE.low, band: 'low' };
  const band = bandOf(signals);
  const points = signals.reduce((sum, s) => sum + s.weight, 0);
  return { score: Math.min(100, BAND_BASE[band] + points), band };
}
