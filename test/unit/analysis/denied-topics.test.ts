import { describe, expect, it } from 'vitest';
import { deniedAspects, withDenials } from '../../../lib/analysis/lexicon/denied';
import { checkRows as check, type Row } from './cause-rows';

/** A topic the buyer rules out (不是尺码的问题) names no cause; the fault they do name still counts. */
const RULED_OUT: Row[] = [
  ['不是尺码的问题，是做工太差', ['quality']],
  ['不是物流的问题，东西本身就坏了', ['quality']],
  ['不是价格的问题，是客服态度太差', ['service']],
  ['并非包装问题，收到就漏水', ['quality']],
  ['不是因为快递，是发货太慢了', ['shipping']],
  ['Not a quality issue, the courier was late.', ['logistics']],
  ['Nothing wrong with the fit, but the fabric ripped after one wash.', ['quality']],
  ['Es liegt nicht an der Größe, aber die Naht ist gerissen.', ['quality']],
  ['Kein Problem mit der Lieferung, aber der Akku ist nach zwei Tagen kaputt.', ['quality']],
  ['不是尺碼的問題，是做工太差', ['quality']],
];

/** Without the denial, the same topic with a complaint next to it names its cause. */
const NAMED: Row[] = [
  ['尺码有问题，穿不上', ['size']],
  ['物流有问题，三天没动', ['logistics']],
  ['The quality is a problem.', ['quality']],
  ['Die Größe ist ein Problem.', ['size']],
  // Asking whether it is the topic's fault keeps the topic (是不是 contains 不是).
  ['声音有点大，不知道是不是安装的问题', ['quality', 'after_sales']],
  ['是不是快递的问题啊，盒子都破了', ['logistics', 'packaging']],
  // Denying a listing word is itself the complaint.
  ['发来的不是图片上的颜色', ['not_as_described']],
];


describe('topics the buyer rules out', () => {
  it('a denied topic names no cause, the named fault stays', () => check(RULED_OUT));
  it('the plain or questioned topic still names its cause', () => check(NAMED));
  it('builds weight-0 shields per head and topic, questions as full aspects', () => {
    const denials = deniedAspects(['不是'], { size: ['尺码', '码数'] }, ['是不是']);
    expect(denials.size).toBe('不是尺码:0|不是码数:0|是不是尺码|是不是码数');
    expect(withDenials({ size: '尺码', quality: '质量' }, denials)).toEqual({ size: `尺码|${denials.size}`, quality: '质量' });
    expect(withDenials({}, { packaging: '不是包装:0' })).toEqual({ packaging: '不是包装:0' });
  });
});
