import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import { checkRows as check, type Row } from './cause-rows';

/** Each row: a review and exactly the causes it must get (no platform rating: negativity from text). */
const TABLE: Record<string, Row[]> = {
  logistics: [
    ['物流太慢了，等了一个星期才到', ['logistics']],
    ['快递员态度很差，不送货上门', ['logistics']],
    ['盒子被快递压坏了', ['logistics']],
    // 特别 is not a negator; 服务/态度 after 快递 are the courier's; 快 in 快递 is no praise.
    ['快递速度特别慢，六天才到', ['logistics']],
    ['快递服务差', ['logistics']],
    ['快递小哥服务态度特差', ['logistics']],
    // The only party named is the courier: its attitude, even in a clause of its own.
    ['我要投诉快递员，服务态度不好', ['logistics']],
    ['配送人员不会说普通话！脾气还暴躁！', ['logistics']],
  ],
  shipping: [
    ['拍了三天还不发货', ['shipping']],
    ['少发了一个配件，赠品也没有', ['shipping']],
    ['我买的黑色，发来的是灰色，发错了', ['shipping']],
  ],
  quality: [
    ['质量太差了，用了两天就坏了', ['quality']],
    ['衣服线头很多，洗一次就掉色', ['quality']],
    ['水果都烂了，一点都不新鲜', ['quality']],
  ],
  authenticity: [
    ['假货，千万别买', ['authenticity']],
    ['收到的是翻新机，明显是二手的', ['authenticity']],
  ],
  not_as_described: [
    ['色差太大，和图片完全不一样', ['not_as_described']],
    ['虚假宣传，根本没有宣传的效果', ['not_as_described']],
  ],
  size: [
    ['尺码偏小，平时穿L的买了XL还穿不上', ['size']],
    ['鞋子偏大一码，不合脚', ['size']],
  ],
  service: [
    ['客服态度太差了，问了半天不理人', ['service']],
    ['问客服一直不回复，爱答不理的', ['service']],
  ],
  after_sales: [
    ['申请退货，商家一直拖着不给退', ['after_sales']],
    ['联系售后，售后一直推诿不处理', ['after_sales']],
    ['安装师傅来了，服务态度很差', ['after_sales']],
    // Labelled like the shared data: an overcharging installer is after-sales and a price complaint.
    ['安装师傅乱收费，材料费要了三百', ['after_sales', 'price_value']],
  ],
  price_value: [
    ['刚买就降价了，太坑了', ['price_value']],
    ['性价比太低，不值这个价', ['price_value']],
  ],
  packaging: [
    ['包装太简陋了，连个盒子都没有', ['packaging']],
    ['瓶子漏液了，包装破损', ['packaging']],
  ],
  personal: [
    ['不喜欢这个颜色，不适合我', ['personal']],
    ['拍错了型号，自己的原因', ['personal']],
  ],
  other: [['这本书的内容太肤浅了，作者没什么新意', ['other']]],
};

const NEGATION: Row[] = [
  ['物流不慢，东西也好', []],
  ['没有色差，很满意', []],
  ['质量不算差，挺满意的', []],
  ['没有异味，包装严实，好评', []],
  ['物流很快，质量很好，推荐购买', []],
];

/** Praise that mentions an aspect (courier, size, returns, the shop floor) names no complaint. */
const PRAISE_WITH_ASPECTS: Row[] = [
  ['快递员态度非常好，送货上门', []],
  ['和实体店买的一样，比实体店便宜好多', []],
  ['噪音很小，洗得很干净', []],
  ['包装完整没有破损，卖家服务态度好', []],
  ['尺码标准，价格不贵，面料不错', []],
  ['Well packed and arrived quickly via UPS. Great customer service.', []],
  ['Easy returns and a fast refund, very happy.', []],
  ['Sizing is perfect, great battery life.', []],
  ['Sehr gut verpackt, schnelle Lieferung mit DHL, Kundenservice top.', []],
  ['Passt perfekt, die Größe stimmt.', []],
];

const CONTRAST: Row[] = [
  ['快递很快但是质量差', ['quality']],
  ['虽然价格便宜，但是做工太粗糙了', ['quality']],
  ['东西挺好的，就是物流太慢了', ['logistics']],
  ['包装很好，可惜尺码偏小', ['size']],
];

const TRADITIONAL: Row[] = [
  ['質量太差了，用兩天就壞了', ['quality']],
  ['物流太慢，等了一個星期', ['logistics']],
  ['客服態度很差，不理人', ['service']],
  ['假貨，千萬別買', ['authenticity']],
];

const GERMAN: Row[] = [
  ['Die Lieferung kam viel zu spät, der Paketbote war unfreundlich.', ['logistics']],
  ['Nach zwei Tagen kaputt, schlechte Qualität.', ['quality']],
  ['Fällt klein aus, passt nicht.', ['size']],
  ['Leider eine Fälschung, nicht original.', ['authenticity']],
  ['Rücksendung abgelehnt, keine Erstattung bekommen.', ['after_sales']],
  ['Lieblos verpackt, und der Kundenservice antwortet nicht.', ['packaging', 'service']],
];

const LATIN_NEGATION_AND_CONTRAST: Row[] = [
  ['Not bad at all, works fine.', []],
  ['Nicht schlecht, gerne wieder.', []],
  ['Fast delivery but the quality is poor.', ['quality']],
  ['Schnelle Lieferung, aber die Qualität ist schlecht.', ['quality']],
  ['The box was damaged in transit.', ['logistics']],
];

const ENGLISH: Row[] = [
  ['Delivery took weeks and the courier left it in the rain.', ['logistics']],
  ['Stopped working after two days, poor quality.', ['quality']],
  ['Runs small, does not fit at all.', ['size']],
  ['This is a fake, not genuine at all.', ['authenticity']],
  ['Customer service never responded to my emails.', ['service']],
  ['Way overpriced, not worth the money.', ['price_value']],
  ['Arrived two weeks late and the package was soaking wet.', ['logistics']],
  ['Runs two sizes small.', ['size']],
  ['Great phone, but the battery drains fast.', ['quality']],
  ['Seller refused to refund me, keeps ignoring my messages.', ['after_sales', 'service']],
  ['The packaging was torn and the courier was rude.', ['packaging', 'logistics']],
];

describe('cause labels', () => {
  for (const [cause, rows] of Object.entries(TABLE)) it(`labels ${cause}`, () => check(rows));
  it('negated complaints are no complaint', () => check(NEGATION));
  it('praise that names an aspect is no complaint', () => check(PRAISE_WITH_ASPECTS));
  it('contrast keeps only what the buyer complains about', () => check(CONTRAST));
  it('Traditional Chinese gets the same ids', () => check(TRADITIONAL));
  it('German gets the same ids', () => check(GERMAN));
  it('English gets the same ids', () => check(ENGLISH));
  it('negation and contrast work in German and English too', () => check(LATIN_NEGATION_AND_CONTRAST));

  it('other never comes with another cause; personal never with a concrete fault', () => {
    for (const text of ['作者写得很差，而且书的质量太差，纸张发黄', '不喜欢，而且质量太差了', '不适合我，快递也太慢了']) {
      const { causes } = analyze(text);
      if (causes.includes('other')) expect(causes).toEqual(['other']);
      if (causes.length > 1) expect(causes).not.toContain('personal');
    }
  });

  it('damage is attributed to whoever the text blames', () => {
    expect(analyze('快递运输中压坏了').causes).toEqual(['logistics']);
    expect(analyze('包装太简陋，里面的东西碎了').causes).toContain('packaging');
    expect(analyze('收到就是坏的，开不了机').causes).toEqual(['quality']);
  });

  it('a satisfied review has no causes and is not negative', () => {
    for (const text of ['非常满意，五星好评！', 'Super Qualität, schnelle Lieferung, gerne wieder.', 'Great product, fast shipping, highly recommend.']) {
      const result = analyze(text);
      expect(result.causes, text).toEqual([]);
      expect(result.negative, text).toBe(false);
    }
  });
});

describe('platform rating', () => {
  it('medium and bad ratings make a review negative whatever the text says', () => {
    expect(analyze('挺好的', { rating: 'bad' }).negative).toBe(true);
    expect(analyze('挺好的', { rating: 'medium' }).negative).toBe(true);
  });
  it('a good rating is not negative, but a named complaint still carries its cause', () => {
    const result = analyze('东西还行，就是物流太慢了', { rating: 'good' });
    expect(result.negative).toBe(false);
    expect(result.causes).toEqual(['logistics']);
  });
  it('a good rating never gets the personal/other fallbacks', () => {
    expect(analyze('一般般吧', { rating: 'good' }).causes).toEqual([]);
  });
  it('a bad rating without a named fault falls back to personal or other', () => {
    expect(analyze('不喜欢', { rating: 'bad' }).causes).toEqual(['personal']);
    expect(analyze('此用户没有填写评价', { rating: 'bad' }).causes).toEqual(['personal']);
    expect(analyze('作者写的内容太空洞', { rating: 'medium' }).causes).toEqual(['other']);
  });
  it('an unspecific complaint about the product falls back to quality', () => {
    expect(analyze('太差劲了，很失望', { rating: 'bad' }).causes).toEqual(['quality']);
  });
});
