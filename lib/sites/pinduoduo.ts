/**
 * Pinduoduo merchant back-office, 评价管理 (mms.pinduoduo.com/goods/evaluation/index).
 * beast-core UI: class names carry a release suffix (`_5-188-0`) that changes every release, so
 * selectors use `data-testid` and `[class*="logic_…"]` prefixes, never a full class name.
 */
import { blockAdapter, hostAndPath } from './block-adapter';

export const pinduoduoAdapter = blockAdapter({
  platform: 'pinduoduo',
  matchesUrl: hostAndPath(['mms.pinduoduo.com'], /^\/goods\/evaluation\b/),
  // 2026-11: one tbody per review, a group header row (stars, order) above the data row.
  roots: ['tbody[data-testid="beast-core-table-middle-tbody"]', 'tbody:has(> tr[class*="bodyGroupHeader"])'],
  requiredText: /订单编号[：:]\s*\d{6}-\d{6,}/,
  text: ['div[class*="logic_reviewWrapper"]', '[class*="reviewContent"]', '[class*="reviewText"]'],
  followUp: ['[class*="logic_appendText"]', '[class*="logic_appendWrapper"]'],
  existingReply: ['[class*="logic_replyContent"]'],
  stripPrefix: /^(追评|追加评价|商家回复|评价内容)[：:]\s*/,
  // 2026-11: filled stars are svg icons with this test id; the newer release only marks the class.
  filledStars: [
    'svg[data-testid="beast-core-icon-star_filled"]',
    '[data-testid$="star_filled"]',
    '[class*="starFilled"]',
    '[class*="star_filled"]',
  ],
  starValue: [{ selector: '[aria-label*="星"]', attribute: 'aria-label' }],
  buyerNick: { pattern: /买家昵称[：:]\s*(\S+)/ },
  orderId: { pattern: /订单编号[：:]\s*(\d{6}-\d{6,})/ },
  // The review cell may also hold the reply time, so the date column is read first.
  date: {
    selectors: ['[class*="logic_time"]', 'tr[data-testid="beast-core-table-body-tr"] > td:nth-child(3)'],
    pattern: /(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})/,
  },
  product: {
    title: ['[class*="logic_goodsName"]', '[class*="goodsName"]'],
    idPattern: /ID[：:]\s*(\d{6,})/,
    sku: ['[class*="logic_specsWrapper"] span', '[class*="specs"]'],
  },
  replyLabels: ['回复/互动', '回复', '去回复'],
  mount: ['tr[data-testid="beast-core-table-body-tr"] > td:nth-child(2)', 'tr:not([class*="bodyGroupHeader"]) > td:nth-child(2)'],
});
