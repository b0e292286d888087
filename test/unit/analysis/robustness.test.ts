import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, detectLang } from '../../../lib/analysis/index';
import { CAUSE_IDS, type Analysis } from '../../../lib/analysis/types';

/** Structural guarantees every Analysis must keep, whatever the input. */
function assertWellFormed(text: string, result: Analysis): void {
  expect(['zh-Hans', 'zh-Hant', 'de', 'en']).toContain(result.lang);
  expect(result.negativity).toBeGreaterThanOrEqual(0);
  expect(result.negativity).toBeLessThanOrEqual(1);
  expect(new Set(result.causes).size).toBe(result.causes.length);
  for (const cause of result.causes) expect(CAUSE_IDS).toContain(cause);
  if (result.causes.includes('other')) expect(result.causes).toEqual(['other']);
  const spanLists = [...Object.values(result.evidence), result.extortionEvidence];
  for (const spans of spanLists) {
    let previousEnd = -1;
    for (const [start, end] of spans ?? []) {
      expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(text.length);
      expect(start).toBeLessThan(end);
      expect(start).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = end;
    }
  }
  for (const cause of Object.keys(result.evidence)) expect(result.causes).toContain(cause);
  expect(result.extortion).toBe(result.extortionEvidence.length > 0);
}

const REVIEW_PIECES = ['质量差', '快递慢', '不', '没有', '但是', '虽然', '質量', '發貨', '😡', '！！！', 'ＡＢＣ', ' ', '，', 'nicht', 'schlecht', 'not bad', 'broken', '\u202e', '\u200b', '\ud83d', '<b>', '假一赔十', '12315'];

describe('analyze on arbitrary input', () => {
  it('never throws and keeps spans within bounds and ordered (arbitrary strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('good', 'medium', 'bad', 'unknown', undefined), (text, rating) => {
        assertWellFormed(text, analyze(text, rating ? { rating } : {}));
      }),
      { numRuns: 250 },
    );
  }, 60_000);

  it('keeps spans sound on review-like mixtures of cues, negators, emoji and controls', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REVIEW_PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const result = analyze(text);
        assertWellFormed(text, result);
        expect(detectLang(text)).toBe(result.lang);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('every evidence span covers at least one non-space character of the original', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REVIEW_PIECES), { minLength: 1, maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const result = analyze(text, { rating: 'bad' });
        for (const spans of Object.values(result.evidence)) for (const [a, b] of spans ?? []) expect(text.slice(a, b).trim().length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('hostile input', () => {
  const cases: Array<[string, string]> = [
    ['20,000 characters of review text', '质量太差了，快递也慢，'.repeat(1820)],
    ['an emoji flood', '😡'.repeat(10000) + '质量差' + '👍'.repeat(10000)],
    ['RTL override and zero-width characters', '\u202e质量差\u202c\u200b\u200d\u2066快递慢\u2069'.repeat(500)],
    ['an HTML payload', '<img src=x onerror=alert(1)><script>document.cookie</script>假货'.repeat(300)],
    ['lone surrogates and NULs', '\ud800\udc00\udfff\u0000质量差\ud83d'.repeat(2000)],
    ['one huge word', 'a'.repeat(20000)],
    ['repeated marks', '！'.repeat(20000)],
  ];
  // Generous timeout: this checks correctness on a loaded CI machine; speed is measured by npm run bench.
  it.each(cases)('%s: analysed without throwing, spans sound', (_name, text) => {
    const result = analyze(text);
    assertWellFormed(text, result);
  }, 60_000);

  it('an HTML payload is treated as text: the evidence is the cue, never markup', () => {
    const text = '<img src=x onerror=alert(1)>假货';
    const result = analyze(text);
    expect(result.evidence.authenticity?.map(([a, b]) => text.slice(a, b))).toEqual(['假货']);
  });

  it('non-string input from a careless caller does not throw', () => {
    expect(() => analyze(undefined as unknown as string)).not.toThrow();
    expect(() => analyze(42 as unknown as string)).not.toThrow();
    expect(() => detectLang(null as unknown as string)).not.toThrow();
  });
});
