import type { Case } from '../../lib/cases/types';
import type { ReviewFacts } from './draft-input';

/**
 * What a stored case adds to the drafts: the logged contacts (for the unreachable explanation), the
 * latest remedy offered, and whether a revision may be asked for. Only a buyer who agreed to revise
 * counts as solved-and-satisfied: the playbook asks for a revision after the problem is fixed, never before.
 */
export function draftFactsFromCase(c: Pick<Case, 'contacts' | 'remedies' | 'state'>): Pick<ReviewFacts, 'contacts' | 'remedy' | 'problemSolved' | 'buyerSatisfied'> {
  const latest = [...c.remedies].sort((a, b) => b.at - a.at)[0];
  const agreed = c.state === 'agreed_to_revise';
  return {
    contacts: c.contacts.map(({ at, channel, outcome }) => ({ at, channel, outcome })),
    remedy: latest ? { kind: latest.kind, amount: latest.amount, currency: latest.currency } : undefined,
    problemSolved: agreed,
    buyerSatisfied: agreed,
  };
}
