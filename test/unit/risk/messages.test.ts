import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTemplate, SIGNALS, SIGNAL_IDS, SIGNAL_SOURCES, signalMessageKey, sourceMessageKey } from '../../../lib/analysis/risk/catalogue';
import { ADVICE_BY_BAND, EVIDENCE_CHECKLIST, guidanceFor } from '../../../lib/analysis/risk/guidance';

const LOCALES = ['zh_CN', 'zh_TW', 'en', 'de'];
const catalogues = Object.fromEntries(
  LOCALES.map((locale) => [locale, JSON.parse(readFileSync(join(process.cwd(), `public/_locales/${locale}/messages.json`), 'utf8')) as Record<string, { message: string }>]),
);
const placeholders = (message: string) => [...message.matchAll(/\$(\d)/g)].map((m) => m[1]).sort();

const allKeys = [
  ...SIGNAL_IDS.map(signalMessageKey),
  ...SIGNAL_SOURCES.map(sourceMessageKey),
  ...EVIDENCE_CHECKLIST.flatMap((item) => [item.labelKey, item.hintKey]),
  ...Object.values(ADVICE_BY_BAND).flatMap((items) => items.map((item) => item.key)),
  'risk_evidence_title',
  'risk_advice_title',
];

describe('risk wording', () => {
  it.each(allKeys)('%s exists in every locale with the same placeholders', (key) => {
    const english = catalogues.en[key]?.message;
    expect(english, `${key} missing in en`).toBeTruthy();
    for (const locale of LOCALES) {
      const message = catalogues[locale][key]?.message;
      expect(message, `${key} missing in ${locale}`).toBeTruthy();
      expect(placeholders(message)).toEqual(placeholders(english));
    }
  });

  it.each(SIGNAL_IDS)('the CLI detail of %s is the English UI text', (id) => {
    const args = ['7', '20', '35', '182'];
    expect(renderTemplate(SIGNALS[id].template, args)).toBe(catalogues.en[signalMessageKey(id)].message.replace(/\$(\d)/g, (_, n) => args[Number(n) - 1]));
  });
});

describe('guidance', () => {
  it('low: solve the problem, no evidence file; high: evidence, appeal, do not pay, firm explanation', () => {
    expect(guidanceFor({ band: 'low' }).evidence).toEqual([]);
    expect(guidanceFor({ band: 'watch' }).evidence.map((e) => e.id)).toEqual(['screenshots', 'chat_log', 'logistics_proof', 'call_records']);
    const high = guidanceFor({ band: 'high' }).advice.map((a) => a.id);
    expect(high).toEqual(expect.arrayContaining(['collect_evidence', 'appeal', 'do_not_pay', 'firm_explanation']));
  });

  it('every band reminds the seller never to accuse the buyer', () => {
    for (const band of ['low', 'watch', 'high'] as const) expect(guidanceFor({ band }).advice.map((a) => a.id)).toContain('never_accuse');
  });
});
