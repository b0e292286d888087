import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import { checkRows as check, type Row } from './cause-rows';

/** 是不是 / 有没有 / 会不会 ask a question: the 不是, 没有 or 不会 inside them negates nothing after them. */
const ASKED: Row[] = [
  ['是不是一直不送货了', ['logistics']],
  ['是不是一直不送貨了', ['logistics']],
  ['有没有搞错，发错货了', ['shipping']],
  ['会不会太贵了，别家便宜一半', ['price_value']],
];

/** The same negators outside a question still negate. */
const NEGATED: string[] = ['物流不慢，包装也不差', '没有色差，质量很好', '一点都不贵，很划算'];

describe('yes-no questions hold a negator without negating', () => {
  it('keeps the complaint asked about', () => check(ASKED));

  it('still reads a plain negator as negation', () => {
    for (const text of NEGATED) expect(analyze(text).negative, text).toBe(false);
  });
});
