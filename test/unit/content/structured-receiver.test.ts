import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { receiveStructuredReviews, rereadFilledReviews, type StructuredReceiver } from '../../../entrypoints/content/structured-receiver';
import { REPLAY_MESSAGE, TAP_MESSAGE } from '../../../lib/sites/structured-sources';
import { startStructuredTap } from '../../../lib/sites/structured-tap';
import type { ReviewSnapshot } from '../../../lib/sites/types';

const PAGE = 'https://mms.pinduoduo.com/goods/evaluation/index';
const LIST_URL = 'https://mms.pinduoduo.com/saturn/reviews/list';
const listBody = readFileSync(join(process.cwd(), 'test/fixtures/pinduoduo/reviews-list.json'), 'utf8');

/** The first review of reviews-list.json as a DOM adapter would read it from a row hiding nick, date and stars. */
const domSnapshot = (): ReviewSnapshot => ({
  platform: 'pinduoduo',
  reviewId: 'h-1',
  rating: 'unknown',
  text: '质量太差了，穿了一次就起球，线头到处都是，和图片完全两样',
  orderId: '231120-512345678901234',
  canReply: true,
  pageUrl: PAGE,
});

const tapMessage = (overrides: Record<string, unknown> = {}) => ({ type: TAP_MESSAGE, platform: 'pinduoduo', url: LIST_URL, body: listBody, ...overrides });
const flush = () => new Promise((resolve) => setTimeout(resolve, 30));
const deliver = (data: unknown, init: { origin?: string; source?: unknown } = {}) =>
  window.dispatchEvent(new MessageEvent('message', { data, origin: init.origin ?? location.origin, source: (init.source ?? window) as Window }));

describe('the isolated-world receiver of structured review lists', () => {
  let receiver: StructuredReceiver | undefined;
  let onRecords: ReturnType<typeof vi.fn<() => void>>;
  beforeEach(() => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(PAGE);
    onRecords = vi.fn<() => void>();
  });
  afterEach(() => receiver?.stop());

  it('asks the tap to post again what it saw before the receiver started', () => {
    const post = vi.spyOn(window, 'postMessage').mockImplementation(() => {});
    receiver = receiveStructuredReviews(window, onRecords);
    expect(post).toHaveBeenCalledWith({ type: REPLAY_MESSAGE }, location.origin);
  });

  it('fills the fields the DOM hid, keeping the id and what the DOM showed', () => {
    receiver = receiveStructuredReviews(window, onRecords);
    const before = domSnapshot();
    expect(receiver.fill(before)).toBe(before);
    deliver(tapMessage());
    expect(onRecords).toHaveBeenCalledTimes(1);
    expect(receiver.fill(before)).toEqual({
      ...before,
      rating: 'bad',
      stars: 1,
      buyerNick: '阿***',
      followUp: '洗了一次直接变形了，彻底不能穿',
      date: '2026-11-20T08:04:03+08:00',
      product: { title: '加绒加厚卫衣女冬季宽松oversize连帽上衣', id: '526381947201', sku: '颜色：白色 尺码：M' },
    });
    expect(receiver.fill(null)).toBeNull();
  });

  it.each([
    ['from another window (an iframe)', tapMessage(), { source: {} }],
    ['from another origin', tapMessage(), { origin: 'https://evil.example' }],
    ['with another type', tapMessage({ type: 'mend:other' }), {}],
    ['naming a platform this page cannot have', tapMessage({ platform: 'douyin', url: 'https://fxg.jinritemai.com/product/tcomment/commentList?rank=2' }), {}],
    ['claiming a platform that does not match its URL', tapMessage({ platform: 'qianniu' }), {}],
    ['from a URL the tap never reads', tapMessage({ url: 'https://mms.pinduoduo.com/saturn/orders/list' }), {}],
    ['with a body that is not JSON', tapMessage({ body: '<html>' }), {}],
    ['with a body over the cap', tapMessage({ body: `${listBody}${' '.repeat(2_000_001)}` }), {}],
    ['with a body that is not text', tapMessage({ body: { result: { data: [] } } }), {}],
    ['that is a string', JSON.stringify(tapMessage()), {}],
    ['that is null', null, {}],
  ])('ignores a message %s', (_label, data, init) => {
    receiver = receiveStructuredReviews(window, onRecords);
    deliver(data, init);
    expect(onRecords).not.toHaveBeenCalled();
    const before = domSnapshot();
    expect(receiver.fill(before)).toBe(before);
  });

  it('keeps only well-formed fields of forged records', () => {
    receiver = receiveStructuredReviews(window, onRecords);
    const forged = {
      result: {
        data: [
          {
            reviewId: '<img src=x onerror=alert(1)>',
            orderSn: '231120-512345678901234"><script>',
            comment: domSnapshot().text,
            descScore: 99,
            userName: 'x'.repeat(500),
            createTime: 'yesterday',
            goodsName: '真商品',
            goodsId: '../../etc',
          },
        ],
      },
    };
    deliver(tapMessage({ body: JSON.stringify(forged) }));
    const filled = receiver.fill(domSnapshot());
    expect(filled).toEqual({ ...domSnapshot(), product: { title: '真商品' } });
  });

  it('reads JSONP-wrapped mtop answers on Qianniu', () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC');
    receiver = receiveStructuredReviews(window, onRecords);
    const qianniu = readFileSync(join(process.cwd(), 'test/fixtures/qianniu/list-response.json'), 'utf8');
    deliver({ type: TAP_MESSAGE, platform: 'qianniu', url: 'https://h5api.m.taobao.com/h5/mtop.rm.sellercenter.list.data.pc/1.0/?jsv=2.7.2', body: `mtopjsonp3(${qianniu})` });
    const snapshot: ReviewSnapshot = { platform: 'qianniu', reviewId: '1201123456789002', rating: 'bad', text: '客服态度很差', canReply: true, pageUrl: location.href };
    expect(receiver.fill(snapshot)).toMatchObject({ orderId: '3803210987654321098', buyerNick: '赵**', date: '2026-11-15T13:10:00+08:00' });
  });

  it('reads again only the reviews the new records change', () => {
    receiver = receiveStructuredReviews(window, onRecords);
    const changed = { root: document.createElement('tr'), snapshot: domSnapshot(), widget: { remove: vi.fn() } };
    const other = { root: document.createElement('tr'), snapshot: { ...domSnapshot(), text: '别的评价', reviewId: 'h-2' }, widget: { remove: vi.fn() } };
    document.body.append(changed.root, other.root);
    const reviews = new Map<Element, typeof changed>([[changed.root, changed], [other.root, other]]);
    deliver(tapMessage());
    const handled: Element[] = [];
    rereadFilledReviews(reviews, receiver, (root) => handled.push(root) > 0);
    expect(handled).toEqual([changed.root]);
    expect(changed.widget.remove).toHaveBeenCalled();
    expect(other.widget.remove).not.toHaveBeenCalled();
    expect([...reviews.keys()]).toEqual([other.root]);
    document.body.replaceChildren();
  });

  it('gets what the page-world tap saw, including a response from before it started', async () => {
    const page = vi.fn(async () => new Response(listBody, { status: 200 }));
    const originalFetch = window.fetch;
    window.fetch = page as unknown as typeof fetch;
    // happy-dom gives posted messages its inner window as source; a browser gives this very window.
    vi.spyOn(window, 'postMessage').mockImplementation((data: unknown) => void setTimeout(() => deliver(data)));
    const stopTap = startStructuredTap(window);
    try {
      const response = await window.fetch('/saturn/reviews/list', { method: 'POST' });
      expect(await response.text()).toBe(listBody);
      await flush();
      receiver = receiveStructuredReviews(window, onRecords);
      await flush();
      expect(onRecords).toHaveBeenCalled();
      expect(receiver.fill(domSnapshot()).buyerNick).toBe('阿***');
    } finally {
      stopTap();
      window.fetch = originalFetch;
    }
  });
});
