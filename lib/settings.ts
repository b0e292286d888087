import { browser } from 'wxt/browser';

/** The seller's settings, kept in storage.local (never synced: nothing leaves the machine). */
export interface Settings {
  /** Open a case automatically the first time a medium/bad review is seen. */
  autoOpenCases: boolean;
  shopName: string;
  signature: string;
  serviceHours: string;
  defaultTone: 'sincere' | 'professional' | 'concise';
  /** 'auto' follows the review's language. */
  draftLanguage: 'auto' | 'zh-Hans' | 'zh-Hant' | 'en' | 'de';
  /** Platforms whose pages Mend works on; a seller can switch one off. */
  disabledPlatforms: string[];
  /** Hosts the seller added (granted as optional permissions). */
  extraHosts: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  autoOpenCases: true,
  shopName: '',
  signature: '',
  serviceHours: '',
  defaultTone: 'sincere',
  draftLanguage: 'auto',
  disabledPlatforms: [],
  extraHosts: [],
};

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<Settings> | undefined;
  return { ...DEFAULT_SETTINGS, ...(stored && typeof stored === 'object' ? stored : {}) };
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...patch };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) callback({ ...DEFAULT_SETTINGS, ...(changes[KEY].newValue as Partial<Settings>) });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
