import { describe, expect, it } from 'vitest';
import { adLawPickingSpans, compensationDemandSpans } from '../../../lib/analysis/risk/text-cues';

const words = (text: string, spans: [number, number][]) => spans.map(([s, e]) => text.slice(s, e));

describe('advertising-law and description picking', () => {
  it.each([
    ['你们这是虚假宣传，违反广告法', ['虚假宣传', '违反广告法']],
    ['详情页写着最好的大米', ['详情页写着最好']],
    ['标题说是国家级认证，结果啥也没有', ['标题说是国家级']],
    ['包装上根本没有有机字样', ['包装上根本没有有机']],
    ['你們這是虛假宣傳', ['虛假宣傳']],
    ['页面用了极限词，我要举报', ['极限词']],
    ['This is false advertising.', ['false advertising']],
    ['Das ist irreführende Werbung.', ['irreführende Werbung']],
  ])('%s', (text, expected) => {
    expect(words(text, adLawPickingSpans(text))).toEqual(expected);
  });

  it.each(['这是我买过最差的东西', '第一次买就踩雷', '质量很差，不推荐', 'Worst purchase ever.', '三套书里面写的最好的一本', '作者把文学描写与文学批评有机的结合', '可以说是第一本令他开心的书'])('the buyer’s own superlatives are not picking: %s', (text) => {
    expect(adLawPickingSpans(text)).toEqual([]);
  });
});

describe('compensation demands', () => {
  it.each([
    ['东西坏了，要求赔偿', '要求赔偿'],
    ['假一赔十，别想跑', '假一赔十'],
    ['必须给我补偿', '必须给我补偿'],
    ['你们得赔我钱', '赔我钱'],
    ['退一赔三懂不懂', '退一赔三'],
    ['I demand compensation for this.', 'demand compensation'],
    ['Ich will Schadensersatz.', 'Schadensersatz'],
  ])('%s', (text, expected) => {
    expect(words(text, compensationDemandSpans(text))[0]).toBe(expected);
  });

  it.each(['只想退款', '不需要赔偿，换一个就行', '客服主动给了补偿，很满意', '我得到了赔偿', '京东已赔我了，服务很好', '急需用钱赔钱卖', '售后不赔钱，退换货也麻烦', '我并没有要求补偿什么的'])('not a demand: %s', (text) => {
    expect(compensationDemandSpans(text)).toEqual([]);
  });
});
