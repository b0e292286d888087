import { describe, it } from 'vitest';
import { checkRows as check, type Row } from './cause-rows';

/** Fit judged a few words after the garment, the size label or the wearing (my own wording of corpus patterns). */
const FIT: Row[] = [
  ['裙子穿上去有点太短', ['size']],
  ['穿着感觉太大了，像套了个袋子', ['size']],
  ['L码的都那么大，没法穿', ['size']],
  ['XL居然还小了', ['size']],
  ['码不标准，差评', ['size']],
  ['又大又长，没法穿出门', ['size']],
  ['裙子穿上去有點太短', ['size']],
];

/** Near misses: another noun's 太大 after a garment, a washer's 衣服, praise of the fit. */
const NOT_FIT: Row[] = [
  ['裤子的气味太大了，洗了还有', ['quality']],
  ['裤子和图片相差太大', ['not_as_described']],
  ['洗衣服时间太长了', ['quality']],
  ['穿着不大不小，刚好', []],
  ['L码刚刚好，很合身', []],
];

/** The courier, not the shop: still not here, never calls, dropped the parcel, the wrong tracking. */
const DELIVERY: Row[] = [
  ['下单十天了还没有到货', ['logistics']],
  ['快递员电话都不打就走了', ['logistics']],
  ['包裹被快递摔得不成样子', ['logistics']],
  ['物流信息完全错误，找不到包裹', ['logistics']],
  ['普通快递寄了九天', ['logistics']],
  ['订单下了半个月，却没到货', ['logistics']],
  ['下單十天了還沒有到貨', ['logistics']],
];

/** The same words about something else: a price that fell before arrival, a courier who did call. */
const NOT_DELIVERY: Row[] = [
  ['还没到手就降价了，太坑', ['price_value']],
  ['货还没有到手就降价了', ['price_value']],
  ['快递小哥送货前打电话，服务很好', []],
];


describe('fit and delivery wording', () => {
  it('a garment judged by its fit a few words on is size', () => check(FIT));
  it('other nouns, washers and good fits are not size', () => check(NOT_FIT));
  it('delivery that stalls, a courier who never calls or drops the parcel is logistics', () => check(DELIVERY));
  it('a price drop before arrival and a courier who called are not logistics', () => check(NOT_DELIVERY));
});
