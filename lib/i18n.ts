import { browser } from 'wxt/browser';

/**
 * Every UI string goes through the extension's i18n (public/_locales). A missing key shows the key
 * itself, so a forgotten translation is visible instead of an empty label.
 */
export function t(key: string, substitutions?: string | string[]): string {
  let message = '';
  try {
    message = browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], substitutions);
  } catch {
    // The extension context is gone (reloaded); the key is still better than nothing.
  }
  return message || key;
}

/** The UI language Chrome picked for the extension's messages, as a BCP 47 tag. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'zh-CN';
  }
}
