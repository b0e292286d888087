import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qianniuAdapter } from '../../../lib/sites/qianniu';
import { pinduoduoAdapter } from '../../../lib/sites/pinduoduo';
import {
  fillFromStructured,
  findRecords,
  readDouyinList,
  readPinduoduoList,
  readQianniuList,
} from '../../../lib/sites/structured';
import { loadFixture } from './fixture-dom';

const json = (path: string) => JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures', path), 'utf8')) as unknown;

describe('review lists the page loads', () => {
  it('reads Qianniu sellercenter rows, wherever the list sits in the response', () => {
    const [first, second] = readQianniuList(json('qianniu/list-response.json'));
    expect(first).toEqual({
      platform: 'qianniu',
      reviewId: '1201123456789001',
      rating: 'bad',
      text: '衣服洗了一次就起球了，袖口线头一大把，跟详情页图片完全不是一个档次，质量太差了',
      followUp: '穿了两次腋下就开线了，联系客服只说可以退，来回运费还得我自己出',
      buyerNick: '王**',
      buyerCredit: 'b_red_3',
      orderId: '3812345678901234567',
      product: { title: '秋冬加厚半高领针织打底衫女宽松慵懒风毛衣', url: 'https://item.taobao.com/item.htm?id=712345678901', id: '712345678901' },
      date: '2026-11-20T14:32:00+08:00',
    });
    // Millisecond timestamps are read in China time.
    expect(second.date).toBe('2026-11-15T13:10:00+08:00');
    expect(readQianniuList({ data: { nothing: [] } })).toEqual([]);
  });

  it('reads Pinduoduo reviews with scores, follow-ups and replies', () => {
    const [first, second] = readPinduoduoList(json('pinduoduo/reviews-list.json'));
    expect(first).toMatchObject({ reviewId: '482910375611', rating: 'bad', stars: 1, orderId: '231120-512345678901234', followUp: '洗了一次直接变形了，彻底不能穿', buyerNick: '阿***', date: '2026-11-20T08:04:03+08:00' });
    expect(first.existingReply).toBeUndefined();
    expect(second).toMatchObject({ rating: 'bad', stars: 2, existingReply: '亲，非常抱歉让您久等，已经和快递反馈了，后续会优先安排发货。', product: { title: '304不锈钢保温杯男女大容量便携水杯', id: '531947263850', sku: '颜色：黑色 容量：500ml' } });
  });

  it('reads Douyin commentList, taking the verdict from the requested rank when rows carry none', () => {
    const [first, second] = readDouyinList(json('douyin/comment-list.json'), '2');
    expect(first).toMatchObject({ reviewId: '7301234567890123456', rating: 'bad', stars: 1, orderId: '6931234567890123456', date: '2026-11-21T09:15:31+08:00' });
    expect(first.existingReply).toBeUndefined();
    expect(second).toMatchObject({ rating: 'bad', existingReply: '亲，非常抱歉让您久等，已经和快递反馈了，后续会优先安排发货。', date: '2026-11-20T10:17:29+08:00' });
  });

  it('finds review arrays breadth-first and ignores look-alike scalars', () => {
    expect(findRecords({ a: { b: [{ x: 1 }], c: { d: [{ reviewId: 1 }, 'noise'] } } }, 'reviewId')).toEqual([{ reviewId: 1 }]);
    expect(findRecords('reviewId', 'reviewId')).toEqual([]);
  });
});

describe('filling DOM snapshots from structured data', () => {
  const url = new URL('https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC');

  it('adds a collapsed 追评 without touching the id or what the DOM showed', () => {
    const doc = loadFixture('qianniu', 'rate-list.html');
    const root = qianniuAdapter.findReviewRoots(doc)[0];
    root.nextElementSibling!.remove(); // the 追评 row is collapsed
    const dom = qianniuAdapter.read(root, url)!;
    expect(dom.followUp).toBeUndefined();
    const filled = fillFromStructured(dom, readQianniuList(json('qianniu/list-response.json')));
    expect(filled.followUp).toBe('穿了两次腋下就开线了，联系客服只说可以退，来回运费还得我自己出');
    expect(filled.reviewId).toBe(dom.reviewId);
    expect(filled.text).toBe(dom.text);
    expect(filled.replyDaysLeft).toBe(25);
  });

  it('leaves a review alone when no record matches its text and order', () => {
    const doc = loadFixture('pinduoduo', 'evaluation.html');
    const pddUrl = new URL('https://mms.pinduoduo.com/goods/evaluation/index');
    const [, , third] = pinduoduoAdapter.findReviewRoots(doc).map((r) => pinduoduoAdapter.read(r, pddUrl)!);
    expect(fillFromStructured(third, readPinduoduoList(json('pinduoduo/reviews-list.json')))).toEqual(third);
  });
});
