import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchMend, waitForMarks, type MendBrowser } from '../tools/browser';
import { HOSTILE_TEXTS, hostileQianniuPage } from '../tools/hostile-page';

const URL_HOSTILE = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC?hostile=1';

describe('hostile review texts', () => {
  let mend: MendBrowser;
  beforeAll(async () => {
    mend = await launchMend();
    mend.serve({ url: URL_HOSTILE, html: hostileQianniuPage() });
  });
  afterAll(async () => {
    await mend?.close();
  });

  it('are recognized, labelled and shown inert', async () => {
    const page = await mend.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(URL_HOSTILE);
    const rows = await page.locator('tr.next-table-row').count();
    await waitForMarks(page, rows);

    const report = await page.evaluate(() => {
      const widgets = Array.from(document.querySelectorAll('mend-review'));
      return {
        pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
        widgets: widgets.length,
        foreignElements: widgets.flatMap((w) => Array.from(w.shadowRoot!.querySelectorAll('script, img, svg, iframe, object, embed, b, i, div.rate-type-text'))).length,
        chips: widgets.map((w) => Array.from(w.shadowRoot!.querySelectorAll('[data-cause]')).map((c) => c.getAttribute('data-cause'))),
      };
    });
    expect(report.pwned).toBeNull();
    expect(report.widgets).toBe(rows);
    expect(report.foreignElements).toBe(0);
    // Every hostile text names a real complaint; each gets at least one cause chip.
    for (let i = 0; i < HOSTILE_TEXTS.length; i++) expect(report.chips[i].length, HOSTILE_TEXTS[i].name).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows evidence from a hostile text as plain text', async () => {
    const page = await mend.context.newPage();
    await page.goto(URL_HOSTILE);
    await waitForMarks(page, 1);
    const chip = page.locator('mend-review').first().locator('[data-cause]').first();
    await chip.hover();
    const popover = page.locator('mend-review').first().locator('[data-evidence]');
    await popover.waitFor();
    const html = await popover.evaluate((el) => ({ text: el.textContent, elements: Array.from(el.querySelectorAll('*')).map((e) => e.tagName) }));
    expect(html.elements.every((tag) => tag === 'MARK' || tag === 'SPAN')).toBe(true);
    // The popover reaches below its widget, and nothing clips it there.
    const reach = await popover.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const widget = (el.getRootNode() as ShadowRoot).host.getBoundingClientRect();
      const y = box.bottom - 2;
      const hit = (el.getRootNode() as ShadowRoot).elementFromPoint(box.left + 4, y);
      return { below: y > widget.bottom, hit: hit !== null && el.contains(hit) };
    });
    expect(reach).toEqual({ below: true, hit: true });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
    await page.close();
  });
});
