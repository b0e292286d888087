import { recentTexts, refreshCaseRisk } from '../../lib/case-risk';
import { accountPlatforms } from '../../lib/cases/blacklist-codec';
import type { CasesRepository } from '../../lib/cases/repository';
import type { Case } from '../../lib/cases/types';
import { sendMessage } from '../../lib/messaging/protocol';
import type { Platform } from '../../lib/sites/types';

/** Grades one case again after the seller changed what Mend knows about it, and returns it as stored. */
export async function regradeCase(repo: CasesRepository, id: string, now = Date.now()): Promise<Case> {
  const current = await repo.get(id);
  if (!current) throw new Error(`Case ${id} is gone`);
  await refreshCaseRisk(repo, current, await recentTexts(repo, now), now);
  return (await repo.get(id)) ?? current;
}

/** Up to this many buyers are looked up one by one; a larger import reads the cases once instead. */
const LOOKUP_BUYERS = 50;

const buyerKey = (platform: Platform, nick: string) => `${platform}\u0000${nick}`;

/** Grades the cases of every listed buyer again (the blacklist changed for them). Returns how many. */
export async function regradeBuyers(repo: CasesRepository, buyers: readonly { platform: Platform; nick: string }[], now = Date.now()): Promise<number> {
  // A Taobao entry counts on Qianniu and on the classic pages alike.
  const expanded = buyers.flatMap((b) => accountPlatforms(b.platform).map((platform) => ({ platform, nick: b.nick })));
  const wanted = new Map(expanded.map((b) => [buyerKey(b.platform, b.nick), b]));
  const cases =
    wanted.size <= LOOKUP_BUYERS
      ? (await Promise.all([...wanted.values()].map((b) => repo.listByBuyer(b.platform, b.nick)))).flat()
      : (await repo.all()).filter((c) => c.buyerNick !== undefined && wanted.has(buyerKey(c.platform, c.buyerNick)));
  if (cases.length === 0) return 0;
  const recent = await recentTexts(repo, now);
  for (const c of cases) await refreshCaseRisk(repo, c, recent, now);
  return cases.length;
}

/** Other extension pages and the background follow; no listener (tests, a closed background) is fine. */
export function announceCasesChanged(): void {
  void sendMessage('cases.changed', {}).catch(() => undefined);
}
