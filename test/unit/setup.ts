import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

// fakeBrowser has no i18n: answer from the English catalogue so component tests read real strings.
const catalogue = JSON.parse(
  readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string }>;

export function englishMessage(key: string, substitutions?: string | string[]): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser as any).i18n = {
    getMessage: englishMessage,
    getUILanguage: () => 'en',
  };
});
