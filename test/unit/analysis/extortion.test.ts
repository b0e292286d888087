import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/analysis/index';

describe('extortion cues', () => {
  it.each([
    ['不给说法就投诉到12315', ['投诉', '12315']],
    ['假一赔十，不赔偿我就找律师', ['假一赔十', '赔偿', '律师']],
    ['你们这是虚假广告，违反广告法', ['虚假广告', '广告法']],
    ['不退一赔三我就去工商局告你', ['退一赔三', '工商局', '告你']],
    ['Ich gehe zum Anwalt und zur Verbraucherzentrale.', ['Anwalt', 'Verbraucherzentrale']],
    ['I will contact my lawyer unless you pay compensation.', ['lawyer', 'unless you', 'compensation']],
    // Words that are no cue alone (十倍, 不然就, 不会改) still are inside the threat.
    ['不退款就十倍赔偿，不然就投诉', ['十倍赔偿', '不然就投诉']],
    ['不处理的话这个差评我是不会改的', ['不会改的']],
  ])('%s', (text, cues) => {
    const result = analyze(text);
    expect(result.extortion).toBe(true);
    const found = result.extortionEvidence.map(([a, b]) => text.slice(a, b));
    for (const cue of cues) expect(found.some((f) => f.includes(cue))).toBe(true);
  });

  it.each(['质量太差了，气死我了，再也不买了', '申请退款，请尽快处理', '快递太慢，很生气', 'Very angry, I want a refund.'])(
    'anger or a plain refund request is not extortion: %s',
    (text) => {
      const result = analyze(text);
      expect(result.extortion).toBe(false);
      expect(result.extortionEvidence).toEqual([]);
    },
  );

  it('reporting a past complaint or a photo term is not a threat', () => {
    expect(analyze('之前打电话投诉过一次，后来客服解决了').extortion).toBe(false);
    expect(analyze('相机曝光不准，夜景拍不清楚').extortion).toBe(false);
  });

  it.each(['歌曲压缩以后能小十倍，内存够用', '要是有定时功能就好了，不然就更完美了', '我不会改变对这个牌子的看法了'])(
    'a multiple, an "otherwise" or 不会改 outside a threat is not extortion: %s',
    (text) => expect(analyze(text).extortion).toBe(false),
  );

  it('a denied threat is not a threat', () => {
    expect(analyze('东西有点小问题，不会投诉的，放心').extortion).toBe(false);
  });
});
