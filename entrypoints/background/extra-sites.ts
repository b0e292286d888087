import { browser } from 'wxt/browser';
import { SUPPORTED_HOST_PATTERNS } from '../../lib/sites/hosts';

const SCRIPT_ID = 'mend-extra-sites';
const CONTENT_SCRIPT = '/content-scripts/content.js';

/** Origins the seller granted beyond the supported back-offices (optional host permissions). */
async function extraOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((origin) => !SUPPORTED_HOST_PATTERNS.includes(origin) && origin !== 'https://*/*');
}

/** `scripting` is optional too: without it there is nothing to register, and nothing runs there. */
function scripting() {
  return (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
}

/**
 * Keeps Mend's content script registered on exactly the sites the seller granted, so a site added
 * in the options page or from the popup works on its next page load, and a revoked one stops.
 */
export async function syncExtraSites(): Promise<string[]> {
  const api = scripting();
  if (!api) return [];
  const origins = await extraOrigins();
  const existing = await api.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (existing.length > 0) await api.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length > 0) {
    await api.registerContentScripts([{ id: SCRIPT_ID, matches: origins, js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcross: true } as never]);
  }
  return origins;
}

/** After the popup got the seller's grant: register, and run Mend in the open tab right away. */
export async function enableSite(origin: string, tabId?: number): Promise<{ ok: boolean; error?: string }> {
  try {
    const granted = await browser.permissions.contains({ origins: [`${origin}/*`] });
    if (!granted) return { ok: false, error: 'not granted' };
    await syncExtraSites();
    const api = scripting();
    if (api && tabId !== undefined) await api.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export function watchExtraSites(): () => void {
  const sync = () => void syncExtraSites().catch((error) => console.error('[Mend] extra sites', error));
  try {
    browser.permissions.onAdded.addListener(sync);
    browser.permissions.onRemoved.addListener(sync);
  } catch (error) {
    // Browsers (and test doubles) without permission events: added sites apply after a restart.
    console.warn('[Mend] permission events unavailable', error);
    return () => {};
  }
  sync();
  return () => {
    browser.permissions.onAdded.removeListener(sync);
    browser.permissions.onRemoved.removeListener(sync);
  };
}
