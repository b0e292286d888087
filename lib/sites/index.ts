/**
 * Registry of site adapters. The content script asks `adapterFor(location)`; adapters are tried in
 * order, so more specific ones come first.
 */
import type { SiteAdapter } from './types';
import { qianniuAdapter } from './qianniu';

export const allAdapters: readonly SiteAdapter[] = [qianniuAdapter];

export function adapterFor(url: URL): SiteAdapter | null {
  return allAdapters.find((adapter) => adapter.matchesUrl(url)) ?? null;
}
