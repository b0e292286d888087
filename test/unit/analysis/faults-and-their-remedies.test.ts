import { describe, expect, it } from 'vitest';
import { damageBlamedOnPacking } from '../../../lib/analysis/decide';
import { gatherFindings } from '../../../lib/analysis/engine';
import { checkRows as check, type Row } from './cause-rows';

/**
 * Sending a faulty item back is what the buyer does about the fault: the complaint is the fault, unless the
 * return itself goes wrong.
 */
const RETURNING_A_FAULT: Row[] = [
  ['用了一次就漏电，已经申请退货中', ['quality']],
  ['噪音太大了，换货中', ['quality']],
  ['洗衣机一直漏水，准备退货', ['quality']],
  ['洗衣机一直漏水，申请退货卖家不给退', ['quality', 'after_sales']],
  ['退货申请了一周都没处理', ['after_sales']],
];

/** Leaks and breaks in a review that blames the packing are the packing's; used and then broken stays quality. */
const PACKING_DAMAGE: Row[] = [
  ['包装太简陋了，瓶子破了洒了一箱', ['packaging']],
  ['包装很差，精华漏液了', ['packaging']],
  ['包装很差，用了两天就坏了', ['packaging', 'quality']],
];

/** Unanswered calls to the shop and an installer who never came are named by these words too. */
const UNANSWERED: Row[] = [
  ['衣服有破洞，联系客服无人回应', ['quality', 'service']],
  ['送到三天了，还没安排人来安装', ['after_sales']],
  ['手机到了，充电器没给发过来', ['shipping']],
];

describe('faults and what the buyer does about them', () => {
  it('a return or exchange under way is no after-sales complaint by itself', () => check(RETURNING_A_FAULT));
  it('damage blamed on the packing is packaging', () => check(PACKING_DAMAGE));
  it('unanswered staff, an installer who never came, an accessory not sent', () => check(UNANSWERED));
  it('packing takes the blame only when every quality word is arrival damage or a leak', () => {
    expect(damageBlamedOnPacking(gatherFindings('包装太差，漏液了'), ['quality', 'packaging'])).toBe(true);
    expect(damageBlamedOnPacking(gatherFindings('包装太差，漏液了，味道还刺鼻'), ['quality', 'packaging'])).toBe(false);
    expect(damageBlamedOnPacking(gatherFindings('包装太差，漏液了'), ['quality'])).toBe(false);
  });
});
