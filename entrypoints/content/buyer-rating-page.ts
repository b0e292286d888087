import { sendMessage } from '../../lib/messaging/protocol';
import { isBuyerRatingPage, readBuyerRatingPage, type BuyerRatingProfile } from '../../lib/sites/taobao-buyer-rating';

/**
 * On a buyer's public rating page (rate.taobao.com/user-rate-*.htm), the numbers the seller is
 * looking at are handed to the background, which keeps them as the buyer's profile. Nothing is
 * fetched: Mend only reads a page the seller opened.
 */

/** The profile on this page, or null when this is not a rating page or it shows no readable table. */
export function readBuyerProfileHere(doc: ParentNode, url: URL): BuyerRatingProfile | null {
  if (!isBuyerRatingPage(url)) return null;
  try {
    return readBuyerRatingPage(doc, url);
  } catch (error) {
    // An unknown layout must not break the page or the rest of Mend.
    console.warn('[Mend] rating page', error);
    return null;
  }
}

/**
 * Reads the page and reports the profile. Resolves to the profile sent, or null when there was
 * nothing to send or the background could not be reached.
 */
export async function reportBuyerProfile(doc: ParentNode, url: URL): Promise<BuyerRatingProfile | null> {
  const profile = readBuyerProfileHere(doc, url);
  if (!profile) return null;
  try {
    await sendMessage('buyer.profile', { profile });
    return profile;
  } catch (error) {
    console.warn('[Mend] could not keep the buyer profile', error);
    return null;
  }
}
