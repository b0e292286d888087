import { describe, expect, it } from 'vitest';
import { qianniuAdapter as qn } from '../../../lib/sites/qianniu';
import { adapterFor, allAdapters } from '../../../lib/sites/index';
import type { ReviewSnapshot } from '../../../lib/sites/types';
import {
  lateFollowUpForOrder,
  lateFollowUpRowHtml,
  lateFollowUpText,
  lateReviewOrders,
  lateReviewRowsHtml,
  lateRowsTarget,
} from '../../fixtures/qianniu/late-rows';
import { loadFixture, parseRows } from './fixture-dom';

const PAGE = new URL('https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC');

function readAll(doc: ParentNode, url = PAGE): ReviewSnapshot[] {
  return qn.findReviewRoots(doc).map((root) => {
    const snapshot = qn.read(root, url);
    if (!snapshot) throw new Error('a found root must be readable');
    return snapshot;
  });
}

function rootByOrder(doc: Document, orderId: string): Element {
  const root = qn.findReviewRoots(doc).find((r) => qn.read(r, PAGE)?.orderId === orderId);
  if (!root) throw new Error(`no review for order ${orderId}`);
  return root;
}

describe('qianniu url matching', () => {
  it.each([
    'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC',
    'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC?current=2&pageSize=20&dateRange=20261101,20261123',
    'https://qn.taobao.com/home.htm/comment-manage/list/rateWait4PC',
    'https://myseller.taobao.com/home.htm/comment-manage/buyer-show',
  ])('matches %s', (href) => {
    expect(qn.matchesUrl(new URL(href))).toBe(true);
    expect(adapterFor(new URL(href))).toBe(qn);
  });

  it.each([
    'https://myseller.taobao.com/home.htm/trade-platform/tp/sold',
    'https://myseller.taobao.com/home.htm',
    'https://qn.taobao.com/home.htm/item-manage/list',
    'https://item.taobao.com/home.htm/comment-manage/list/rateWait4PC',
    'https://myseller.taobao.com.evil.example/home.htm/comment-manage/list',
    'https://rate.taobao.com/myRate.htm',
  ])('does not match %s', (href) => {
    expect(qn.matchesUrl(new URL(href))).toBe(false);
  });

  it('is registered', () => {
    expect(allAdapters).toContain(qn);
  });
});

type Expected = [
  orderId: string,
  rating: ReviewSnapshot['rating'],
  text: string,
  followUp: string | undefined,
  nick: string,
  credit: string,
  productId: string,
  productHost: string,
  date: string,
  daysLeft: number | undefined,
  replyStart: string | undefined,
  canReply: boolean,
];

const RATE_LIST: Expected[] = [
  ['3812345678901234567', 'bad', '衣服洗了一次就起球了，袖口线头一大把，跟详情页图片完全不是一个档次，质量太差了', '穿了两次腋下就开线了，联系客服只说可以退，来回运费还得我自己出', '王**', 'b_red_3', '712345678901', 'item.taobao.com', '2026-11-20T14:32:00+08:00', 25, undefined, true],
  ['3809876543210987654', 'medium', '快递太慢了，下单五天才发货，物流信息三天没更新，东西本身还行吧', undefined, 'l**9', 'b_blue_1', '698877665544', 'detail.tmall.com', '2026-11-19T09:05:00+08:00', undefined, '亲，非常抱歉让您久等了', false],
  ['3807654321098765432', 'bad', '我买的是黑色M码，收到的是灰色L码，发错货了，找客服半天没人回', '换货又等了一个星期，周末出门要穿的衣服就这么耽误了', '张**', 'b_red_5', '723456789012', 'item.taobao.com', '2026-11-18T21:17:00+08:00', 23, undefined, true],
  ['3806543210987654321', 'good', '面料摸着很舒服，尺码标准，物流也快，第二次回购了', undefined, '小**', 'b_blue_3', '712345678901', 'item.taobao.com', '2026-11-18T11:48:00+08:00', undefined, '谢谢亲的认可和回购', false],
  ['3805432109876543210', 'bad', '鞋子穿了一天就开胶了，申请退款被拒，不给说法就投诉12315，再差评曝光你们店', undefined, '刘**', 'b_red_1', '734567890123', 'detail.tmall.com', '2026-11-17T08:26:00+08:00', 3, undefined, true],
  ['3804321098765432109', 'medium', '尺码偏小，平时穿L，这件得换XL才合身，建议大家拍大一码', '换了大一码刚好，就是来回折腾了一周', '陈**', 'b_red_4', '723456789012', 'item.taobao.com', '2026-11-16T19:55:00+08:00', 21, undefined, true],
  ['3803210987654321098', 'bad', '客服态度很差，同一个问题问了三遍都是机器人自动回复，最后干脆不理人', undefined, '赵**', 'b_blue_2', '698877665544', 'detail.tmall.com', '2026-11-15T13:10:00+08:00', 20, undefined, true],
  ['3802109876543210987', 'medium', '一般', undefined, '周**', 'b_red_2', '745678901234', 'item.taobao.com', '2026-11-14T22:03:00+08:00', 19, undefined, true],
  // Already answered, but its 追评 still offers 追评回复.
  ['3801098765432109876', 'bad', '详情页写的是纯棉，到手一摸是化纤的，包装袋也破了，盒子被压得扁扁的', '洗过一次缩水严重，还掉色，把别的衣服都染了', '孙**', 'b_cap_1', '698877665544', 'detail.tmall.com', '2026-11-13T10:37:00+08:00', undefined, '亲，给您带来不好的体验非常抱歉', true],
  ['3800987654321098765', 'bad', '退货寄回去十天了还没给退款，售后一直说在处理，电话也打不通', '退款终于到了，但是前后拖了半个月，体验很差', '吴**', 'b_red_4', '745678901234', 'item.taobao.com', '2026-11-12T16:45:00+08:00', 17, undefined, true],
  ['3799876543210987654', 'good', '杯子颜值很高，容量也大，包装严实没有磕碰', '用了一个月了，每天都在用，还是很喜欢', '郑**', 'b_blue_5', '745678901234', 'item.taobao.com', '2026-11-11T20:12:00+08:00', 16, undefined, true],
];

function expectFields(actual: ReviewSnapshot, expected: Expected, url: URL) {
  const [orderId, rating, text, followUp, nick, credit, productId, host, date, days, reply, canReply] = expected;
  expect(actual.platform).toBe('qianniu');
  expect(actual.orderId).toBe(orderId);
  expect(actual.rating).toBe(rating);
  expect(actual.text).toBe(text);
  expect(actual.followUp).toBe(followUp);
  expect(actual.buyerNick).toBe(nick);
  expect(actual.buyerCredit).toBe(credit);
  expect(actual.product?.id).toBe(productId);
  expect(actual.product?.url).toMatch(new RegExp(`^https://${host.replace(/\./g, '\\.')}/item\\.htm\\?id=${productId}`));
  expect(actual.product?.title.length).toBeGreaterThan(5);
  expect(actual.date).toBe(date);
  expect(actual.replyDaysLeft).toBe(days);
  if (reply === undefined) expect(actual.existingReply).toBeUndefined();
  else expect(actual.existingReply?.startsWith(reply)).toBe(true);
  expect(actual.canReply).toBe(canReply);
  expect(actual.pageUrl).toBe(url.href);
  expect(actual.stars).toBeUndefined();
}

describe('qianniu rate-list.html (Fusion table)', () => {
  it('finds every review once, in page order, with every field', () => {
    const doc = loadFixture('qianniu', 'rate-list.html');
    const snapshots = readAll(doc);
    expect(snapshots).toHaveLength(RATE_LIST.length);
    snapshots.forEach((snapshot, i) => expectFields(snapshot, RATE_LIST[i], PAGE));
  });

  it('reads the product title from the link', () => {
    const [first] = readAll(loadFixture('qianniu', 'rate-list.html'));
    expect(first.product).toEqual({
      title: '秋冬加厚半高领针织打底衫女宽松慵懒风毛衣',
      url: 'https://item.taobao.com/item.htm?id=712345678901',
      id: '712345678901',
    });
  });

  it('does not turn 追评 rows or the rating filter into reviews', () => {
    const doc = loadFixture('qianniu', 'rate-list.html');
    const expanded = Array.from(doc.querySelectorAll('tr.next-table-expanded-row'));
    expect(expanded).toHaveLength(6);
    const roots = qn.findReviewRoots(doc);
    for (const row of expanded) {
      expect(roots).not.toContain(row);
      expect(qn.findReviewRoots(row)).toEqual([]);
    }
    expect(roots.every((root) => root.matches('tbody.next-table-body > tr.next-table-row'))).toBe(true);
    expect(qn.findReviewRoots(doc.querySelector('form.filter-panel')!)).toEqual([]);
  });

  it('gives hashed ids that are stable across page loads and distinct between reviews', () => {
    const first = readAll(loadFixture('qianniu', 'rate-list.html')).map((s) => s.reviewId);
    const second = readAll(loadFixture('qianniu', 'rate-list.html')).map((s) => s.reviewId);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    for (const id of first) expect(id).toMatch(/^h:[0-9a-f]{16}$/);
  });

  it('finds the same rows from any scope: tbody, one row, a cell, a re-rendered table', () => {
    const doc = loadFixture('qianniu', 'rate-list.html');
    const all = qn.findReviewRoots(doc);
    const tbody = doc.querySelector('tbody.next-table-body')!;
    expect(qn.findReviewRoots(tbody)).toEqual(all);
    expect(qn.findReviewRoots(all[3])).toEqual([all[3]]);
    const cell = all[4].querySelector('td')!;
    expect(qn.findReviewRoots(cell)).toEqual([all[4]]);

    const table = doc.querySelector('table[role="table"]')!;
    const rerendered = table.cloneNode(true) as Element;
    table.replaceWith(rerendered);
    const again = qn.findReviewRoots(rerendered);
    expect(again).toHaveLength(all.length);
    expect(again.map((root) => qn.read(root, PAGE)?.reviewId)).toEqual(all.map((root) => qn.read(root, PAGE)?.reviewId));
  });

  it('points at the 评价回复 button, or at 追评回复 when the review itself is answered', () => {
    const doc = loadFixture('qianniu', 'rate-list.html');
    const unanswered = rootByOrder(doc, '3812345678901234567');
    expect(qn.replyButton?.(unanswered)?.textContent?.trim()).toBe('评价回复');
    expect(unanswered.contains(qn.replyButton!(unanswered))).toBe(true);
    const answeredWithFollowUp = rootByOrder(doc, '3801098765432109876');
    const followUpButton = qn.replyButton!(answeredWithFollowUp);
    expect(followUpButton?.textContent?.trim()).toBe('追评回复');
    expect(followUpButton?.closest('tr')?.classList.contains('next-table-expanded-row')).toBe(true);
    expect(qn.replyButton!(rootByOrder(doc, '3809876543210987654'))).toBeNull();
  });

  it('mounts UI in the review cell, not in the product or action cell', () => {
    const doc = loadFixture('qianniu', 'rate-list.html');
    const root = rootByOrder(doc, '3805432109876543210');
    const mount = qn.mountPoint!(root);
    expect(mount.tagName).toBe('TD');
    expect(mount.textContent).toContain('不给说法就投诉12315');
  });
});

describe('qianniu rows read again after the page changed them', () => {
  it('reads the new rating when the row re-renders its label in place', () => {
    const doc = loadFixture('qianniu', 'rate-list.html');
    const root = qn.findReviewRoots(doc)[0];
    expect(qn.read(root, PAGE)?.rating).toBe('bad');
    root.querySelector('.rate-type-text')!.textContent = '中性评价';
    expect(qn.read(root, PAGE)?.rating).toBe('medium');
  });

  it('reads the new label element when a re-render swaps it for an identical one', () => {
    const doc = loadFixture('qianniu', 'rate-list.html');
    const root = qn.findReviewRoots(doc)[0];
    expect(qn.read(root, PAGE)?.rating).toBe('bad');
    const label = root.querySelector('.rate-type-text')!;
    const twin = label.cloneNode(true) as Element;
    label.replaceWith(twin);
    // Same text as before: only the element changed, and a reader still holding the old one would
    // find no rating label inside the row any more.
    expect(qn.findReviewRoots(root)).toEqual([root]);
    expect(qn.read(root, PAGE)?.rating).toBe('bad');
    expect(qn.mountPoint?.(root)?.contains(twin)).toBe(true);
  });

  it('stops finding a row whose rating label was removed', () => {
    const doc = loadFixture('qianniu', 'rate-list.html');
    const root = qn.findReviewRoots(doc)[0];
    expect(qn.findReviewRoots(root)).toEqual([root]);
    root.querySelector('.rate-type-text')!.remove();
    expect(qn.findReviewRoots(root)).toEqual([]);
  });
});

describe('qianniu late rows', () => {
  it('finds rows appended later when looking only at what was added', () => {
    const doc = loadFixture('qianniu', 'rate-list.html');
    const before = qn.findReviewRoots(doc);
    const tbody = doc.querySelector(lateRowsTarget)!;
    const added = parseRows(doc, lateReviewRowsHtml);
    expect(added).toHaveLength(3);
    for (const row of added) tbody.appendChild(row);

    const fromAdded = added.flatMap((node) => qn.findReviewRoots(node));
    expect(fromAdded).toHaveLength(2);
    expect(fromAdded.map((root) => qn.read(root, PAGE)?.orderId)).toEqual(lateReviewOrders);
    expect(before.some((root) => fromAdded.includes(root))).toBe(false);

    const late = qn.read(fromAdded[0], PAGE)!;
    expect(late.rating).toBe('bad');
    expect(late.followUp).toBe('补发的也是裂的，这家的打包真的不行');
    expect(late.replyDaysLeft).toBe(15);
    expect(qn.read(fromAdded[1], PAGE)!.rating).toBe('medium');
    expect(qn.findReviewRoots(doc)).toHaveLength(before.length + 2);
  });

  it('maps a 追评 row that arrives later to its review, without making it a review', () => {
    const doc = loadFixture('qianniu', 'rate-list.html');
    const root = rootByOrder(doc, lateFollowUpForOrder);
    expect(qn.read(root, PAGE)!.followUp).toBeUndefined();
    const [followUpRow] = parseRows(doc, lateFollowUpRowHtml);
    root.after(followUpRow);

    expect(qn.findReviewRoots(followUpRow)).toEqual([]);
    expect(qn.rootOf!(followUpRow)).toBe(root);
    expect(qn.rootOf!(followUpRow.querySelector('span')!)).toBe(root);
    expect(qn.rootOf!(root.querySelector('.rate-content span')!)).toBe(root);
    const reread = qn.read(root, PAGE)!;
    expect(reread.followUp).toBe(lateFollowUpText);
    expect(reread.text).toBe('客服态度很差，同一个问题问了三遍都是机器人自动回复，最后干脆不理人');
  });
});

describe('qianniu rate-list-variant.html (hashed ARIA grid)', () => {
  const VARIANT_URL = new URL('https://qn.taobao.com/home.htm/comment-manage/list/rateWait4PC?current=1&pageSize=20');

  const VARIANT: Expected[] = [
    ['2387123456789012345', 'bad', '收到就是坏的，台灯开关按下去没反应，换了插座也不亮', '补发的那个能用了，但是灯光有频闪，看久了眼睛疼', 't**7', 'b_blue_2', '756789012345', 'detail.tmall.com', '2026-11-21T20:41:07+08:00', 27, undefined, true],
    ['2386234567890123456', 'medium', '颜色和图片有色差，实物偏黄，不过做工还可以', undefined, '美**', 'b_red_4', '767890123456', 'item.taobao.com', '2026-11-20T08:15:44+08:00', undefined, '亲，不同显示器会有一定色差', false],
    ['2385345678901234567', 'bad', '快递员直接扔在驿站门口，箱子都湿透了，里面的东西也受潮了', undefined, '黄**', 'b_red_2', '778901234567', 'item.taobao.com', '2026-11-19T17:02:31+08:00', 25, undefined, true],
    ['2384456789012345678', 'good', '安装简单，很稳，孩子很喜欢', undefined, 'a**m', 'b_cap_2', '789012345678', 'detail.tmall.com', '2026-11-18T12:30:00+08:00', 24, undefined, true],
    // Past the reply window: the button is there but disabled.
    ['2383567890123456789', 'bad', '说好的48小时发货，一周了才发，问客服就一句在催了，态度敷衍', '东西到了，盖子是裂的，懒得退了', '林**', 'b_red_3', '778901234567', 'item.taobao.com', '2026-11-05T09:12:08+08:00', undefined, undefined, false],
    ['2382678901234567890', 'medium', '还行吧，没有想象中好', undefined, '何**', 'b_blue_1', '756789012345', 'detail.tmall.com', '2026-11-17T22:48:19+08:00', 23, undefined, true],
    ['2381789012345678901', 'bad', '枕头有很重的异味，放阳台晒了三天还是刺鼻，怀疑是劣质材料', '找售后说是正常气味，让我自己再晒晒，不会再买了', '徐**', 'b_red_5', '790123456789', 'item.taobao.com', '2026-11-16T10:05:52+08:00', 22, undefined, true],
  ];

  it('finds every review once with every field', () => {
    const doc = loadFixture('qianniu', 'rate-list-variant.html');
    const snapshots = readAll(doc, VARIANT_URL);
    expect(snapshots).toHaveLength(VARIANT.length);
    snapshots.forEach((snapshot, i) => expectFields(snapshot, VARIANT[i], VARIANT_URL));
  });

  it('uses the feedId from a data attribute or the detail link, else a hash', () => {
    const ids = readAll(loadFixture('qianniu', 'rate-list-variant.html'), VARIANT_URL).map((s) => s.reviewId);
    expect(ids[0]).toBe('1200045678901234');
    expect(ids[1]).toBe('1200045678901235');
    expect(ids[2]).toBe('1200045678901236'); // from 查看详情 ?feedId=
    expect(ids[3]).toMatch(/^h:[0-9a-f]{16}$/);
    expect(ids[4]).toBe('1200045678901238');
    expect(ids[5]).toMatch(/^h:[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps 追评 rows and the stats card out of the review list', () => {
    const doc = loadFixture('qianniu', 'rate-list-variant.html');
    const roots = qn.findReviewRoots(doc);
    expect(roots.every((root) => root.getAttribute('role') === 'row')).toBe(true);
    const appendRows = Array.from(doc.querySelectorAll('[role="row"]')).filter((row) => row.textContent?.includes('追评：'));
    expect(appendRows).toHaveLength(3);
    for (const row of appendRows) {
      expect(roots).not.toContain(row);
      expect(qn.rootOf!(row)).toBe(row.previousElementSibling);
    }
  });

  it('offers no reply button when the only one is disabled', () => {
    const doc = loadFixture('qianniu', 'rate-list-variant.html');
    const expired = rootByOrder(doc, '2383567890123456789');
    expect(qn.replyButton!(expired)).toBeNull();
    expect(qn.replyButton!(rootByOrder(doc, '2387123456789012345'))?.textContent?.trim()).toBe('评价回复');
  });
});

describe('qianniu orders list on the same host', () => {
  it('yields no reviews even though rows carry 订单号 and buyers', () => {
    const doc = loadFixture('qianniu', 'orders-list.html');
    expect(doc.body.textContent).toContain('订单号：');
    expect(qn.findReviewRoots(doc)).toEqual([]);
    expect(adapterFor(new URL('https://myseller.taobao.com/home.htm/trade-platform/tp/sold'))).toBeNull();
  });
});
