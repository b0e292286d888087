import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftPanel, draftPanelCss, type DraftPanelProps } from '../../../components/drafts';
import type { Analysis } from '../../../lib/analysis/types';
import { DEFAULT_DRAFT_SETTINGS } from '../../../lib/draft-settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import type { ReviewSnapshot } from '../../../lib/sites/types';

const snapshot: ReviewSnapshot = {
  platform: 'qianniu',
  reviewId: 'r-42',
  rating: 'bad',
  text: '质量太差了，用了两天就坏了',
  buyerNick: '王**',
  orderId: '3912837465120093',
  product: { title: '<img src=x onerror="alert(1)">保温杯' },
  canReply: true,
  pageUrl: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC',
};

const analysis: Analysis = {
  lang: 'zh-Hans',
  negative: true,
  negativity: 0.9,
  causes: ['quality'],
  evidence: { quality: [[0, 4]] },
  extortion: false,
  extortionEvidence: [],
};

const settings: Settings = { ...DEFAULT_SETTINGS, shopName: '小林家居', signature: '店长小林' };
const now = new Date('2026-11-22T09:00:00Z');

const host = document.createElement('div');
document.body.append(host);

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function props(overrides: Partial<DraftPanelProps> = {}): DraftPanelProps {
  return {
    snapshot,
    analysis,
    risk: 'low',
    settings,
    draftSettings: DEFAULT_DRAFT_SETTINGS,
    now,
    insert: vi.fn(async () => ({ ok: true as const, target: 'qianniu-dialog' })),
    ...overrides,
  };
}

const kinds = () => Array.from(host.querySelectorAll<HTMLElement>('[data-kind]')).map((el) => el.dataset.kind);
const textarea = () => host.querySelector<HTMLTextAreaElement>('[data-draft-text]')!;
const click = async (selector: string) => {
  host.querySelector<HTMLElement>(selector)!.click();
  await flush();
};
async function type(text: string) {
  textarea().value = text;
  textarea().dispatchEvent(new Event('input', { bubbles: true }));
  await flush();
}

afterEach(() => {
  render(null, host);
});

describe('DraftPanel', () => {
  it('offers public, private and phone drafts for a plain bad review, in the review’s language', () => {
    render(<DraftPanel {...props()} />, host);
    expect(kinds()).toEqual(['public', 'private', 'phone']);
    expect(host.querySelector('[data-kind="public"]')!.getAttribute('aria-selected')).toBe('true');
    expect(host.querySelector('[data-lang]')!.getAttribute('data-lang')).toBe('zh-Hans');
    expect(textarea().value).toContain('小林家居');
    expect(textarea().value).toMatch(/[\u4e00-\u9fff]/);
  });

  it('adds firm for watch and high risk, unreachable with logged contacts, a revision request once solved', () => {
    render(<DraftPanel {...props({ risk: 'watch' })} />, host);
    expect(kinds()).toContain('firm');
    render(<DraftPanel {...props({ risk: 'high' })} />, host);
    expect(kinds()).toContain('firm');
    render(
      <DraftPanel
        {...props({
          contacts: [{ at: Date.parse('2026-11-21T04:15:00Z'), channel: 'phone', outcome: 'no_answer' }],
          problemSolved: true,
          buyerSatisfied: true,
        })}
      />,
      host,
    );
    expect(kinds()).toEqual(['public', 'private', 'phone', 'revisionRequest', 'unreachable']);
  });

  it('never offers a revision request on Amazon', () => {
    render(<DraftPanel {...props({ snapshot: { ...snapshot, platform: 'amazon' }, problemSolved: true, buyerSatisfied: true })} />, host);
    expect(kinds()).not.toContain('revisionRequest');
  });

  it('switches kind and tone, starting from the seller’s default tone', async () => {
    render(<DraftPanel {...props({ settings: { ...settings, defaultTone: 'professional' } })} />, host);
    expect(host.querySelector('[data-tone="professional"]')!.getAttribute('aria-selected')).toBe('true');
    const publicText = textarea().value;
    await click('[data-tone="concise"]');
    expect(host.querySelector('[data-tone="concise"]')!.getAttribute('aria-selected')).toBe('true');
    expect(textarea().value).not.toBe(publicText);
    await click('[data-kind="phone"]');
    expect(textarea().value).not.toBe(publicText);
    expect(textarea().value).toContain('王**');
  });

  it('lints live: an inserted 返现 shows an error quoting the words; removing it clears it', async () => {
    render(<DraftPanel {...props()} />, host);
    expect(host.querySelector('[data-severity="error"]')).toBeNull();
    const draft = textarea().value;

    await type(`${draft}\n好评返现5元`);
    const error = host.querySelector('li[data-severity="error"][data-rule="review_incentive"]');
    expect(error).not.toBeNull();
    expect(error!.querySelector('.severity')!.textContent).toBe('Error');
    // The offending words are shown: in the message itself, or quoted next to it.
    expect(error!.textContent).toContain('好评返');

    await type(draft);
    expect(host.querySelector('[data-severity="error"]')).toBeNull();
  });

  it('clears an Insert result when the seller moves to another kind', async () => {
    render(<DraftPanel {...props()} />, host);
    await click('[data-action="insert"]');
    await flush();
    expect(host.querySelector('[data-status="inserted"]')).not.toBeNull();
    await click('[data-kind="private"]');
    expect(host.querySelector('[data-status]')).toBeNull();
  });

  it('flags the buyer’s nick in a public reply but not in a private message', async () => {
    render(<DraftPanel {...props()} />, host);
    await type('王**您好，非常抱歉。');
    expect(host.querySelector('[data-rule="personal_data"]')).not.toBeNull();
    await click('[data-kind="private"]');
    await type('王**您好，非常抱歉。');
    expect(host.querySelector('[data-rule="personal_data"]')).toBeNull();
  });

  it('Insert hands the edited text to insert() and says the seller submits it', async () => {
    const insert = vi.fn(async () => ({ ok: true as const, target: 'qianniu-dialog' }));
    render(<DraftPanel {...props({ insert })} />, host);
    await type('您好，给您添麻烦了，我们马上为您换货。');
    await click('[data-action="insert"]');
    await flush();
    expect(insert).toHaveBeenCalledWith('您好，给您添麻烦了，我们马上为您换货。');
    expect(host.querySelector('[data-status="inserted"]')!.textContent).toContain('submit it yourself');
    expect(host.querySelector('[data-status="inserted"]')!.textContent).not.toContain('make sure');
  });

  it('asks for a second look when the text went into a field found by focus rather than the platform dialog', async () => {
    const insert = vi.fn(async () => ({ ok: true as const, target: 'focused-field' }));
    render(<DraftPanel {...props({ insert })} />, host);
    await click('[data-action="insert"]');
    await flush();
    expect(host.querySelector('[data-status="inserted"]')!.textContent).toContain("make sure it is this review's reply box");
  });

  it('shows a clear failure when insert() cannot find a reply box, and warns about remaining errors', async () => {
    const insert = vi.fn(async () => ({ ok: false as const, reason: 'timeout' }));
    render(<DraftPanel {...props({ insert: insert as DraftPanelProps['insert'] })} />, host);
    await click('[data-action="insert"]');
    await flush();
    expect(host.querySelector('[data-status="insert-failed"]')!.textContent).toContain('no reply box appeared');

    const ok = vi.fn(async () => ({ ok: true as const, target: 'x' }));
    render(<DraftPanel {...props({ insert: ok })} />, host);
    await type('好评返现');
    await click('[data-action="insert"]');
    await flush();
    expect(host.querySelector('[data-status="inserted"] .warn')!.textContent).toContain('1 policy error');
  });

  it('keeps private kinds out of the public reply box: Insert is disabled there, Copy works', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const insert = vi.fn();
    render(<DraftPanel {...props({ insert })} />, host);
    await click('[data-kind="private"]');
    expect(host.querySelector<HTMLButtonElement>('[data-action="insert"]')!.disabled).toBe(true);
    expect(host.querySelector('[data-hint="private"]')).not.toBeNull();
    await click('[data-action="copy"]');
    await flush();
    expect(writeText).toHaveBeenCalledWith(textarea().value);
    expect(host.querySelector('[data-status="copied"]')).not.toBeNull();
    expect(insert).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('falls back to a select-and-press-Ctrl+C message when the clipboard refuses', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) } });
    render(<DraftPanel {...props()} />, host);
    await click('[data-action="copy"]');
    await flush();
    expect(host.querySelector('[data-status="copy-failed"]')!.textContent).toContain('Ctrl+C');
    vi.unstubAllGlobals();
  });

  it('follows a German review, unless the seller forces a language', () => {
    render(<DraftPanel {...props({ analysis: { ...analysis, lang: 'de' }, snapshot: { ...snapshot, platform: 'otto' } })} />, host);
    expect(host.querySelector('[data-lang]')!.getAttribute('data-lang')).toBe('de');
    expect(textarea().value).toMatch(/\b(Sie|Ihnen|Ihre?)\b/);
    render(<DraftPanel {...props({ analysis: { ...analysis, lang: 'de' }, settings: { ...settings, draftLanguage: 'zh-Hant' } })} />, host);
    expect(host.querySelector('[data-lang]')!.getAttribute('data-lang')).toBe('zh-Hant');
    expect(textarea().value).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps hostile page text inert', () => {
    render(<DraftPanel {...props({ snapshot: { ...snapshot, buyerNick: '<b onmouseover=alert(1)>x</b>' } })} />, host);
    expect(host.querySelector('img, b, script')).toBeNull();
  });

  it('reads the seller’s settings from storage when none are given, and follows changes', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, shopName: '青禾小铺' } });
    render(<DraftPanel {...props({ settings: undefined, draftSettings: undefined })} />, host);
    await flush();
    await flush();
    expect(textarea().value).toContain('青禾小铺');
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, shopName: '远山家纺' } });
    await flush();
    expect(textarea().value).toContain('远山家纺');
  });

  it('exports self-contained CSS for the shadow root', () => {
    expect(draftPanelCss).toContain('.draft-panel');
    expect(draftPanelCss).not.toMatch(/@import|url\(/);
  });
});

describe('DraftPanel remedy defaults', () => {
  it('uses the seller’s default remedy of the cause the reply leads with', () => {
    const draftSettings = { remedyByCause: { quality: { kind: 'resend' as const }, logistics: { kind: 'coupon' as const, amount: 5, currency: 'CNY' } }, overrides: {} };
    // The buyer named the courier first, but the shop's own fault (quality) leads the reply.
    render(<DraftPanel {...props({ analysis: { ...analysis, causes: ['logistics', 'quality'] }, draftSettings })} />, host);
    host.querySelector<HTMLElement>('[data-kind="private"]')!.click();
    return flush().then(() => {
      expect(textarea().value).toContain('补发');
      expect(textarea().value).not.toContain('5元');
    });
  });
});
