import { describe, expect, it } from 'vitest';
import { analyze, detectLang } from '../../../lib/analysis/index';
import { normalize, originalSpan } from '../../../lib/analysis/normalize';

/** Every evidence span of `text`, as the original substrings it points at. */
function evidenceTexts(text: string): Record<string, string[]> {
  const result = analyze(text);
  const out: Record<string, string[]> = {};
  for (const [cause, spans] of Object.entries(result.evidence)) out[cause] = (spans ?? []).map(([a, b]) => text.slice(a, b));
  return out;
}

describe('normalize', () => {
  it('converts Traditional to Simplified, full-width to half-width, folds case and marks', () => {
    expect(normalize('質量很差！！！ＡＢＣ１２３').text).toBe('质量很差!abc123');
    expect(normalize('發貨太慢。。。').text).toBe('发货太慢.');
  });

  it('leaves Simplified 么 alone (什么, 怎么) while 麼 becomes 么', () => {
    expect(normalize('什么怎么').text).toBe('什么怎么');
    expect(normalize('什麼').text).toBe('什么');
  });

  it('drops invisible controls and turns emoji into a single separator', () => {
    expect(normalize('好\u200b评\u202e').text).toBe('好评');
    expect(normalize('质量差😡😡😡快递慢').text).toBe('质量差 快递慢');
    expect(normalize('太差了😡👎').angryEmoji).toBe(2);
  });

  it('maps every normalized character back to the characters it came from', () => {
    const original = 'Ａ😀質量！！差\u200b了';
    const normalized = normalize(original);
    for (let i = 0; i < normalized.text.length; i++) {
      const [from, to] = originalSpan(normalized, i, i + 1);
      expect(from).toBeGreaterThanOrEqual(0);
      expect(to).toBeLessThanOrEqual(original.length);
      expect(to).toBeGreaterThan(from);
    }
    const q = normalized.text.indexOf('质量');
    const [from, to] = originalSpan(normalized, q, q + 2);
    expect(original.slice(from, to)).toBe('質量');
  });
});

describe('evidence spans point into the original text', () => {
  it('in Simplified Chinese', () => {
    expect(evidenceTexts('快递很快但是质量差')).toEqual({ quality: ['质量差'] });
  });

  it('after Traditional → Simplified conversion', () => {
    const text = '東西還行，就是發貨太慢了';
    const evidence = evidenceTexts(text);
    expect(evidence.shipping).toEqual(['發貨太慢']);
  });

  it('after full-width and repeated-punctuation folding', () => {
    const text = 'ＯＫ！！！！！物流太慢！！！！質量也很差';
    const evidence = evidenceTexts(text);
    expect(evidence.logistics).toEqual(['物流太慢']);
    expect(evidence.quality).toEqual(['質量也很差'.slice(0, 2), '很差']);
  });

  it('around emoji and surrogate pairs', () => {
    const text = '😡😡😡假货！！👎 千万别买';
    expect(evidenceTexts(text).authenticity).toEqual(['假货']);
  });

  it('in German and English, with the original capitalisation', () => {
    expect(evidenceTexts('Leider KAPUTT angekommen.').quality).toEqual(['KAPUTT']);
    expect(evidenceTexts('It arrived BROKEN.').quality).toEqual(['BROKEN']);
  });
});

describe('detectLang', () => {
  it.each([
    ['质量很差，发货太慢', 'zh-Hans'],
    ['質量很差，發貨太慢', 'zh-Hant'],
    ['這個東西還不錯', 'zh-Hant'],
    ['这个东西还不错', 'zh-Hans'],
    ['Die Ware ist leider nicht gut angekommen', 'de'],
    ['Größe passt nicht', 'de'],
    ['The product is not what I expected', 'en'],
    ['海尔HaierEG8012B29WE 洗衣机很好', 'zh-Hans'],
  ])('%s → %s', (text, lang) => {
    expect(detectLang(text)).toBe(lang);
    expect(analyze(text).lang).toBe(lang);
  });
});
