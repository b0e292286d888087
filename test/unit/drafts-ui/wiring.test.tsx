import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { draftFactsFromCase, draftPanelCss, draftPanelRenderer } from '../../../components/drafts';
import { ReviewWidget } from '../../../components/ReviewWidget';
import type { Analysis } from '../../../lib/analysis/types';
import { DEFAULT_DRAFT_SETTINGS } from '../../../lib/draft-settings';
import { trackPageFocus } from '../../../lib/insert';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { ReviewSnapshot } from '../../../lib/sites/types';
import { loadReplyFixture, reviewRoot } from '../../fixtures/reply-dialogs/wire';

const analysis: Analysis = {
  lang: 'zh-Hans',
  negative: true,
  negativity: 0.8,
  causes: ['shipping'],
  evidence: {},
  extortion: false,
  extortionEvidence: [],
};

const until = async (check: () => boolean, ms = 2000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

afterEach(() => {
  document.body.replaceChildren();
});

describe('DraftPanel wired into ReviewWidget inside a shadow root', () => {
  it('Draft → Insert fills the Pinduoduo modal the way React sees it, and nothing is submitted', async () => {
    const log = loadReplyFixture(document, 'pinduoduo');
    const root = reviewRoot(document, 'pdd-1');
    const snapshot: ReviewSnapshot = {
      platform: 'pinduoduo',
      reviewId: 'pdd-1',
      rating: 'bad',
      text: '发错颜色了，要的是蓝色',
      buyerNick: '阿***',
      canReply: true,
      pageUrl: 'https://mms.pinduoduo.com/goods/evaluation/index',
    };
    const focus = trackPageFocus(document);
    const host = document.createElement('mend-review');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = draftPanelCss;
    const container = document.createElement('div');
    shadow.append(style, container);
    root.querySelector('td')!.append(host);

    render(
      <ReviewWidget
        snapshot={snapshot}
        analysis={analysis}
        analysedText={snapshot.text}
        risk={{ band: 'low', score: 5, signals: [] }}
        caseId={null}
        onTrack={() => {}}
        renderDraftPanel={draftPanelRenderer({
          root,
          snapshot,
          analysis,
          risk: 'low',
          focus,
          settings: { ...DEFAULT_SETTINGS, shopName: '青禾小铺' },
          draftSettings: DEFAULT_DRAFT_SETTINGS,
          replyButton: () => Array.from(root.querySelectorAll<HTMLElement>('a')).find((a) => a.textContent === '回复/互动') ?? null,
        })}
      />,
      container,
    );

    shadow.querySelector<HTMLElement>('[data-action="draft"]')!.click();
    await until(() => shadow.querySelector('[data-draft-text]') !== null);
    const draft = shadow.querySelector<HTMLTextAreaElement>('[data-draft-text]')!.value;
    shadow.querySelector<HTMLElement>('[data-action="insert"]')!.click();
    await until(() => shadow.querySelector('[data-status="inserted"], [data-status="insert-failed"]') !== null);

    expect(shadow.querySelector('[data-status="inserted"]')).not.toBeNull();
    expect(document.querySelector<HTMLTextAreaElement>('textarea[data-testid="beast-core-textArea-htmlInput"]')!.value).toBe(draft);
    expect(log.reactChanges).toEqual([draft]);
    expect(log.submits).toEqual([]);
    focus.stop();
    render(null, container);
  });
});

describe('draftFactsFromCase', () => {
  it('takes the contacts, the latest remedy, and solved-and-satisfied only once the buyer agreed to revise', () => {
    const contacts = [{ id: 'c1', channel: 'phone' as const, at: 1, outcome: 'no_answer' as const, note: 'x' }];
    const remedies = [
      { id: 'r1', kind: 'coupon' as const, amount: 5, currency: 'CNY', at: 10 },
      { id: 'r2', kind: 'exchange' as const, at: 20 },
    ];
    expect(draftFactsFromCase({ contacts, remedies, state: 'remedy_offered' })).toEqual({
      contacts: [{ at: 1, channel: 'phone', outcome: 'no_answer' }],
      remedy: { kind: 'exchange', amount: undefined, currency: undefined },
      problemSolved: false,
      buyerSatisfied: false,
    });
    expect(draftFactsFromCase({ contacts: [], remedies: [], state: 'agreed_to_revise' })).toMatchObject({ remedy: undefined, problemSolved: true, buyerSatisfied: true });
  });
});
