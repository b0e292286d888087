import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchMend, waitForMarks, type MendBrowser } from '../tools/browser';
import { wireReplyDialogs, type FixtureLog } from '../fixtures/reply-dialogs/wire';

/** Each reply-dialog fixture at the real address of its back-office page. */
const DIALOGS = [
  { name: 'Qianniu Fusion dialog', url: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC?dialog=1', file: 'test/fixtures/reply-dialogs/qianniu.html', react: false },
  { name: 'Qianniu rich-text dialog', url: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC?dialog=2', file: 'test/fixtures/reply-dialogs/qianniu-richtext.html', react: false },
  { name: 'Pinduoduo beast-core modal', url: 'https://mms.pinduoduo.com/goods/evaluation/index?dialog=1', file: 'test/fixtures/reply-dialogs/pinduoduo.html', react: true },
  { name: 'classic rate.taobao.com overlay', url: 'https://rate.taobao.com/myRate.htm?dialog=1', file: 'test/fixtures/reply-dialogs/taobao-classic.html', react: false },
];

/** Text of every reply editor on the page (textareas and rich-text fields). */
const editorTexts = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('textarea, [contenteditable="true"], [role="textbox"]'))
      .filter((el) => !el.closest('mend-review'))
      .map((el) => (el instanceof HTMLTextAreaElement ? el.value : el.textContent ?? '').trim())
      .filter(Boolean),
  );

describe('a draft goes into the platform reply box on a click, never submitted', () => {
  let mend: MendBrowser;
  beforeAll(async () => {
    mend = await launchMend();
    for (const dialog of DIALOGS) mend.serve({ url: dialog.url, file: dialog.file });
  });
  afterAll(async () => {
    await mend?.close();
  });

  for (const dialog of DIALOGS) {
    it(dialog.name, async () => {
      const page = await mend.context.newPage();
      await page.goto(dialog.url);
      await page.evaluate('window.__name = (fn) => fn');
      await page.evaluate(wireReplyDialogs as () => FixtureLog);
      await waitForMarks(page, 1);
      const widget = page.locator('mend-review').first();
      await widget.locator('[data-action="draft"]').click();
      const insert = widget.locator('[data-action="insert"]');
      await insert.waitFor();
      const draft = await widget.locator('textarea').first().inputValue();
      expect(draft.length).toBeGreaterThan(20);
      await insert.click();
      await expect.poll(() => editorTexts(page), { timeout: 8000 }).toContain(draft.trim());
      const log = await page.evaluate(() => (window as unknown as { __replyFixtureLog: FixtureLog }).__replyFixtureLog);
      expect(log.submits).toEqual([]);
      if (dialog.react) expect(log.reactChanges.at(-1)?.trim()).toBe(draft.trim());
      await page.close();
    });
  }
});
