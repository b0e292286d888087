import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../../entrypoints/options/OptionsApp';
import { DRAFT_SETTINGS_KEY, loadDraftSettings } from '../../../lib/draft-settings';
import { loadSettings } from '../../../lib/settings';
import { loadRules, saveRule } from '../../../lib/learned-rules';

const host = document.createElement('div');
document.body.append(host);

const flush = async (rounds = 3) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const $ = <T extends Element = HTMLElement>(selector: string) => host.querySelector<T & HTMLElement>(selector)!;

async function type(selector: string, value: string) {
  const field = $<HTMLInputElement>(selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await flush(1);
}
async function choose(selector: string, value: string) {
  const field = $<HTMLSelectElement>(selector);
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
  await flush(1);
}
async function open() {
  render(<OptionsApp />, host);
  await flush();
}
async function save() {
  $('[data-action="save"]').click();
  await flush();
}

beforeEach(async () => {
  render(null, host);
});
afterEach(() => {
  render(null, host);
});

describe('options page: settings', () => {
  it('saves shop facts, tone, language, case toggle and a remedy default, and shows them again after a reload', async () => {
    await open();
    await type('#shopName', '  小林家居  ');
    await type('#signature', '店长 小林');
    await type('#serviceHours', '9:00–22:00');
    await choose('#defaultTone', 'concise');
    await choose('#draftLanguage', 'de');
    $('input[name="autoOpenCases"]').click();
    await flush(1);
    await choose('select[name="remedy.quality.kind"]', 'partial_refund');
    await type('input[name="remedy.quality.amount"]', '20');
    await choose('select[name="remedy.quality.currency"]', 'EUR');
    await choose('select[name="remedy.logistics.kind"]', 'resend');
    await save();

    expect($('[data-status="saved"]')).not.toBeNull();
    const settings = await loadSettings();
    expect(settings).toMatchObject({ shopName: '小林家居', signature: '店长 小林', serviceHours: '9:00–22:00', defaultTone: 'concise', draftLanguage: 'de', autoOpenCases: false });
    expect((await loadDraftSettings()).remedyByCause).toEqual({
      quality: { kind: 'partial_refund', amount: 20, currency: 'EUR' },
      logistics: { kind: 'resend' },
    });

    render(null, host);
    await open();
    expect($<HTMLInputElement>('#shopName').value).toBe('小林家居');
    expect($<HTMLSelectElement>('#defaultTone').value).toBe('concise');
    expect($<HTMLSelectElement>('#draftLanguage').value).toBe('de');
    expect($<HTMLInputElement>('input[name="autoOpenCases"]').checked).toBe(false);
    expect($<HTMLInputElement>('input[name="remedy.quality.amount"]').value).toBe('20');
  });

  it('refuses to save invalid fields and says which ones', async () => {
    await open();
    await type('#shopName', '店'.repeat(31));
    await choose('select[name="remedy.quality.kind"]', 'refund');
    await type('input[name="remedy.quality.amount"]', '-5');
    await save();

    expect($('[data-status="invalid"]').textContent).toContain('2 field');
    expect($('[data-error-for="shopName"]').textContent).toContain('At most 30 characters');
    expect($('[data-error-for="remedy.quality"]').textContent).toContain('amount above 0');
    expect(await fakeBrowser.storage.local.get(['settings', DRAFT_SETTINGS_KEY])).toEqual({});

    await type('#shopName', '小林家居');
    await type('input[name="remedy.quality.amount"]', '9.90');
    await save();
    expect($('[data-status="saved"]')).not.toBeNull();
    expect((await loadDraftSettings()).remedyByCause.quality).toEqual({ kind: 'refund', amount: 9.9, currency: 'CNY' });
  });
});

describe('options page: templates and live preview', () => {
  const preview = () => $('[data-preview="text"]').textContent ?? '';

  it('previews Mend’s own draft, then the seller’s template with placeholders filled, on every keystroke', async () => {
    await open();
    const builtIn = preview();
    expect(builtIn.length).toBeGreaterThan(20);

    await type('#shopName', '青禾小铺');
    await type('textarea[name="template"]', '【{shop}】{draft}');
    expect(preview().startsWith('【青禾小铺】')).toBe(true);
    expect(preview()).toContain(builtIn.slice(0, 10));

    await type('#shopName', '远山家纺');
    expect(preview().startsWith('【远山家纺】')).toBe(true);
  });

  it('inserts a placeholder at the caret and keeps the buyer’s data out of public kinds', async () => {
    await open();
    await type('textarea[name="template"]', '感谢反馈。');
    const field = $<HTMLTextAreaElement>('textarea[name="template"]');
    field.setSelectionRange(0, 0);
    $('[data-placeholder="signature"]').click();
    await flush();
    expect(field.value).toBe('{signature}感谢反馈。');
    expect($<HTMLButtonElement>('[data-placeholder="buyer"]').disabled).toBe(true);

    await choose('select[name="templateKind"]', 'private');
    expect($<HTMLButtonElement>('[data-placeholder="buyer"]').disabled).toBe(false);
  });

  it('shows template errors live and blocks saving: unknown placeholder, buyer data in public text', async () => {
    await open();
    await type('textarea[name="template"]', '{shopp} 您好 {buyer}');
    const errors = $('[data-error-for="template.all.public"]').textContent!;
    expect(errors).toContain('no placeholder {shopp}');
    expect(errors).toContain("{buyer} is the buyer's data");
    expect($('[data-preview-issues]').textContent).toContain('{shopp}');
    await save();
    expect($('[data-status="invalid"]')).not.toBeNull();
    expect((await loadDraftSettings()).overrides).toEqual({});
  });

  it('lints the preview: a template promising money for a good review is flagged', async () => {
    await open();
    await type('textarea[name="template"]', '{draft} 好评返现5元！');
    expect($('[data-preview-findings] [data-rule="review_incentive"][data-severity="error"]')).not.toBeNull();
  });

  it('saves per-kind and per-cause templates and lists them', async () => {
    await open();
    await type('textarea[name="template"]', '{draft}\n{signature}');
    await choose('select[name="templateScope"]', 'logistics');
    await choose('select[name="templateKind"]', 'private');
    expect($<HTMLTextAreaElement>('textarea[name="template"]').value).toBe('');
    await type('textarea[name="template"]', '{buyer}您好，快递的事给您添麻烦了。{draft}');
    await save();

    expect((await loadDraftSettings()).overrides).toEqual({
      byKind: { public: '{draft}\n{signature}' },
      byCause: { logistics: { private: '{buyer}您好，快递的事给您添麻烦了。{draft}' } },
    });
    expect(host.querySelectorAll('[data-template]')).toHaveLength(2);
    expect($('[data-preview="text"]').textContent).toContain('快递的事给您添麻烦了');
  });

  it('previews in the seller’s UI language, or in the language they force for drafts', async () => {
    await open();
    expect($<HTMLSelectElement>('select[name="previewLang"]').value).toBe('en');
    expect(preview()).toMatch(/\b(you|your)\b/i);
    render(null, host);
    await fakeBrowser.storage.local.set({ settings: { draftLanguage: 'de' } });
    await open();
    expect($<HTMLSelectElement>('select[name="previewLang"]').value).toBe('de');
    expect(preview()).toMatch(/\b(Sie|Ihnen|Ihr\w*)\b/);
  });

  it('says when the previewed platform gets no draft of that kind (Amazon: no revision request)', async () => {
    await open();
    await choose('select[name="templateKind"]', 'revisionRequest');
    expect($('[data-preview="text"]')).not.toBeNull();
    await choose('select[name="previewPlatform"]', 'amazon');
    expect($('[data-preview="none"]')).not.toBeNull();
  });
});

describe('options page: sites', () => {
  it('switches a platform off at once', async () => {
    await open();
    $('input[name="platform.pinduoduo"]').click();
    await flush();
    expect((await loadSettings()).disabledPlatforms).toEqual(['pinduoduo']);
    $('input[name="platform.pinduoduo"]').click();
    await flush();
    expect((await loadSettings()).disabledPlatforms).toEqual([]);
  });

  it('adds a host after the browser grants it, and removes it again', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    await open();
    await type('input[name="host"]', 'https://Seller.Example.com/reviews?page=2');
    $('[data-action="add-host"]').click();
    await flush();

    expect(request).toHaveBeenCalledWith({ permissions: ['scripting'], origins: ['https://seller.example.com/*'] });
    expect((await loadSettings()).extraHosts).toEqual(['seller.example.com']);
    expect($('[data-host="seller.example.com"]')).not.toBeNull();
    expect($<HTMLInputElement>('input[name="host"]').value).toBe('');

    $('[data-host="seller.example.com"] [data-action="remove-host"]').click();
    await flush();
    expect(remove).toHaveBeenCalledWith({ origins: ['https://seller.example.com/*'] });
    expect((await loadSettings()).extraHosts).toEqual([]);
  });

  it('does not add a host the seller refused, and explains why', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    await open();
    await type('input[name="host"]', 'seller.example.com');
    $('[data-action="add-host"]').click();
    await flush();
    expect($('[data-error-for="host"]').textContent).toContain('was not granted');
    expect((await loadSettings()).extraHosts).toEqual([]);
  });

  it('validates the host before asking the browser', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    await open();
    for (const [input, message] of [
      ['http://seller.example.com', 'Only https'],
      ['not a host', 'not a valid host'],
      ['mms.pinduoduo.com', 'supported already'],
      ['', 'Type a host'],
    ]) {
      await type('input[name="host"]', input);
      $('[data-action="add-host"]').click();
      await flush();
      expect($('[data-error-for="host"]').textContent).toContain(message);
    }
    expect(request).not.toHaveBeenCalled();
  });
});

describe('options page: taught pages', () => {
  const rule = { version: 1 as const, rootSelector: 'div.review-card', textSelector: 'p.body', matchedWhenLearned: 12 };

  it('says so when nothing was taught', async () => {
    await open();
    await flush();
    expect($('[data-section="taught-rules"] [data-empty]')).not.toBeNull();
  });

  it('lists the taught rules and forgets the one the seller removes', async () => {
    await saveRule({ host: 'seller.example.com', pathPattern: '/reviews' }, rule);
    await saveRule({ host: 'shop.example.org', pathPattern: '/rate/*' }, rule);
    await open();
    await flush();
    const listed = () => Array.from(host.querySelectorAll('[data-rule]')).map((li) => li.getAttribute('data-rule'));
    expect(listed()).toEqual(['seller.example.com/reviews', 'shop.example.org/rate/*']);

    $('[data-rule="seller.example.com/reviews"] [data-action="remove-rule"]').click();
    await flush();
    expect(listed()).toEqual(['shop.example.org/rate/*']);
    expect((await loadRules()).map((r) => r.scope.host)).toEqual(['shop.example.org']);
    expect($('[data-section="taught-rules"] [role="status"]').textContent).toContain('seller.example.com/reviews');
  });

  it('shows a storage failure instead of an empty list', async () => {
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(((keys: unknown) =>
      keys === 'learnedRules' ? Promise.reject(new Error('disk full')) : get(keys as string)) as typeof fakeBrowser.storage.local.get);
    await open();
    await flush();
    expect($('[data-section="taught-rules"] [role="alert"]').textContent).toContain('disk full');
    expect($('[data-section="taught-rules"] [data-empty]')).toBeNull();
  });
});
