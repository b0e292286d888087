import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const localesDir = join(process.cwd(), 'public/_locales');
const load = (locale: string) =>
  JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

describe('locale catalogues', () => {
  const reference = load('zh_CN');
  const locales = readdirSync(localesDir);

  it('ships zh_CN, zh_TW, en and de', () => {
    expect(locales.sort()).toEqual(['de', 'en', 'zh_CN', 'zh_TW']);
  });

  for (const locale of ['zh_TW', 'en', 'de']) {
    it(`${locale} has exactly the keys of zh_CN, none empty`, () => {
      const catalogue = load(locale);
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(reference).sort());
      for (const [key, entry] of Object.entries(catalogue)) expect(entry.message, key).not.toBe('');
    });
  }

  it('uses placeholders the same way in every locale', () => {
    for (const locale of ['zh_TW', 'en', 'de']) {
      const catalogue = load(locale);
      for (const [key, entry] of Object.entries(reference)) {
        const placeholders = (s: string) => (s.match(/\$\d/g) ?? []).sort().join();
        expect(placeholders(catalogue[key].message), `${locale}:${key}`).toBe(placeholders(entry.message));
      }
    }
  });
});
