import { describe, expect, it } from 'vitest';
import { decide } from '../../../lib/analysis/decide';
import { gatherFindings } from '../../../lib/analysis/engine';
import { textNegativity } from '../../../lib/analysis/negativity-decision';
import { CAUSE_IDS } from '../../../lib/analysis/types';
import { causeLogits, MODEL_WIDTH, ngramBuckets, RULE_FEATURE_COUNT, strongestNgram } from '../../tools/cause-model';
import { causesWithModel, rowLogits, trainCauseModel, trainingRow } from '../../tools/fit-cause-model';

const BITS = 10;

describe('experimental cause model (eval --model)', () => {
  it('hashes each distinct character 1–3-gram once, and never a gram across a space', () => {
    const once = ngramBuckets('快递慢', BITS);
    expect(once.count).toBe(6);
    const twice = ngramBuckets('快递慢快递慢', BITS).count;
    // Repeating the text adds only the grams that straddle the seam (慢快, 递慢快, 慢快递).
    expect(twice).toBe(9);
    const spaced = ngramBuckets('a b', BITS).count;
    expect(spaced).toBe(2);
  });

  it('learns a cause from n-grams alone and points at the n-gram that carries it', () => {
    const texts = [
      ['快递太慢了等了一周', ['logistics']],
      ['物流太慢一个星期才到', ['logistics']],
      ['送货太慢', ['logistics']],
      ['颜色和图片不一样', ['not_as_described']],
      ['跟图片差别很大', ['not_as_described']],
      ['实物和图片完全不一样', ['not_as_described']],
    ] as const;
    const rows = texts.map(([text, causes]) => trainingRow(gatherFindings(text), 0.9, causes, BITS, {}));
    for (const row of rows) row.dense.fill(0);
    const model = trainCauseModel(rows, { bits: BITS, epochs: 30, l2: 0, rate: 0.5 });
    const logistics = CAUSE_IDS.indexOf('logistics');
    const described = CAUSE_IDS.indexOf('not_as_described');
    for (let i = 0; i < rows.length; i++) {
      const z = rowLogits(rows[i], model);
      expect(z[i < 3 ? logistics : described]).toBeGreaterThan(z[i < 3 ? described : logistics]);
    }
    const span = strongestNgram('这次太慢了', 'logistics', model);
    expect(span).toBeDefined();
    expect('这次太慢了'.slice(span![0], span![1])).toMatch(/慢/);
  });

  it('with add/drop thresholds that never fire, decides exactly like the rules (taxonomy fallbacks included)', () => {
    const model = { bits: BITS, ngram: new Float64Array((1 << BITS) * MODEL_WIDTH), rule: new Float64Array(MODEL_WIDTH * (RULE_FEATURE_COUNT + 1)), addAt: new Float64Array(MODEL_WIDTH).fill(Infinity), dropBelow: new Float64Array(MODEL_WIDTH).fill(-Infinity) };
    for (const text of ['快递很快但是质量差', '不喜欢这个颜色', '这本书内容太无聊了', '物流慢，包装也破了', '很好用，推荐', '一般般吧']) {
      const findings = gatherFindings(text);
      const negativity = textNegativity(findings);
      expect(causesWithModel(findings, negativity, {}, model)).toEqual(decide(findings, negativity, 'unknown', {}).causes);
      expect(causeLogits(findings, negativity, model, new Float64Array(MODEL_WIDTH)).every((z) => z === 0)).toBe(true);
    }
  });
});
