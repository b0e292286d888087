import { describe, it } from 'vitest';
import { checkRows as check, type Row } from './cause-rows';

/** The listing claimed a weight, a spec or a kind the buyer found otherwise: not_as_described. */
const CLAIMS: Row[] = [
  ['标的是五斤，称了一下只有三斤多', ['not_as_described']],
  ['说是十斤装，到家一称净重不到七斤', ['not_as_described']],
  ['写着32G，其实只有20多G能用', ['not_as_described']],
  ['完全是挂羊头卖狗肉', ['not_as_described']],
  ['这家店夸大其词', ['not_as_described']],
  ['說是十斤裝，淨重不到七斤', ['not_as_described']],
];

/** The same words with nothing claimed or nothing short. */
const NO_CLAIM: Row[] = [
  ['称了一下，足足十斤，很满意', []],
  ['超市里不到五元一斤的苹果，这里卖这么贵', ['price_value']],
];


describe('claims the item belies', () => {
  it('a weight, spec or kind other than claimed is not_as_described', () => check(CLAIMS));
  it('a weight that checks out or a price per jin is not', () => check(NO_CLAIM));
});
