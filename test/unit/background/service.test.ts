import { IDBFactory } from 'fake-indexeddb';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { startBackground } from '../../../entrypoints/background/service';
import type { Analysis } from '../../../lib/analysis/types';
import { sendMessage } from '../../../lib/messaging/protocol';
import { saveSettings } from '../../../lib/settings';
import type { ReviewSnapshot } from '../../../lib/sites/types';

type Tab = Browser.tabs.Tab;

const analysis: Analysis = {
  lang: 'zh-Hans',
  negative: true,
  negativity: 0.9,
  causes: ['quality'],
  evidence: { quality: [[0, 2]] },
  extortion: false,
  extortionEvidence: [],
};

function snapshot(reviewId: string, rating: ReviewSnapshot['rating'], text = '质量差，用两天就坏了'): ReviewSnapshot {
  return {
    platform: 'qianniu',
    reviewId,
    rating,
    text,
    buyerNick: '王**',
    canReply: true,
    pageUrl: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC',
  };
}

describe('background service over messaging', () => {
  it('opens one case per medium/bad review, none for a good one, and counts them on the badge', async () => {
    const background = startBackground({ factory: new IDBFactory() });
    const statuses = await sendMessage('reviews.seen', {
      items: [
        { snapshot: snapshot('a', 'bad'), analysis },
        { snapshot: snapshot('b', 'medium'), analysis },
        { snapshot: snapshot('c', 'good', '很好'), analysis: { ...analysis, negative: false, causes: [], evidence: {} } },
      ],
    });
    expect(statuses.map((s) => s.caseId)).toEqual(['qianniu:a', 'qianniu:b', null]);
    expect(statuses.map((s) => s.created)).toEqual([true, true, false]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    background.stop();
  });

  it('never duplicates a case when the review is seen again', async () => {
    const background = startBackground({ factory: new IDBFactory() });
    await sendMessage('reviews.seen', { items: [{ snapshot: snapshot('a', 'bad'), analysis }] });
    const again = await sendMessage('reviews.seen', { items: [{ snapshot: snapshot('a', 'bad', '追加：还是坏的'), analysis }] });
    expect(again[0]).toMatchObject({ caseId: 'qianniu:a', created: false });
    const repo = await background.repo();
    expect(await repo.countOpen()).toBe(1);
    expect((await repo.get('qianniu:a'))?.text).toBe('追加：还是坏的');
    background.stop();
  });

  it('respects the auto-open setting, and Track opens a case for any review', async () => {
    const background = startBackground({ factory: new IDBFactory() });
    await saveSettings({ autoOpenCases: false });
    const [status] = await sendMessage('reviews.seen', { items: [{ snapshot: snapshot('a', 'bad'), analysis }] });
    expect(status.caseId).toBeNull();
    const tracked = await sendMessage('review.track', { snapshot: snapshot('g', 'good', '很好'), analysis });
    expect(tracked.caseId).toBe('qianniu:g');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    background.stop();
  });

  it('keeps each tab\'s health for the popup', async () => {
    const background = startBackground({ factory: new IDBFactory() });
    const health = { url: 'https://myseller.taobao.com/x', platform: 'qianniu', recognized: 7, looksLikeReviewPage: true };
    await fakeBrowser.runtime.onMessage.trigger({ mend: 1, type: 'tab.health', payload: health }, { tab: { id: 5 } as Tab });
    expect(await sendMessage('tab.health.get', { tabId: 5 })).toEqual(health);
    // fakeBrowser drops falsy answers; in Chrome this is null.
    expect(await sendMessage('tab.health.get', { tabId: 6 })).toBeFalsy();
    background.stop();
  });

  it('grades critic risk with the buyer\'s history in this shop', async () => {
    const background = startBackground({ factory: new IDBFactory() });
    const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00+08:00`;
    const earlier = [10, 12].map((day, i) => ({ snapshot: { ...snapshot(`old${i}`, 'bad', `第${i}次：东西不行`), buyerNick: 'c**9', date: at(day) }, analysis }));
    await sendMessage('reviews.seen', { items: earlier });
    const [status] = await sendMessage('reviews.seen', {
      items: [{ snapshot: { ...snapshot('new', 'bad', '又买了一次还是不行'), buyerNick: 'c**9', date: at(20) }, analysis }],
    });
    expect(status.risk?.band).toBe('high');
    expect(status.risk?.signals.map((s) => s.id)).toContain('shop.prior_bad_reviews');
    const [first] = await sendMessage('reviews.seen', { items: [{ snapshot: { ...snapshot('other', 'bad'), buyerNick: '李**', date: at(20) }, analysis }] });
    expect(first.risk?.band).toBe('low');
    expect((await (await background.repo()).get('qianniu:new'))?.risk?.band).toBe('high');
    background.stop();
  });

  it('treats a blacklisted buyer as high risk', async () => {
    const background = startBackground({ factory: new IDBFactory() });
    const repo = await background.repo();
    await repo.putBlacklist([{ platform: 'qianniu', nick: '黑**', reason: '索要赔偿', addedAt: '2026-10-01T00:00:00Z', addedBy: '客服小王' }]);
    const [status] = await sendMessage('reviews.seen', { items: [{ snapshot: { ...snapshot('b1', 'bad'), buyerNick: '黑**' }, analysis }] });
    expect(status.risk?.band).toBe('high');
    expect(status.risk?.signals[0].id).toBe('blacklisted');
    background.stop();
  });
});
