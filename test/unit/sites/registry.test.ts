import { describe, expect, it } from 'vitest';
import { amazonFeedbackAdapter } from '../../../lib/sites/amazon';
import { adapterFor } from '../../../lib/sites/index';
import { loadFixture } from './fixture-dom';

describe('adapterFor', () => {
  it.each([
    ['https://rate.taobao.com/myRate.htm', 'taobao_classic'],
    ['https://mms.pinduoduo.com/goods/evaluation/index', 'pinduoduo'],
    ['https://fxg.jinritemai.com/ffa/maftersale/comment', 'douyin'],
    ['https://shop.jd.com/jdm/trade/comment/list', 'jd'],
    ['https://s.kwaixiaodian.com/zone/comment/manage', 'kuaishou'],
    ['https://portal.otto.market/reviews', 'otto'],
    ['https://sellercentral.amazon.de/feedback-manager/index.html', 'amazon'],
    ['https://sellercentral-europe.amazon.com/brand-customer-reviews/', 'amazon'],
  ])('%s → %s', (href, platform) => {
    expect(adapterFor(new URL(href))?.platform).toBe(platform);
  });

  it.each([
    'https://rate.taobao.com/user-rate-UvCIYMGvWMmN4.htm',
    'https://mms.pinduoduo.com/orders/list',
    'https://fxg.jinritemai.com/ffa/morder/order/list',
    'https://shop.jd.com/jdm/trade/orders/list',
    'https://s.kwaixiaodian.com/zone/order/list',
    'https://portal.otto.market/orders',
    'https://sellercentral.amazon.com/orders-v3',
    'https://www.amazon.com/product-reviews/B0C7K2M4QX',
    'https://example.com/comment-manage/list',
  ])('no adapter for %s', (href) => {
    expect(adapterFor(new URL(href))).toBeNull();
  });
});

describe('amazon feedback inside shadow roots', () => {
  it('reads rows that plain DOM queries cannot see', () => {
    const doc = loadFixture('amazon', 'feedback-manager-shadow.html');
    expect(doc.querySelectorAll('kat-table-row').length).toBe(0);
    const roots = amazonFeedbackAdapter.findReviewRoots(doc);
    expect(roots).toHaveLength(4);
    const url = new URL('https://sellercentral.amazon.com/feedback-manager/index.html');
    // The order number exists only as text inside <kat-link>'s shadow root.
    const row = roots[0];
    expect(row.textContent).not.toMatch(/\d{3}-\d{7}-\d{7}/);
    expect(amazonFeedbackAdapter.read(row, url)?.orderId).toMatch(/^\d{3}-\d{7}-\d{7}$/);
  });

  it('maps an element deep inside a row (in a nested shadow root) back to the row', () => {
    const doc = loadFixture('amazon', 'feedback-manager.html');
    const [row] = amazonFeedbackAdapter.findReviewRoots(doc);
    const link = row.querySelector('kat-link')!.shadowRoot!.querySelector('a')!;
    expect(amazonFeedbackAdapter.rootOf!(link)).toBe(row);
    const button = amazonFeedbackAdapter.replyButton!(row);
    expect(button?.getAttribute('label')).toBe('Post public reply');
  });
});
