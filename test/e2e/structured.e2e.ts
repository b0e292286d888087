import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchMend, openExtensionPage, readMendStore, waitForMarks, type MendBrowser } from '../tools/browser';

const FIXTURE = 'test/fixtures/structured/pinduoduo-from-json.html';
const PAGE_URL = 'https://mms.pinduoduo.com/goods/evaluation/index';
const LIST_URL = 'https://mms.pinduoduo.com/saturn/reviews/list';
const DOUYIN_PAGE = 'https://fxg.jinritemai.com/ffa/maftersale/comment?tab=bad';
const COMMENT_LIST = 'https://fxg.jinritemai.com/product/tcomment/commentList?page=0&pageSize=10&rank=2';

interface ListRow {
  orderSn: string;
  comment: string;
  userName: string;
  descScore: number;
  createTime: number;
}
interface StoredCase {
  id: string;
  text: string;
  orderId?: string;
  buyerNick?: string;
  stars?: number;
  rating: string;
  reviewDate?: string;
}

const fetchList = readFileSync(join(process.cwd(), 'test/fixtures/pinduoduo/reviews-list.json'), 'utf8');
/** Other reviews for the XMLHttpRequest run, so its cases are its own. */
const xhrList = JSON.stringify(
  (() => {
    const json = JSON.parse(fetchList) as { result: { data: (ListRow & { reviewId: string })[] } };
    json.result.data.forEach((row, i) => {
      row.reviewId = `9${row.reviewId}`;
      row.orderSn = `231101-51234567890${String(5000 + i)}`;
      row.comment = `${row.comment}（第二家店）`;
      row.userName = `X${i}***`;
    });
    return json;
  })(),
);

describe('structured review lists: fields the rows hide come from the JSON the page loads', () => {
  let mend: MendBrowser;
  let listBody = fetchList;
  const listRequests: { method: string; body: string | null }[] = [];

  beforeAll(async () => {
    mend = await launchMend();
    mend.serve({ url: PAGE_URL, file: FIXTURE });
    mend.serve({ url: `${PAGE_URL}?via=xhr`, file: FIXTURE });
    await mend.context.route(LIST_URL, async (route) => {
      listRequests.push({ method: route.request().method(), body: route.request().postData() });
      await route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: listBody });
    });
  });
  afterAll(async () => {
    await mend?.close();
  });

  const openCases = async (page: Page, body: string) => {
    const rows = (JSON.parse(body) as { result: { data: ListRow[] } }).result.data;
    await waitForMarks(page, rows.length);
    // The page got exactly what the server sent, through its own request, unchanged.
    expect(await page.evaluate(() => (window as unknown as { __listTextSeenByPage: string }).__listTextSeenByPage)).toBe(body);
    // The rows themselves show neither the buyer, nor the time, nor the stars.
    const rowText = await page.$$eval('tbody[data-testid="beast-core-table-middle-tbody"]', (bodies) => bodies.map((b) => b.textContent ?? '').join('\n'));
    for (const row of rows) expect(rowText).not.toContain(row.userName);
    expect(rowText).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    const dashboard = await openExtensionPage(mend, 'dashboard.html');
    for (const row of rows) {
      await expect
        .poll(async () => (await readMendStore<StoredCase>(dashboard, 'cases')).find((c) => c.orderId === row.orderSn), { timeout: 10_000 })
        .toMatchObject({
          text: row.comment,
          buyerNick: row.userName,
          stars: row.descScore,
          rating: 'bad',
          reviewDate: `${new Date((row.createTime + 8 * 3600) * 1000).toISOString().slice(0, 19)}+08:00`,
        });
    }
    await dashboard.close();
  };

  it('fills buyer, stars and time from a fetch() response, and opens the cases with them', async () => {
    listBody = fetchList;
    const page = await mend.context.newPage();
    await page.goto(PAGE_URL);
    await openCases(page, fetchList);
    expect(listRequests[0]).toEqual({ method: 'POST', body: JSON.stringify({ pageNo: 1, pageSize: 20, descScore: ['1', '2', '3'] }) });
    await page.close();
  });

  it('does the same for an XMLHttpRequest response', async () => {
    listBody = xhrList;
    const page = await mend.context.newPage();
    await page.goto(`${PAGE_URL}?via=xhr`);
    await openCases(page, xhrList);
    await page.close();
  });

  it('fills verdict and time on Douyin from commentList, the verdict from the requested rank', async () => {
    const body = readFileSync(join(process.cwd(), 'test/fixtures/douyin/comment-list.json'), 'utf8');
    const rows = (JSON.parse(body) as { data: { id: string; shop_order_id: string; content: string; comment_time: number | string }[] }).data;
    mend.serve({ url: DOUYIN_PAGE, file: 'test/fixtures/structured/douyin-from-json.html' });
    await mend.context.route(COMMENT_LIST, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    const page = await mend.context.newPage();
    await page.goto(DOUYIN_PAGE);
    await waitForMarks(page, rows.length);
    const dashboard = await openExtensionPage(mend, 'dashboard.html');
    await expect
      .poll(async () => (await readMendStore<StoredCase>(dashboard, 'cases')).filter((c) => c.id.startsWith('douyin:')).map((c) => [c.id, c.rating, c.reviewDate]), { timeout: 10_000 })
      .toEqual([
        [`douyin:${rows[0].id}`, 'bad', '2026-11-21T09:15:31+08:00'],
        [`douyin:${rows[1].id}`, 'bad', '2026-11-20T10:17:29+08:00'],
      ]);
    await dashboard.close();
    await page.close();
  });

  it('sends nothing anywhere: the only requests are the pages and their own lists', () => {
    for (const url of mend.requests) expect([PAGE_URL, `${PAGE_URL}?via=xhr`, LIST_URL, DOUYIN_PAGE, COMMENT_LIST]).toContain(url);
  });
});
