import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS } from '../../../lib/drafts/template';
import { DRAFT_KINDS, REMEDY_KINDS, TONES } from '../../../lib/drafts/types';
import { INSERT_FAILURES } from '../../../lib/insert';

const LOCALES = ['zh_CN', 'zh_TW', 'en', 'de'];
const catalogues = LOCALES.map((locale) => ({
  locale,
  keys: new Set(Object.keys(JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', locale, 'messages.json'), 'utf8')))),
}));

function sources(dir: string): string[] {
  return readdirSync(join(process.cwd(), dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(process.cwd(), path)).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Keys the draft UI and the options page build from data (`drafts_kind_${kind}` …). */
const builtKeys = [
  ...DRAFT_KINDS.map((kind) => `drafts_kind_${kind}`),
  ...TONES.map((tone) => `drafts_tone_${tone}`),
  ...['auto', 'zh_Hans', 'zh_Hant', 'en', 'de'].map((lang) => `drafts_lang_${lang}`),
  ...REMEDY_KINDS.map((kind) => `drafts_remedy_${kind}`),
  ...['error', 'warning'].map((severity) => `drafts_severity_${severity}`),
  ...INSERT_FAILURES.map((reason) => `insert_fail_${reason}`),
  ...Object.keys(PLACEHOLDERS).map((name) => `options_placeholder_${name}`),
  ...['unknown', 'not_available'].map((reason) => `options_preview_issue_${reason}`),
  ...['shopName', 'signature', 'serviceHours'].flatMap((field) => [`options_${field}`, `options_${field}_hint`]),
];

const texts = [...sources('components/drafts'), ...sources('entrypoints/options')].map((path) => readFileSync(join(process.cwd(), path), 'utf8'));
/** Keys written out literally as t('…') in the panel, the options page and its helpers. */
const literalKeys = texts.flatMap((text) => [...text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]));
/** Validation messages, written as { key: '…' }. */
const errorKeys = texts.flatMap((text) => [...text.matchAll(/key: '([A-Za-z0-9_]+)'/g)].map((m) => m[1]));

describe('draft UI and options messages', () => {
  it('found the literal keys it checks', () => {
    expect(literalKeys.length).toBeGreaterThan(40);
    expect(errorKeys.length).toBeGreaterThan(5);
  });

  it.each(catalogues)('$locale has every key the draft UI and the options page use', ({ keys }) => {
    const missing = [...new Set([...builtKeys, ...literalKeys, ...errorKeys])].filter((key) => !keys.has(key));
    expect(missing).toEqual([]);
  });
});
