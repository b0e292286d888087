import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buyerProfileHandlers } from '../../../entrypoints/background/buyer-profiles';
import { buyerProfileKey, loadBuyerProfile, parseBuyerProfile, saveBuyerProfile } from '../../../lib/buyer-profiles';
import { readBuyerProfileHere, reportBuyerProfile } from '../../../entrypoints/content/buyer-rating-page';
import { BUYER_PROFILE_MAX_AGE_MS, caseFacts, recentTexts, refreshCaseRisk } from '../../../lib/case-risk';
import { listen } from '../../../lib/messaging/protocol';
import type { BuyerRatingProfile } from '../../../lib/sites/taobao-buyer-rating';
import { NOW, seedCase, store } from './helpers';

function page(name: string): Document {
  const html = readFileSync(join(process.cwd(), 'test/fixtures/taobao-buyer-rating', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

const CRITIC_URL = new URL('https://rate.taobao.com/user-rate-UvCkYvGv0OmkyMQTT.htm');
const SELLER_URL = new URL('https://rate.taobao.com/user-rate-UMGNbvFvLOmcT.htm?spm=a1z0b.3.0.0');
const HIDDEN_URL = new URL('https://rate.taobao.com/user-rate-UxHidden01.htm');

function criticProfile(seenAt = new Date(NOW).toISOString()): BuyerRatingProfile {
  return { ...readBuyerProfileHere(page('buyer-critic-pattern.html'), CRITIC_URL)!, seenAt };
}

/** The handler registered as the background registers it, over fake runtime messaging. */
async function withBackground() {
  const { repo } = await store();
  const stop = listen(buyerProfileHandlers({ repo: async () => repo, now: () => NOW }));
  return { repo, stop };
}

describe('buyer profile from the public rating page', () => {
  it('reads the fixtures: a critic pattern, a seller who also buys, and nothing from a hidden page or another URL', () => {
    const critic = readBuyerProfileHere(page('buyer-critic-pattern.html'), CRITIC_URL)!;
    expect(critic).toMatchObject({ nick: 'tb_1839xq2', userId: 'UvCkYvGv0OmkyMQTT', given: { halfYear: { good: 9, medium: 4, bad: 11 } } });
    expect(critic.badRatedShopsSeen).toHaveLength(5);
    const seller = readBuyerProfileHere(page('seller-and-buyer.html'), SELLER_URL)!;
    expect(seller.nick).toBe('老陈家的杂货铺');
    expect(seller.creditLevel).toBe('b_red_5');
    expect(readBuyerProfileHere(page('rating-hidden.html'), HIDDEN_URL)).toBeNull();
    expect(readBuyerProfileHere(page('buyer-critic-pattern.html'), new URL('https://myseller.taobao.com/home.htm'))).toBeNull();
  });

  it('the content script reports it and the background keeps it under the account, shared by Qianniu and classic Taobao', async () => {
    const { stop } = await withBackground();
    const sent = await reportBuyerProfile(page('buyer-critic-pattern.html'), CRITIC_URL);
    expect(sent?.nick).toBe('tb_1839xq2');
    const key = buyerProfileKey('taobao_classic', 'tb_1839xq2');
    expect(key).toBe(buyerProfileKey('qianniu', 'tb_1839xq2'));
    expect((await fakeBrowser.storage.local.get(key))[key]).toEqual(sent);
    expect(await loadBuyerProfile('qianniu', 'tb_1839xq2')).toEqual(sent);
    expect(await loadBuyerProfile('taobao_classic', 'tb_1839xq2')).toEqual(sent);
    // Same storage slot, but a profile only answers for the exact name it was read under.
    expect(await loadBuyerProfile('qianniu', 'TB_1839XQ2')).toBeUndefined();
    expect(await loadBuyerProfile('pinduoduo', 'tb_1839xq2')).toBeUndefined();
    stop();
  });

  it('nothing is sent from a page without a readable table', async () => {
    const { stop } = await withBackground();
    expect(await reportBuyerProfile(page('rating-hidden.html'), HIDDEN_URL)).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    stop();
  });

  it('a stored profile grades the buyer\'s existing cases again at once', async () => {
    const { repo, stop } = await withBackground();
    const seeded = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_1839xq2', text: '杯子漏水' });
    const masked = await seedCase(repo, { reviewId: 'r2', buyerNick: 't***2', text: '杯子漏水' });
    expect(seeded.risk?.band).toBe('low');
    await reportBuyerProfile(page('buyer-critic-pattern.html'), CRITIC_URL);
    const graded = (await repo.get(seeded.id))!;
    expect(graded.risk?.band).toBe('high');
    expect(graded.risk!.signals.map((s) => s.id)).toEqual(expect.arrayContaining(['history.many_bad_given', 'history.many_shops']));
    expect((await repo.get(masked.id))!.risk?.band).toBe('low');
    stop();
  });

  it('refuses forged or broken profiles and masked nicks', async () => {
    const { stop } = await withBackground();
    const good = criticProfile();
    const handler = buyerProfileHandlers({ repo: async () => (await store()).repo })['buyer.profile']!;
    // Sent from any page but the rating page itself: ignored.
    await handler({ profile: good }, { url: 'https://evil.example/user-rate-UvCkYvGv0OmkyMQTT.htm' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});

    expect(parseBuyerProfile({ ...good, given: { halfYear: { good: -1, medium: 0, bad: 0 } } })).toBeNull();
    expect(parseBuyerProfile({ ...good, pageUrl: 'https://evil.example/x' })).toBeNull();
    expect(parseBuyerProfile({ ...good, given: {} })).toBeNull();
    expect(parseBuyerProfile({ ...good, userId: '../../x' })).toBeNull();
    expect(parseBuyerProfile({ ...good, extra: '<img onerror>' })).toEqual(good);
    expect(await saveBuyerProfile({ ...good, nick: '王**' })).toBe(false);
    expect(await saveBuyerProfile({ ...good, nick: undefined })).toBe(false);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    stop();
  });
});

describe('caseFacts with a stored buyer profile', () => {
  const lookup = (profile: BuyerRatingProfile) => async () => profile;

  it('uses an exactly matching profile for given ratings and shops, and it decides the grade', async () => {
    const { repo } = await store();
    const c = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_1839xq2', buyerCredit: 'b_blue_1' });
    const facts = await caseFacts(repo, c, [], NOW, lookup(criticProfile()));
    expect(facts.buyer).toEqual({
      nick: 'tb_1839xq2',
      creditLevel: 'b_blue_1',
      givenRatings: { good: 9, medium: 4, bad: 11, windowDays: 182 },
      distinctShopsBadRated: 5,
    });
    const risk = await refreshCaseRisk(repo, c, await recentTexts(repo, NOW), NOW, lookup(criticProfile()));
    expect(risk.band).toBe('high');
  });

  it('ignores the profile for another nick, a masked nick, or when it is too old', async () => {
    const { repo } = await store();
    const other = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_1839xq3' });
    expect((await caseFacts(repo, other, [], NOW, lookup(criticProfile()))).buyer).toEqual({ nick: 'tb_1839xq3', creditLevel: 'b_blue_4' });

    // Even a profile stored under the masked name (never saved that way, but say it were) is not used.
    const masked = await seedCase(repo, { reviewId: 'r2', buyerNick: 't***2' });
    const maskedProfile = { ...criticProfile(), nick: 't***2' };
    expect((await caseFacts(repo, masked, [], NOW, lookup(maskedProfile))).buyer?.givenRatings).toBeUndefined();

    const exact = await seedCase(repo, { reviewId: 'r3', buyerNick: 'tb_1839xq2' });
    const stale = criticProfile(new Date(NOW - BUYER_PROFILE_MAX_AGE_MS - 1).toISOString());
    expect((await caseFacts(repo, exact, [], NOW, lookup(stale))).buyer?.givenRatings).toBeUndefined();
  });

  it('by default reads the profile the background stored; a failing store leaves the history unknown', async () => {
    const { repo } = await store();
    const c = await seedCase(repo, { reviewId: 'r1', buyerNick: 'tb_1839xq2' });
    expect(c.risk?.band).toBe('low');
    await saveBuyerProfile(criticProfile());
    expect((await caseFacts(repo, c, [], NOW)).buyer?.distinctShopsBadRated).toBe(5);
    const failing = async () => {
      throw new Error('storage gone');
    };
    expect((await caseFacts(repo, c, [], NOW, failing)).buyer?.givenRatings).toBeUndefined();
  });
});
