/**
 * Kuaishou shop 快手小店 评价管理 (s.kwaixiaodian.com). No public DOM source: selectors assumed from
 * the shop's antd-style tables and CSS-module cards (2026-11). Visible rules the page states: a
 * reply within 30 days, only to the first review, never edited — so 追评 never offers a reply.
 */
import { blockAdapter, hostAndPath } from './block-adapter';

export const kuaishouAdapter = blockAdapter({
  platform: 'kuaishou',
  matchesUrl: hostAndPath(['s.kwaixiaodian.com'], /comment|evaluat/i),
  roots: ['tr[data-row-key]', '[data-comment-id]', '[class*="CommentCard_card"]'],
  requiredText: /订单(?:编号|号)[：:]\s*\d{10,}/,
  text: ['.comment-text', '[class*="CommentCard_body"]', '[class*="comment-text"]', '[class*="commentText"]'],
  followUp: ['.append-text', '[class*="appendText"]'],
  existingReply: ['.merchant-reply-text', '[class*="replyText"]'],
  stripPrefix: /^(追评|商家回复)[：:]\s*/,
  ratingLabels: ['.ks-tag', '[class*="-tag"]'],
  filledStars: ['.score-star.active'],
  starValue: [{ selector: '[aria-valuenow][aria-valuemax="5"]', attribute: 'aria-valuenow' }],
  buyerNick: { selectors: ['.buyer-name', '[class*="CommentCard_nick"]', '[class*="nick"]'] },
  orderId: { pattern: /订单(?:编号|号)[：:]\s*(\d{10,})/ },
  date: { pattern: /(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})/ },
  product: {
    title: ['.item-title', '[class*="CommentCard_goods"]'],
    idPattern: /商品ID[：:]\s*(\d{6,})/,
    sku: ['.sku', '[class*="CommentCard_goods"] + [class*="muted"]'],
  },
  reviewIdAttributes: ['data-row-key', 'data-comment-id'],
  replyDaysLeft: /剩余\s*(\d+)\s*天可回复/,
  replyLabels: ['回复', '去回复'],
  mount: ['td:has(.comment-text)'],
});
