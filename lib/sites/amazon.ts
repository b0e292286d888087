/**
 * Amazon Seller Central: Feedback Manager (seller feedback) and Brand Customer Reviews (product
 * reviews). Both are built from Katal web components whose content sits partly in open shadow
 * roots (the order link inside <kat-link>, whole tables inside micro-frontends), so both
 * adapters read deep. Policy reminder for whoever drafts replies: no asking to change or remove.
 */
import { blockAdapter, hostAndPath } from './block-adapter';
import { englishDateToIso } from './dates';

const SELLER_CENTRAL = [/^sellercentral(-europe|-japan)?\.amazon\.[a-z.]+$/];

export const amazonFeedbackAdapter = blockAdapter({
  platform: 'amazon',
  matchesUrl: hostAndPath(SELLER_CENTRAL, /^\/feedback-manager\//),
  deep: true,
  // 2026-11: Katal table rows in the body (the head row has no order id).
  roots: ['kat-table-body > kat-table-row', 'kat-table-row[data-feedback-id]'],
  requiredText: /\b\d{3}-\d{7}-\d{7}\b/,
  text: ['.feedback-comment', '[data-testid="feedback-comment"]', 'kat-table-cell.comments'],
  existingReply: ['.public-reply-text', '[data-testid="public-reply"]'],
  stripPrefix: /^(Your public reply|Seller response)[:\s]*/i,
  starValue: [
    { selector: 'kat-star-rating[value]', attribute: 'value' },
    { selector: '[role="img"][aria-label*="out of 5"]', attribute: 'aria-label' },
  ],
  buyerNick: { selectors: ['.rater', '[data-testid="rater-email"]'] },
  orderId: { pattern: /\b(\d{3}-\d{7}-\d{7})\b/ },
  date: { selectors: ['kat-table-cell:first-child'], pattern: /(\d{1,2}\/\d{1,2}\/\d{4})/, toIso: englishDateToIso },
  reviewIdAttributes: ['data-feedback-id'],
  replyLabels: ['Post public reply', 'Post a public reply', 'Reply'],
  mount: ['kat-table-cell.comments'],
});

export const amazonBrandReviewsAdapter = blockAdapter({
  platform: 'amazon',
  matchesUrl: hostAndPath(SELLER_CENTRAL, /^\/brand-customer-reviews/),
  deep: true,
  roots: ['[data-testid^="review-R"]'],
  text: ['.reviewText', '[data-testid="review-text"]', '[class*="reviewText"]'],
  starValue: [
    { selector: 'kat-star-rating.reviewRating[value]', attribute: 'value' },
    { selector: 'kat-star-rating[value]', attribute: 'value' },
  ],
  buyerNick: { selectors: ['.reviewer', '[data-testid="reviewer-name"]'] },
  date: {
    pattern: /((?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4})/,
    toIso: englishDateToIso,
  },
  product: { link: ['a[href*="/dp/"]'], title: ['.productTitle'], idPattern: /\/dp\/([A-Z0-9]{10})/ },
  reviewIdAttributes: ['data-testid'],
  reviewIdPattern: /review-(R[A-Z0-9]+)/,
  replyLabels: ['Contact customer', 'Contact Customer'],
});
