import { describe, it } from 'vitest';
import { checkRows as check, type Row } from './cause-rows';

/**
 * Wording the first tables do not cover: delays told as a span of time, wrong items and pictures that lie,
 * garments a size off, in every language Mend reads. Each row: a review and exactly the causes it must get
 * (no platform rating, so a row with causes must also read as negative from its text alone).
 */
const TABLE: Record<string, Row[]> = {
  'a delay told as a span of time is logistics, before dispatch shipping': [
    ['下单一个礼拜才收到，太慢了', ['logistics']],
    ['快递运了五天，到手都凉了', ['logistics']],
    ['拖了五天才发出来', ['shipping']],
    ['快递太磨蹭了', ['logistics']],
    ['物流信息一直不更新', ['logistics']],
    ['快递员让我自己下楼取', ['logistics']],
    ['拍下后等了三天才发货', ['shipping']],
    ['It took three weeks to arrive.', ['logistics']],
    ['Took over a month to get here.', ['logistics']],
    ['Still hasn\'t arrived after two weeks.', ['logistics']],
    ['The seller took a week to ship it.', ['shipping']],
    ['Das Paket war zwei Wochen unterwegs.', ['logistics']],
    ['Kam eine Woche später als angegeben.', ['logistics']],
    ['Hat ewig gedauert, bis es ankam.', ['logistics']],
  ],
  'a wrong item sent is shipping, not quality': [
    ['收到的型号都不对', ['shipping']],
    ['型号发错了，联系客服也没用', ['shipping']],
    ['They sent me the wrong model.', ['shipping']],
    ['Leider wurde das falsche Modell geliefert.', ['shipping']],
    ['买的黑色，给邮的蓝色，我也是醉了', ['shipping']],
  ],
  'differs from the pictures or claims: not_as_described': [
    ['图片太骗人了，实物差远了', ['not_as_described']],
    ['上面写的是纯棉，收到分明是化纤', ['not_as_described']],
    ['收到的颜色比图片深很多', ['not_as_described']],
    ['图片看着挺大，实物很小', ['not_as_described']],
    ['货不对版，差评', ['not_as_described']],
    ['The colour is completely different from the photos.', ['not_as_described']],
    ['Much smaller than advertised.', ['not_as_described']],
    ['Die Farbe ist ganz anders als auf den Fotos.', ['not_as_described']],
    ['Sieht ganz anders aus als auf den Bildern.', ['not_as_described']],
    ['Der Stoff ist viel dünner als beschrieben.', ['not_as_described']],
  ],
  'a garment that fits badly is size': [
    ['衣服大了一号，穿着太大', ['size']],
    ['裤子太长了，穿着拖地', ['size']],
    ['裙子太短了', ['size']],
    ['帽子太小戴不上', ['size']],
    ['领子贼小', ['size']],
    ['The size chart is wrong, I had to size up twice.', ['size']],
    ['Too tight around the waist and the sleeves are too short.', ['size']],
    ['Ich musste zwei Nummern größer bestellen.', ['size']],
    ['Die Hose ist viel zu lang.', ['size']],
  ],
  'the buyer\'s own taste is personal': [
    ['没有想象的那么好', ['personal']],
    ['Just not for me, I don\'t like the colour.', ['personal']],
    ['Gefällt mir einfach nicht.', ['personal']],
  ],
};

/** Everyday complaints in the shop languages without labelled data (Amazon, OTTO), one per cause. */
const LATIN_EVERYDAY: Row[] = [
  ['Package was left in the rain at my door.', ['logistics']],
  ['Missing screws, could not assemble it.', ['shipping']],
  ['Smells like chemicals.', ['quality']],
  ['The color is not what was shown online.', ['not_as_described']],
  ['Customer service was useless and rude.', ['service']],
  ['They refused to take it back.', ['after_sales']],
  ['The bottle had leaked all over the box.', ['packaging']],
  ['Der Stoff riecht chemisch.', ['quality']],
  ['Ich musste die Rücksendung selbst bezahlen.', ['after_sales']],
  ['Statt blau kam eine andere Farbe.', ['shipping']],
  ['Passt überhaupt nicht.', ['size']],
  ['Die Flasche war ausgelaufen.', ['packaging']],
];

/** Shop-side wording in Chinese that names its party: the installer late, a refund not credited, a bare bag. */
const PARTIES: Row[] = [
  ['安装师傅迟到了三个小时', ['after_sales']],
  ['退款到现在还没到账', ['after_sales']],
  ['售后电话一直打不通', ['after_sales']],
  ['客服一问三不知', ['service']],
  ['包装就一个塑料袋', ['packaging']],
  ['味道和专柜的不一样', ['authenticity']],
];

/** Damage with no cause of its own goes to the delivery the review blames; used first, it is the product's. */
const DAMAGE: Row[] = [
  ['物流太慢，苹果都烂了', ['logistics']],
  ['The box was crushed and the glass inside was broken.', ['logistics']],
  ['Das Paket kam beschädigt an, Glas zerbrochen.', ['logistics']],
  ['快递很慢，而且用了两天就坏了', ['logistics', 'quality']],
  ['快递太慢了，质量也差', ['logistics', 'quality']],
  ['收到就是坏的，开不了机', ['quality']],
];

/** Praise and denied faults, worded like the rows above: no complaint, no cause. */
const NO_COMPLAINT: Row[] = [
  ['用过的最好用的洗面奶，回购', []],
  ['实物比图片好看，很满意', []],
  ['送的赠品是黑色的，很好看', []],
  ['严重怀疑是不是翻新机，屏幕有划痕', ['authenticity', 'quality']],
  ['是不是发错货了？型号跟订单不一样', ['shipping']],
  ['正品行货，质量很好', []],
  ['客服推荐的尺码很合适，赞', []],
  ['不偏大也不偏小，刚刚好', []],
  ['Arrived on time, nothing missing.', []],
  ['Looks exactly like the photos, fits true to size.', []],
  ['Sieht genauso aus wie auf den Fotos, passt perfekt.', []],
  ['Nicht zu klein, passt super.', []],
  ['Arrived on time, nothing missing, love it.', []],
  ['Passt perfekt, riecht gut.', []],
];

/** Words that name a cause only in a complaint: said in praise, they must not add that cause to another one. */
const PRAISE_NEXT_TO_A_COMPLAINT: Row[] = [
  ['和描述的一样，但是质量太差了', ['quality']],
  ['实物与图片一致，可惜尺码偏小', ['size']],
  ['售后也挺不错的，就是物流太慢', ['logistics']],
  ['不锈钢的挺结实，就是噪音太大', ['quality']],
  ['胶带粘贴得很牢，可惜赠品没有', ['shipping']],
  ['驱动装好了，只是价格太贵', ['price_value']],
];

/** The point after a contrast marker wins over the praise before it. */
const CONTRAST: Row[] = [
  ['东西还行，就是型号都不对', ['shipping']],
  ['Looks great, but it took three weeks to arrive.', ['logistics']],
  ['Schönes Kleid, aber ganz anders als auf den Fotos.', ['not_as_described']],
];

const TRADITIONAL: Row[] = [
  ['收到的型號都不對', ['shipping']],
  ['拖了五天才發出來', ['shipping']],
  ['衣服大了一號，穿著太大', ['size']],
  ['圖片太騙人了，實物差遠了', ['not_as_described']],
];

describe('cause patterns', () => {
  for (const [name, rows] of Object.entries(TABLE)) it(name, () => check(rows));
  it('everyday German and English complaints', () => check(LATIN_EVERYDAY));
  it('wording that names the party at fault', () => check(PARTIES));
  it('damage goes to the delivery the review blames', () => check(DAMAGE));
  it('praise and denied faults get no cause', () => check(NO_COMPLAINT));
  it('praise next to a complaint adds no cause', () => check(PRAISE_NEXT_TO_A_COMPLAINT));
  it('contrast keeps the complaint', () => check(CONTRAST));
  it('Traditional Chinese gets the same ids', () => check(TRADITIONAL));
});
