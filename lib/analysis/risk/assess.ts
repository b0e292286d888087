import { analyze } from '../index';
import { SIGNAL_IDS } from './catalogue';
import { deriveSignals, type ExtortionFinding, type RiskSignal } from './derive';
import type { CriticFacts } from './facts';
import { scoreOf, type RiskBand } from './score';

/** The outcome for one review: for the seller's eyes only, never for a draft or the buyer. */
export interface RiskAssessment {
  /** 0–100; low 0–29, watch 30–69, high 70–100. */
  score: number;
  band: RiskBand;
  /** Strongest first. Empty when nothing speaks for a critic. */
  signals: RiskSignal[];
}

export interface AssessOptions {
  /**
   * The text analysis' extortion finding for `facts.text`. Pass the analysis the page already has
   * to avoid running it twice; when left out, `analyze(facts.text)` is run here.
   */
  extortion?: ExtortionFinding;
}

const ORDER = new Map(SIGNAL_IDS.map((id, index) => [id, index]));

/** Professional-critic risk of one review from the facts Mend has gathered. */
export function assessRisk(facts: CriticFacts, options: AssessOptions = {}): RiskAssessment {
  const extortion = options.extortion ?? analyze(facts.text, { rating: facts.rating });
  const signals = deriveSignals(facts, extortion).sort((a, b) => b.weight - a.weight || ORDER.get(a.id)! - ORDER.get(b.id)!);
  return { ...scoreOf(signals), signals };
}
