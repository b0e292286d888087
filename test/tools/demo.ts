/**
 * `npm run demo`: Mend in a real Chrome/Chromium on a bundled demo Qianniu review page, served at
 * its real URL by request interception (no network). Headed when a display exists; otherwise
 * headless, with screenshots written to a folder it names.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { findBrowser, launchMend, openExtensionPage, waitForMarks } from './browser';

const DEMO_PAGES = [
  { url: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC', file: 'test/fixtures/qianniu/rate-list.html' },
  { url: 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold', file: 'test/fixtures/qianniu/orders-list.html' },
];

async function main() {
  const browserPath = findBrowser();
  if (!browserPath) {
    console.error(
      'Mend demo: no Chrome or Chromium found.\n' +
        '  Debian/Ubuntu: sudo apt-get install chromium\n' +
        '  Elsewhere: install Google Chrome or Chromium, or set MEND_CHROMIUM=/path/to/chrome',
    );
    process.exit(1);
  }
  const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform === 'darwin' || process.platform === 'win32') && !process.env.CI;
  console.log(`Mend demo: ${browserPath} (${headed ? 'window' : 'headless'})`);
  const mend = await launchMend({ headless: !headed });
  for (const page of DEMO_PAGES) mend.serve(page);
  const page = mend.context.pages()[0] ?? (await mend.context.newPage());
  await page.goto(DEMO_PAGES[0].url);
  await waitForMarks(page, 1);
  const marked = await page.locator('[data-mend-review]').count();
  console.log(`Mend demo: ${marked} reviews recognized on the demo Qianniu page ${DEMO_PAGES[0].url}`);

  if (headed) {
    await openExtensionPage(mend, 'popup.html');
    await page.bringToFront();
    console.log('Mend demo: the browser stays open; close it to end the demo.');
    await new Promise<void>((done) => mend.context.on('close', () => done()));
    return;
  }

  const folder = resolve(process.cwd(), '.demo');
  mkdirSync(folder, { recursive: true });
  await page.waitForTimeout(800);
  await page.screenshot({ path: resolve(folder, 'review-page.png'), fullPage: true });
  const popup = await openExtensionPage(mend, 'popup.html');
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.waitForSelector('[data-case-id], .empty, .error');
  await popup.screenshot({ path: resolve(folder, 'popup.png') });
  const dashboard = await openExtensionPage(mend, 'dashboard.html');
  await dashboard.waitForTimeout(800);
  await dashboard.screenshot({ path: resolve(folder, 'dashboard.png'), fullPage: true });
  console.log(`Mend demo: no display found, so it ran headless. Screenshots are in ${folder}:`);
  console.log('  review-page.png  popup.png  dashboard.png');
  await mend.close();
}

main().catch((error) => {
  console.error(`Mend demo failed: ${(error as Error).message}`);
  process.exit(1);
});
