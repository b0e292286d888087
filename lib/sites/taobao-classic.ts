/**
 * Classic rate.taobao.com "评价管理 — 来自买家的评价" (myRate.htm, user-myrate-<uid>….htm).
 * An old server-rendered page, still linked from the seller center. The buyer's PUBLIC rating page
 * (user-rate-<id>.htm) is a different thing and has its own module.
 */
import { blockAdapter, hostAndPath } from './block-adapter';

export const taobaoClassicAdapter = blockAdapter({
  platform: 'taobao_classic',
  matchesUrl: hostAndPath(['rate.taobao.com'], /^\/(myRate\.htm|user-myrate-)/i),
  // 2026-11: rows carry the rating id; older grids have neither the id nor the table id.
  roots: ['#J_RateList > tbody > tr[data-id]', '#J_RateList > tbody > tr', 'table.rate-grid > tbody > tr'],
  text: ['td.rate-main > .comment', 'td.col-content > .comment', 'td > div.comment'],
  followUp: ['.append .comment'],
  existingReply: ['.reply'],
  stripPrefix: /^\[?(解释|回复|掌柜回复)\]?[：:]?\s*/,
  ratingLabels: ['.rate-type [title]', '.rate-result', '.col-result', '[class*="rate-"][title]'],
  buyerNick: { selectors: ['a.nick', '.nick'] },
  buyerCredit: { selectors: ['img.rank', '.rank', 'img'], attributePattern: /\b([bs]_(?:red|blue|cap|crown)_\d)\b/ },
  date: { selectors: ['td > .date', '.date'], pattern: /(\d{4}[-.]\d{2}[-.]\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?)/ },
  product: {
    link: ['td.rate-item a[href*="item.htm"]', 'td.col-item a[href*="item.htm"]', 'a[href*="item.htm?id="]'],
    idParam: 'id',
  },
  reviewIdAttributes: ['data-id'],
  replyLabels: ['解释', '回复'],
  mount: ['td.rate-main', 'td.col-content'],
});
