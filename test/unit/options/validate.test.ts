import { describe, expect, it } from 'vitest';
import { listTemplates, readForm, toForm, withTemplate } from '../../../entrypoints/options/form';
import { parseAmount, parseHost, templateErrors } from '../../../entrypoints/options/validate';
import { cleanDraftSettings, DEFAULT_DRAFT_SETTINGS } from '../../../lib/draft-settings';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

describe('parseHost', () => {
  it.each([
    ['seller.example.com', 'seller.example.com'],
    ['  Seller.Example.COM ', 'seller.example.com'],
    ['https://seller.example.de/reviews?x=1#top', 'seller.example.de'],
    ['*.example.com', '*.example.com'],
    ['xn--fiqs8s.example.cn', 'xn--fiqs8s.example.cn'],
  ])('%s → %s', (input, host) => {
    expect(parseHost(input)).toEqual({ host, pattern: `https://${host}/*` });
  });

  it.each([
    ['', 'options_error_host_empty'],
    ['http://seller.example.com', 'options_error_host_https'],
    ['ftp://seller.example.com', 'options_error_host_https'],
    ['localhost', 'options_error_host_invalid'],
    ['192.168.1.1', 'options_error_host_invalid'],
    ['seller.example.com:8443', 'options_error_host_invalid'],
    ['user:pw@seller.example.com', 'options_error_host_invalid'],
    ['-bad-.example.com', 'options_error_host_invalid'],
    ['rate.taobao.com', 'options_error_host_supported'],
  ])('rejects %j with %s', (input, key) => {
    const result = parseHost(input);
    expect('error' in result && result.error.key).toBe(key);
  });
});

describe('parseAmount', () => {
  it('accepts positive amounts with up to two decimals, a comma as decimal mark, and empty', () => {
    expect(parseAmount('20')).toEqual({ amount: 20 });
    expect(parseAmount('9,90')).toEqual({ amount: 9.9 });
    expect(parseAmount(' ')).toEqual({});
    for (const bad of ['0', '-1', '1.999', 'abc', '1e3', '2000000']) expect(parseAmount(bad).error?.key).toBe('options_error_amount');
  });
});

describe('templateErrors', () => {
  it('flags unknown names and buyer data in public kinds only', () => {
    expect(templateErrors('{draft} {signature}', 'public')).toEqual([]);
    expect(templateErrors('{buyer} {orderTail}', 'private')).toEqual([]);
    expect(templateErrors('{buyer}', 'firm').map((e) => e.key)).toEqual(['options_error_placeholder_private']);
    expect(templateErrors('{Shop}', 'public').map((e) => e.key)).toEqual(['options_error_placeholder_unknown']);
    expect(templateErrors('x'.repeat(1001), 'phone').map((e) => e.key)).toEqual(['options_error_too_long']);
  });
});

describe('form model', () => {
  it('sets and clears templates without touching the others', () => {
    let overrides = withTemplate({}, 'all', 'public', 'A');
    overrides = withTemplate(overrides, 'quality', 'phone', 'B');
    expect(listTemplates(overrides).map((e) => `${e.scope}.${e.kind}`)).toEqual(['all.public', 'quality.phone']);
    overrides = withTemplate(overrides, 'all', 'public', '  ');
    expect(listTemplates(overrides).map((e) => `${e.scope}.${e.kind}`)).toEqual(['quality.phone']);
  });

  it('never writes the sites back from a form save (they are saved on their own)', () => {
    const form = toForm({ ...DEFAULT_SETTINGS, extraHosts: ['stale.example.com'], disabledPlatforms: ['jd'] }, DEFAULT_DRAFT_SETTINGS);
    const { settings } = readForm(form);
    expect(settings).not.toHaveProperty('extraHosts');
    expect(settings).not.toHaveProperty('disabledPlatforms');
  });
});

describe('cleanDraftSettings', () => {
  it('keeps what this version understands and drops the rest', () => {
    const cleaned = cleanDraftSettings({
      remedyByCause: { quality: { kind: 'refund', amount: 20, currency: 'CNY' }, size: { kind: 'bribe' }, nonsense: { kind: 'refund' }, logistics: { kind: 'resend', amount: -1, currency: 'yen' } },
      overrides: { byKind: { public: '{draft}', firm: 42, bogus: 'x' }, byCause: { quality: { phone: 'P', private: '' }, other: 'x' } },
      extra: true,
    });
    expect(cleaned).toEqual({
      remedyByCause: { quality: { kind: 'refund', amount: 20, currency: 'CNY' }, logistics: { kind: 'resend' } },
      overrides: { byKind: { public: '{draft}' }, byCause: { quality: { phone: 'P' } } },
    });
    expect(cleanDraftSettings('garbage')).toEqual(DEFAULT_DRAFT_SETTINGS);
  });
});
