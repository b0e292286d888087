import { PROFILE_PLATFORMS, pageUrlOk, parseBuyerProfile, saveBuyerProfile } from '../../lib/buyer-profiles';
import { refreshBuyerCases } from '../../lib/case-risk';
import type { CasesRepository } from '../../lib/cases/repository';
import { sendMessage, type Handlers } from '../../lib/messaging/protocol';

export interface BuyerProfileHandlerOptions {
  repo: () => Promise<CasesRepository>;
  now?: () => number;
}

/**
 * The background's 'buyer.profile' handler: keeps the profile and grades the buyer's cases again,
 * so an open case shows the history as soon as the seller has looked at the rating page.
 * Register with `listen({ ...buyerProfileHandlers({ repo }), … })`.
 */
export function buyerProfileHandlers(options: BuyerProfileHandlerOptions): Pick<Handlers, 'buyer.profile'> {
  return {
    'buyer.profile': async ({ profile: sent }, sender) => {
      // Only the rating page itself may report a profile.
      if (sender.url !== undefined && !pageUrlOk(sender.url)) return;
      const profile = parseBuyerProfile(sent);
      if (!profile || !(await saveBuyerProfile(profile))) return;
      const db = await options.repo();
      const regraded = await refreshBuyerCases(db, [...PROFILE_PLATFORMS], profile.nick!, options.now?.() ?? Date.now());
      // Open dashboards follow; nobody listening is fine.
      if (regraded > 0) await sendMessage('cases.changed', {}).catch(() => undefined);
    },
  };
}
