/**
 * OTTO Partner Connect product reviews (portal.otto.market), German. No public DOM source: markup
 * assumed from OTTO's pattern library (`pl_` classes), 2026-11. Stars only, no 好评-style labels.
 */
import { blockAdapter, hostAndPath } from './block-adapter';
import { germanDateToIso } from './dates';

export const ottoAdapter = blockAdapter({
  platform: 'otto',
  matchesUrl: hostAndPath(['portal.otto.market'], /review|bewertung/i),
  roots: ['[data-review-id]', 'tr[data-testid="review-row"]', '.review-card'],
  requiredText: /\d{1,2}\.\d{1,2}\.\d{4}/,
  text: ['.review-card__text', '.review-text', '[class*="review-text"]', '[class*="__text"]'],
  existingReply: ['.review-reply-text', '[class*="reply"] p'],
  stripPrefix: /^(Ihre Antwort|Antwort des Händlers)[:\s]+/,
  filledStars: ['svg.pl_icon--star-filled', '[class*="star-filled"]'],
  starValue: [
    { selector: '[role="img"][aria-label*="Stern"]', attribute: 'aria-label' },
    { selector: '[aria-label*="von 5"]', attribute: 'aria-label' },
  ],
  buyerNick: { selectors: ['.review-card__author', '.author', '[class*="author"]'] },
  orderId: { pattern: /Bestell(?:nummer|nr\.?)[:\s]+([A-Z0-9-]{6,})/ },
  date: { pattern: /(\d{1,2}\.\d{1,2}\.\d{4}(?:,?\s+\d{1,2}:\d{2})?)/, toIso: germanDateToIso },
  product: {
    link: ['a[href*="otto.de/p/"]', '.review-card__product', '.product-link'],
    idPattern: /(?:variationId=|Artikelnr\.?:?\s*)(\d{6,})/,
  },
  reviewIdAttributes: ['data-review-id'],
  replyLabels: ['Antworten', 'Kommentieren'],
});
