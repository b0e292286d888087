import { describe, expect, it } from 'vitest';
import { findSimilarTexts, textSimilarity, type RecentText } from '../../../lib/analysis/risk/similar-texts';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const DAY = 24 * 3600 * 1000;
const BASE = '收到货发现瓶盖是坏的，里面的液体漏了一半，客服也不理人，太失望了';

const at = (days: number) => new Date(NOW - days * DAY).toISOString();

describe('near-identical texts', () => {
  it('survives punctuation, emoji, whitespace, width and case changes', () => {
    const variants = [
      '收到货发现瓶盖是坏的!!里面的液体漏了一半😡客服也不理人…太失望了',
      '收到货 发现瓶盖是坏的，里面的液体漏了一半，客服也不理人，太失望了！！！',
      '收到貨發現瓶蓋是壞的，裡面的液體漏了一半', // Traditional and shortened: a different text for this purpose
    ];
    expect(textSimilarity(BASE, variants[0])).toBeGreaterThanOrEqual(0.8);
    expect(textSimilarity(BASE, variants[1])).toBe(1);
    expect(textSimilarity(BASE, variants[2])).toBeLessThan(0.8);
  });

  it('folds full-width letters and case, and drops emoji outside the BMP', () => {
    expect(textSimilarity('ＴＨＥ ｌｉｄ ｗａｓ ＢＲＯＫＥＮ ｏｎ ａｒｒｉｖａｌ', 'the lid was broken on arrival 🙄🙄')).toBe(1);
    expect(textSimilarity('Der Deckel war kaputt, Flüssigkeit ausgelaufen', 'der deckel war KAPUTT flüssigkeit ausgelaufen!!')).toBe(1);
  });

  it('a small edit is still the same text, a different complaint is not', () => {
    expect(textSimilarity(BASE, BASE.replace('一半', '大半'))).toBeGreaterThanOrEqual(0.8);
    expect(textSimilarity(BASE, '快递太慢了，等了整整一个星期才到，包装也压坏了')).toBeLessThan(0.3);
  });

  it('short generic texts never count', () => {
    expect(textSimilarity('质量很差', '质量很差')).toBe(0);
    const others: RecentText[] = ['a', 'b', 'c'].map((buyer) => ({ buyer, text: '太差了！！', at: at(1) }));
    expect(findSimilarTexts('太差了', others, NOW)).toBe(0);
  });

  it('counts distinct other buyers within 7 days either side', () => {
    const others: RecentText[] = [
      { buyer: 'b1', text: BASE + '😡', at: at(1) },
      { buyer: 'b1', text: BASE, at: at(2) }, // same buyer twice: one buyer
      { buyer: 'b2', text: BASE.replace(/，/g, ' '), at: at(6.9) },
      { buyer: 'b3', text: BASE, at: at(-3) }, // after the review, still the same wave
      { buyer: 'b4', text: BASE, at: at(7.5) }, // too old
      { buyer: 'b5', text: '完全不同的一段话，说的是快递很慢，等了好多天', at: at(1) },
      { buyer: '', text: BASE, at: at(1) }, // buyer unknown: not evidence
      { buyer: 'self', text: BASE, at: at(1) }, // the reviewer's own other review
    ];
    expect(findSimilarTexts({ text: BASE, buyer: 'self' }, others, NOW)).toBe(3);
    expect(findSimilarTexts(BASE, others, new Date(NOW))).toBe(4);
  });

  it('handles a few thousand recent texts quickly enough for a page load', () => {
    const others: RecentText[] = Array.from({ length: 5000 }, (_, i) => ({
      buyer: `buyer${i}`,
      text: i % 1000 === 0 ? BASE : `第${i}号买家：物流用了${i % 9}天，东西和图片${i % 2 ? '一样' : '不一样'}，客服回复${i % 3}次`,
      at: at((i % 10) * 0.7),
    }));
    expect(findSimilarTexts(BASE, others, NOW)).toBe(5);
  });
});
