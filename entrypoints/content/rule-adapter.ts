import { applyRule, readWithRule, type LearnedRule } from '../../lib/sites/teach';
import { genericReplyButton } from '../../lib/sites/generic-read';
import type { SiteAdapter } from '../../lib/sites/types';

/** A site adapter made from a rule the seller taught by clicking one review. */
export function ruleAdapter(rule: LearnedRule): SiteAdapter {
  return {
    platform: 'generic',
    matchesUrl: () => true,
    findReviewRoots: (scope) => applyRule(scope, rule),
    read: (root, url) => readWithRule(root, rule, url),
    replyButton: genericReplyButton,
  };
}
