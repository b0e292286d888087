import { describe, expect, it } from 'vitest';
import { gatherFindings } from '../../../lib/analysis/engine';
import { priceProtectionEvidence } from '../../../lib/analysis/decide';
import { checkRows as check, type Row } from './cause-rows';

/** A refusal said with 不 before the claim word (不保修, 还不换) is the complaint, not a denied one. */
const REFUSALS: Row[] = [
  ['屏幕裂了，售后说不保修', ['quality', 'after_sales']],
  ['申请了一周，还不换', ['after_sales']],
  ['退也退不了，换也换不了', ['after_sales']],
  ['提交维修两周了还在审核', ['after_sales']],
  ['售后一塌糊涂', ['after_sales']],
  ['螢幕裂了，售後說不保修', ['quality', 'after_sales']],
];

/** Price protection refused: the shop's handling and the drop in price, both. */
const PRICE_PROTECTION: Row[] = [
  ['刚买就降了五十，还不保价', ['after_sales', 'price_value']],
  ['申请价保还不让，差评', ['after_sales', 'price_value']],
  ['不退差价，以后不来了', ['after_sales', 'price_value']],
];

/** Praise of the same things names nothing. */
const PRAISE: Row[] = [
  ['售后很快就给换了，赞', []],
  ['安装师傅很专业，材料费也合理', []],
  ['材料费不贵，很满意', []],
  ['三年质保，很放心', []],
];


describe('after-sales refusals', () => {
  it('a refused warranty, exchange or claim is after_sales', () => check(REFUSALS));
  it('refused price protection is after_sales and price_value', () => check(PRICE_PROTECTION));
  it('praise of warranty, fees and exchange names no cause', () => check(PRAISE));
  it('only after-sales evidence about price protection carries over, and only once', () => {
    const findings = gatherFindings('不给退货，还不保价');
    const spans = priceProtectionEvidence(findings, ['after_sales']);
    expect(spans.map(([from, to]) => findings.normalized.text.slice(from, to))).toEqual(['不保价']);
    expect(priceProtectionEvidence(findings, ['after_sales', 'price_value'])).toEqual([]);
    expect(priceProtectionEvidence(gatherFindings('不给退货'), ['after_sales'])).toEqual([]);
  });
});
