/**
 * Douyin shop 抖店 评价管理 (fxg.jinritemai.com/ffa/maftersale/comment, older /ffa/g/comment).
 * No public row selectors exist: rows follow antd conventions (`tr[data-row-key]`, also with the
 * shop's own `auxo-` prefix), fields are anchored on visible labels and class-name fragments.
 */
import { blockAdapter, hostAndPath } from './block-adapter';

export const douyinAdapter = blockAdapter({
  platform: 'douyin',
  matchesUrl: hostAndPath(['fxg.jinritemai.com'], /^\/ffa\/(maftersale|g)\/comment\b/),
  // 2026-11: antd/auxo table rows keyed by the comment id.
  roots: ['tr[data-row-key]', '[class*="table-row"][data-row-key]'],
  requiredText: /订单(编号|号)[：:]\s*\d{10,}/,
  text: ['.comment-content', '[class*="comment-content"]', '[class*="commentContent"]', '[class*="index_content"]'],
  followUp: ['.comment-append-text', '[class*="appendText"]', '[class*="comment-append"]', '[class*="append"]'],
  existingReply: ['.shop-reply-text', '[class*="shopReplyText"]', '[class*="shop-reply"]', '[class*="shopReply"]'],
  stripPrefix: /^(追评|商家回复|评价内容)[：:]\s*/,
  ratingLabels: ['[class*="-tag"]'],
  filledStars: ['li[class*="rate-star-full"]', '[role="radio"][aria-checked="true"]'],
  buyerNick: { selectors: ['.user-name', '[class*="userName"]', '[class*="user-name"]'] },
  orderId: { pattern: /订单(?:编号|号)[：:]\s*(\d{10,})/ },
  date: { selectors: ['.comment-time', '[class*="index_time"]', '[class*="comment-time"]'], pattern: /(\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?)/ },
  product: {
    title: ['.goods-name', '[class*="productName"]', '[class*="goods-name"]'],
    idPattern: /商品ID[：:]\s*(\d{6,})/,
    sku: ['.comment-sku', '[class*="index_sku"]', '[class*="sku"]'],
  },
  reviewIdAttributes: ['data-row-key'],
  replyLabels: ['回复', '去回复', '回复评价'],
  mount: ['td:has(.comment-content)', 'td:has([class*="index_content"])'],
});
