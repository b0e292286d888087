import { browser } from 'wxt/browser';
import { isLearnedRule, ruleScopeMatches, type LearnedRule, type RuleScope } from './sites/teach';

/** A rule the seller taught by clicking one review, for one host and path pattern. */
export interface StoredRule {
  scope: RuleScope;
  rule: LearnedRule;
  savedAt: string;
}

const KEY = 'learnedRules';

function isStoredRule(value: unknown): value is StoredRule {
  const stored = value as StoredRule;
  return (
    typeof stored === 'object' && stored !== null && typeof stored.scope?.host === 'string' &&
    typeof stored.scope?.pathPattern === 'string' && isLearnedRule(stored.rule)
  );
}

export async function loadRules(): Promise<StoredRule[]> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return Array.isArray(stored) ? stored.filter(isStoredRule) : [];
}

/** Saves a rule, replacing any earlier rule for the same host and path pattern. */
export async function saveRule(scope: RuleScope, rule: LearnedRule, now = new Date()): Promise<StoredRule[]> {
  const next = [...(await removeRule(scope)), { scope, rule, savedAt: now.toISOString() }];
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Forgets the rule for one host and path pattern (the page goes back to its adapter or the detector). */
export async function removeRule(scope: RuleScope): Promise<StoredRule[]> {
  const next = (await loadRules()).filter((r) => r.scope.host !== scope.host || r.scope.pathPattern !== scope.pathPattern);
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export function ruleFor(rules: readonly StoredRule[], url: URL): StoredRule | null {
  return rules.find((r) => ruleScopeMatches(r.scope, url)) ?? null;
}
