import { browser } from 'wxt/browser';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Who adds blacklist entries on this machine: typed once, offered again next time. */
const ADDED_BY_KEY = 'blacklist.addedBy';

export async function loadAddedBy(): Promise<string> {
  try {
    const stored = await browser.storage.local.get(ADDED_BY_KEY);
    const value = stored[ADDED_BY_KEY];
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

export async function rememberAddedBy(name: string): Promise<void> {
  await browser.storage.local.set({ [ADDED_BY_KEY]: name }).catch(() => undefined);
}

/** The remembered name as form state; the stored value arrives after the first render. */
export function useAddedBy(): [string, (name: string) => void] {
  const [name, setName] = useState('');
  const touched = useRef(false);
  useEffect(() => {
    void loadAddedBy().then((stored) => {
      if (!touched.current && stored) setName(stored);
    });
  }, []);
  return [
    name,
    (value: string) => {
      touched.current = true;
      setName(value);
    },
  ];
}
