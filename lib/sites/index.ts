/**
 * Registry of site adapters. The content script asks `adapterFor(location)`; adapters are tried in
 * order, so more specific ones come first.
 */
import type { SiteAdapter } from './types';
import { qianniuAdapter } from './qianniu';
import { pinduoduoAdapter } from './pinduoduo';
import { douyinAdapter } from './douyin';
import { taobaoClassicAdapter } from './taobao-classic';
import { jdAdapter } from './jd';
import { kuaishouAdapter } from './kuaishou';
import { ottoAdapter } from './otto';
import { amazonBrandReviewsAdapter, amazonFeedbackAdapter } from './amazon';

export const allAdapters: readonly SiteAdapter[] = [qianniuAdapter, taobaoClassicAdapter, pinduoduoAdapter, douyinAdapter, jdAdapter, kuaishouAdapter, ottoAdapter, amazonFeedbackAdapter, amazonBrandReviewsAdapter];

export function adapterFor(url: URL): SiteAdapter | null {
  return allAdapters.find((adapter) => adapter.matchesUrl(url)) ?? null;
}
