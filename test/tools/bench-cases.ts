/**
 * Case store benchmark with 50,000 generated cases in fake-indexeddb (a real browser's IndexedDB is
 * faster, so these figures are an upper bound). Run alone: `npx tsx test/tools/bench-cases.ts`.
 * Measures what the issue targets: the popup's first page, the dashboard statistics, JSON
 * export + import of everything.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { pathToFileURL } from 'node:url';
import type { CauseId } from '../../lib/analysis/types';
import { CAUSE_IDS } from '../../lib/analysis/types';
import { openCasesDb } from '../../lib/cases/repository';
import { newCase, withDerived } from '../../lib/cases/snapshot';
import { computeStats } from '../../lib/cases/stats';
import { casesToCsv, exportCasesJson, importCasesJson, parseCasesExport } from '../../lib/cases/transfer';
import type { Case, CaseState } from '../../lib/cases/types';
import { OPEN_STATES } from '../../lib/cases/types';
import type { Platform } from '../../lib/sites/types';

const CASE_COUNT = 50_000;
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-23T06:00:00Z');

/** Small seeded generator: the same cases on every run, so figures compare across runs. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLATFORMS: Platform[] = ['qianniu', 'qianniu', 'qianniu', 'pinduoduo', 'jd', 'douyin', 'kuaishou', 'otto'];
const STATES: CaseState[] = ['new', 'contacted', 'remedy_offered', 'agreed_to_revise', 'revised', 'closed_unrevised', 'reviewed'];
const WORDS = ['快递太慢', '质量很差', '和描述不符', '尺码偏小', '客服态度差', '包装破损', '不值这个价', '用了两天就坏了'];

export function generateCases(count: number, seed = 7): Case[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const platform = pick(PLATFORMS);
    const reviewAt = NOW - Math.floor(random() * 180 * DAY);
    const causes = [...new Set([pick(CAUSE_IDS), pick(CAUSE_IDS)])] as CauseId[];
    const firstSeen = reviewAt + Math.floor(random() * 2 * DAY);
    const c = newCase(
      {
        platform,
        reviewId: `R${i}`,
        rating: random() < 0.6 ? 'bad' : 'medium',
        text: `${pick(WORDS)}，${pick(WORDS)}。订单${i}`,
        buyerNick: `买家${Math.floor(random() * 20_000)}**`,
        orderId: String(3_000_000_000_000 + i),
        product: { title: `商品 ${i % 400}`, id: `P${i % 400}`, sku: `SKU-${i % 7}` },
        date: new Date(reviewAt).toISOString(),
        replyDaysLeft: platform === 'qianniu' ? Math.floor(random() * 30) : undefined,
        canReply: true,
        pageUrl: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC',
      },
      { lang: 'zh-Hans', negative: true, negativity: 0.8, causes, evidence: {}, extortion: random() < 0.03, extortionEvidence: [] },
      firstSeen,
    );
    const state = reviewAt < NOW - 30 * DAY ? pick(STATES.slice(4)) : pick(STATES);
    if (state !== 'new') {
      const at = firstSeen + Math.floor(random() * 2 * DAY);
      c.contacts.push({ id: `c${i}`, channel: 'phone', at, outcome: random() < 0.5 ? 'answered' : 'no_answer' });
      c.firstResponseAt = at;
    }
    if (random() < 0.3) c.remedies.push({ id: `m${i}`, kind: 'coupon', amount: Math.round(random() * 50), currency: platform === 'otto' ? 'EUR' : 'CNY', at: firstSeen });
    if (random() < 0.4) c.risk = { band: random() < 0.1 ? 'high' : random() < 0.3 ? 'watch' : 'low', score: Math.round(random() * 100), signals: [], assessedAt: firstSeen };
    if (random() < 0.2) c.nextFollowUpAt = NOW + Math.floor((random() - 0.3) * 5 * DAY);
    c.state = state;
    if (state === 'revised' || state === 'reviewed') c.outcome = 'revised';
    if (state === 'closed_unrevised') c.outcome = 'unrevised';
    if (state === 'reviewed') c.lesson = { rootCause: causes[0], improvement: '改进包装', at: firstSeen + 5 * DAY };
    withDerived(c, firstSeen + Math.floor(random() * 5 * DAY));
    cases.push(c);
  }
  return cases;
}

/**
 * Records wall time under `label` and, because shared machines are often busy, the process CPU time
 * next to it: the CPU figure is what the code costs, the wall figure what a user would have waited.
 */
async function timed<T>(figures: Record<string, number | string>, label: string, work: () => Promise<T> | T): Promise<T> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  figures[label] = Math.round((performance.now() - start) * 10) / 10;
  const cpu = process.cpuUsage(cpuStart);
  figures[`${label.replace(' (ms)', '')} — cpu (ms)`] = Math.round((cpu.user + cpu.system) / 100) / 10;
  return result;
}

export async function benchCases(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = { cases: CASE_COUNT, store: 'fake-indexeddb (upper bound)' };
  const cases = generateCases(CASE_COUNT);
  const factory = new IDBFactory();
  const seeded = await openCasesDb({ factory, name: 'bench' });
  await timed(figures, 'seed: saveMany in one transaction (ms)', () => seeded.saveMany(cases));
  seeded.close();

  const repo = await timed(figures, 'open database (ms)', () => openCasesDb({ factory, name: 'bench' }));
  await timed(figures, 'popup first page: open, urgency, 50 (ms)', () => repo.list({ states: OPEN_STATES, limit: 50 }));
  await timed(figures, 'popup count open (ms)', () => repo.countOpen());
  await timed(figures, 'popup first page, platform filter (ms)', () =>
    repo.list({ states: OPEN_STATES, platform: 'kuaishou', limit: 50 }),
  );
  await timed(figures, 'popup search, rare match, scans all (ms)', () => repo.list({ search: '订单49999', limit: 50 }));
  await timed(figures, 'dashboard page 20 (offset 1000) (ms)', () => repo.list({ limit: 50, offset: 1000 }));

  const all = await timed(figures, 'read all cases (ms)', () => repo.all());
  await timed(figures, 'statistics over full cases, pure (ms)', () => computeStats(all, { now: NOW, utcOffsetMinutes: 480 }));
  const entries = await timed(figures, 'read all stats entries (ms)', () => repo.statsEntries());
  await timed(figures, 'statistics over entries, pure (ms)', () => computeStats(entries, { now: NOW, utcOffsetMinutes: 480 }));
  await timed(figures, 'dashboard statistics: read entries + compute (ms)', async () =>
    computeStats(await repo.statsEntries(), { now: NOW, utcOffsetMinutes: 480 }),
  );

  const json = await timed(figures, 'JSON export (ms)', () => exportCasesJson(repo, NOW));
  figures['JSON export size (MB)'] = Math.round((json.length / 1024 / 1024) * 10) / 10;
  // Where an import's time goes: the part that does not touch the store, on its own.
  await timed(figures, 'JSON import: parse + check the file, pure (ms)', () => parseCasesExport(json));
  const fresh = await openCasesDb({ factory: new IDBFactory(), name: 'bench-import' });
  const report = await timed(figures, 'JSON import into empty store (ms)', () => importCasesJson(fresh, json));
  figures['imported'] = report.added;
  await timed(figures, 'JSON import again, all unchanged (ms)', () => importCasesJson(fresh, json));
  figures['JSON export + import (ms)'] =
    (figures['JSON export (ms)'] as number) + (figures['JSON import into empty store (ms)'] as number);
  await timed(figures, 'CSV export (ms)', () => casesToCsv(all, NOW));
  repo.close();
  fresh.close();
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // No top-level await: the file is also imported from CommonJS contexts (tsx on a .ts path).
  void benchCases().then((figures) => {
    for (const [label, value] of Object.entries(figures)) console.log(`${label.padEnd(48)} ${value}`);
  });
}
