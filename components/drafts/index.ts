export { DraftPanel, type DraftPanelProps } from './DraftPanel';
export type { ContactFact, ReviewFacts } from './draft-input';
export { draftPanelCss } from './draft-panel-css';
export { draftFactsFromCase } from './case-facts';
export { draftPanelRenderer, type DraftPanelWiring } from './wire';
