import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';

/** The built extension; MEND_EXTENSION_DIR points at another build (an A/B comparison of two builds). */
export const EXTENSION_DIR = resolve(process.cwd(), process.env.MEND_EXTENSION_DIR ?? '.output/chrome-mv3');

const CANDIDATE_BROWSERS = [
  process.env.MEND_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter((path): path is string => Boolean(path));

export function findBrowser(): string | null {
  return CANDIDATE_BROWSERS.find((path) => existsSync(path)) ?? null;
}

/** A fixture page served at a real back-office URL, so the content script matches as in production. */
export interface ServedPage {
  url: string;
  /** Path of an HTML file relative to the project root, or inline HTML. */
  file?: string;
  html?: string;
}

export interface MendBrowser {
  context: BrowserContext;
  /** Empty when launched without the extension. */
  extensionId: string;
  /** Every request that reached the network layer, by URL (none may leave the machine). */
  requests: string[];
  serve(page: ServedPage): void;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Reuse a profile folder (e.g. to reload the browser); a fresh temporary one by default. */
  profileDir?: string;
  locale?: string;
  /** Load Mend (default). Off for the same browser without Mend, as the page benchmark's baseline. */
  extension?: boolean;
  /**
   * Answer every request from the test (default), which is how the e2e tests prove Mend asks the network
   * for nothing. Playwright then pauses every request, the extension's own files included, for a round trip
   * to this process: a benchmark of extension pages turns it off and has DNS fail instead, so nothing can
   * leave the machine either way. Fixture pages cannot be served without it.
   */
  intercept?: boolean;
}

/**
 * Real Chromium with the built extension loaded. Every request is answered locally: fixture pages
 * at their real URLs, 404 for anything else. Nothing goes to the network.
 */
export async function launchMend(options: LaunchOptions = {}): Promise<MendBrowser> {
  const executablePath = findBrowser();
  if (!executablePath) {
    throw new Error('No Chrome or Chromium found. Install Debian\'s chromium (apt-get install chromium) or set MEND_CHROMIUM to a Chrome/Chromium binary.');
  }
  const withExtension = options.extension ?? true;
  const intercept = options.intercept ?? true;
  if (withExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`The extension is not built (${EXTENSION_DIR}). Run: npm run build`);
  }
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'mend-profile-'));
  const headless = options.headless ?? true;
  const locale = options.locale ?? 'zh-CN';
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: false,
    locale,
    // Chromium on Linux picks its UI language (and so chrome.i18n's) from LANGUAGE.
    env: { ...process.env, LANGUAGE: locale.replace('-', '_'), LANG: `${locale.replace('-', '_')}.UTF-8`, LC_ALL: `${locale.replace('-', '_')}.UTF-8` },
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
    args: [
      ...(withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--lang=${locale}`,
      ...(intercept ? [] : ['--host-resolver-rules=MAP * ~NOTFOUND']),
    ],
  });
  const pages = new Map<string, ServedPage>();
  const requests: string[] = [];
  const onRequest = (request: Request) => {
    const url = request.url();
    if (!url.startsWith('chrome-extension://') && !url.startsWith('data:') && !url.startsWith('about:')) requests.push(url);
  };
  context.on('request', onRequest);
  if (intercept) await context.route('**/*', async (route) => {
    const url = route.request().url();
    // The extension's own files load from the extension, never from the network.
    if (url.startsWith('chrome-extension://')) return route.continue();
    const served = pages.get(url.split('#')[0]);
    if (served) {
      const body = served.html ?? readFileSync(resolve(process.cwd(), served.file!), 'utf8');
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    } else {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served in tests' });
    }
  });
  let extensionId = '';
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    requests,
    serve(page) {
      if (!intercept) throw new Error('Fixture pages are served by intercepting requests: launch with intercept on.');
      pages.set(page.url, page);
    },
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Opens an extension page (popup.html, dashboard.html …) in a tab. */
export async function openExtensionPage(mend: MendBrowser, path: string): Promise<Page> {
  const page = await mend.context.newPage();
  await page.goto(`chrome-extension://${mend.extensionId}/${path}`);
  return page;
}

/** Waits until the content script has marked `count` reviews (or throws with what it found). */
export async function waitForMarks(page: Page, count: number, timeout = 10_000): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-mend-review] mend-review').length >= n, count, { timeout });
}

/** Every record of one store of Mend's IndexedDB, read from an extension page (sorted by id). */
export async function readMendStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const open = indexedDB.open('mend');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const all: { id?: string }[] = await new Promise((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      return all.sort((a, b) => String(a.id).localeCompare(String(b.id)));
    } finally {
      db.close();
    }
  }, store) as Promise<T[]>;
}
