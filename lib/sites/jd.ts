/**
 * JD merchant back-office, 评价管理 (shop.jd.com). No public DOM source exists for the seller side;
 * selectors follow JD's public comment markup (`comment-item[data-guid]`, `comment-star starN`,
 * `comment-con`, `recomment`) and its newer `jdc-pc-rate-card` cards. Assumed 2026-11.
 */
import { blockAdapter, hostAndPath } from './block-adapter';

export const jdAdapter = blockAdapter({
  platform: 'jd',
  matchesUrl: hostAndPath(['shop.jd.com', 'jm.jd.com'], /comment|evaluat|pingjia/i),
  roots: ['div.comment-item[data-guid]', '.jdc-pc-rate-card', 'div.comment-item'],
  requiredText: /\d{4}-\d{2}-\d{2}/,
  text: ['.comment-column > .comment-con', '.jdc-pc-rate-card-main-desc', ':scope > p.comment-con'],
  followUp: ['.append-comment .comment-con', '.jdc-pc-rate-card-append-desc'],
  existingReply: ['.jdc-pc-rate-card-reply-text', '.recomment'],
  stripPrefix: /^(商家回复|掌柜回复|追评)[：:]\s*/,
  starValue: [
    { selector: '.comment-star', attribute: 'class' },
    { selector: '[class*="rate-card-star"]', attribute: 'aria-label' },
    { selector: '[aria-label*="星"]', attribute: 'aria-label' },
  ],
  buyerNick: { selectors: ['.user-name', '.jdc-pc-rate-card-nick', '[class*="nick"]'] },
  orderId: { pattern: /订单(?:编号|号)[：:]\s*(\d{8,})/ },
  date: { selectors: ['.order-info', '.jdc-pc-rate-card-info'], pattern: /(\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?)/ },
  product: { link: ['a[href*="item.jd.com/"]'], idPattern: /item\.jd\.com\/(\d+)\.html/ },
  reviewIdAttributes: ['data-guid', 'data-comment-id'],
  replyLabels: ['回复', '回复评价'],
  mount: ['.comment-column'],
});
