/** Professional-critic (职业差评师) risk: facts in, an explainable band out. Pure, no DOM. */
export { assessRisk, type AssessOptions, type RiskAssessment } from './assess';
export { SIGNALS, SIGNAL_IDS, SIGNAL_SOURCES, signalMessageKey, sourceMessageKey, type SignalId, type SignalKind, type SignalSource, type SignalTier } from './catalogue';
export { deriveSignals, THRESHOLDS, CHEAP_ITEM_PRICE, type ExtortionFinding, type RiskSignal } from './derive';
export { parseCriticFacts, CONTACT_OUTCOMES, type CriticFacts, type BuyerFacts, type OrderFacts, type ContactFact, type HistoryFacts, type GivenRatings, type ContactOutcome } from './facts';
export { ADVICE_BY_BAND, EVIDENCE_CHECKLIST, guidanceFor, type AdviceItem, type EvidenceItem, type RiskGuidance } from './guidance';
export { bandOf, scoreOf, BAND_BASE, RISK_BANDS, type RiskBand } from './score';
export { findSimilarTexts, textSimilarity, SIMILARITY_THRESHOLD, MIN_COMPARABLE_CHARS, type RecentText } from './similar-texts';
export { adLawPickingSpans, compensationDemandSpans } from './text-cues';
