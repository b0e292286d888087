/**
 * Reply drafts and the policy linter (issue 5). Pure: no DOM, no browser APIs, no network.
 *
 * - {@link generateDrafts} / {@link generateDraftsReport}: six draft kinds for one review.
 * - {@link lintReply}: policy findings for any reply text (drafts and the seller's edits).
 * - {@link renderTemplate} + {@link PLACEHOLDERS}: the seller's template overrides and their preview.
 * - {@link PLATFORM_RULES}: length limits, reply windows, revision-request and one-reply rules.
 */
export { generateDrafts, generateDraftsReport, orderCauses, type DraftsReport } from './generate';
export { lintReply, hasErrors } from './lint';
export { jaccard, DUPLICATE_THRESHOLD } from './lint/near-duplicate';
export { CLOSING_DAYS, daysLeft } from './lint/platform-limits';
export { renderTemplate, PLACEHOLDERS, type PlaceholderName, type RenderResult } from './template';
export { PLATFORM_RULES, platformRules, type PlatformRules } from './platform-rules';
export { DEFAULT_OFFERS, CAUSE_PRIORITY } from './playbook';
export { LANGS } from './lang';
export * from './types';
