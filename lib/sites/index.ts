/**
 * Registry of site adapters. The content script asks `adapterFor(location)`; adapters are tried in
 * order, so more specific ones come first.
 */
import type { SiteAdapter } from './types';
import { qianniuAdapter } from './qianniu';
import { pinduoduoAdapter } from './pinduoduo';

export const allAdapters: readonly SiteAdapter[] = [qianniuAdapter, pinduoduoAdapter];

export function adapterFor(url: URL): SiteAdapter | null {
  return allAdapters.find((adapter) => adapter.matchesUrl(url)) ?? null;
}
