/**
 * Back-office hosts Mend runs on without asking. Every other site is an optional permission the
 * seller grants from the options page (least privilege).
 */
export const SUPPORTED_HOST_PATTERNS = [
  'https://myseller.taobao.com/*',
  'https://qn.taobao.com/*',
  'https://rate.taobao.com/*',
  'https://mms.pinduoduo.com/*',
  'https://fxg.jinritemai.com/*',
  'https://shop.jd.com/*',
  'https://jm.jd.com/*',
  'https://s.kwaixiaodian.com/*',
  'https://portal.otto.market/*',
  'https://sellercentral.amazon.com/*',
  'https://sellercentral.amazon.de/*',
  'https://sellercentral-europe.amazon.com/*',
];

/** Pages that also get the page-world tap of their own review-list responses (structured-sources.ts). */
export { STRUCTURED_HOST_PATTERNS } from './structured-sources';
