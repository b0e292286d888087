/** Critic-risk views for extension pages (the dashboard): drop-in, each with its own data access. */
export { CaseRiskPanel, type CaseRiskPanelProps } from './CaseRiskPanel';
export { BlacklistPanel } from './BlacklistPanel';
