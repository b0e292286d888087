/**
 * Page cost of Mend on a busy review page (issue 8): 1,000 Qianniu reviews appended in chunks of
 * 100, then 50 more. Measures time to mark all after the last chunk and after the extra 50, and the
 * page's long tasks / total blocking time with Mend against the same page without Mend, in one run.
 */
import type { Page } from 'playwright-core';
import { launchMend, type MendBrowser } from './browser';

// Figures are medians of alternating runs with and without Mend.
const REVIEW_URL = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';
const FIXTURE = 'test/fixtures/qianniu/rate-list.html';

/** tsx keeps function names with a `__name` helper the page does not have. */
export const KEEP_NAMES_SHIM = 'window.__name = (fn) => fn';

interface PageFigures {
  markAllAfterLastChunkMs: number | null;
  markFiftyMoreMs: number | null;
  longTasks: number;
  longestTaskMs: number;
  totalBlockingTimeMs: number;
}

/**
 * Runs in the page: grows the review table like an infinite-scroll back-office would. `settleMs` is how
 * long the run goes on after the last reviews are marked: Mend holds some work until the page is quiet
 * (reports to the background, which records cases, and their answers), and that work must be inside
 * the measured window too.
 */
export async function fillPage({ chunks, perChunk, extra, expectMarks, settleMs = 500 }: { chunks: number; perChunk: number; extra: number; expectMarks: boolean; settleMs?: number }) {
  const tasks: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });

  const tbody = document.querySelector('tbody.next-table-body, tbody')!;
  const groups: Element[][] = [];
  for (const row of Array.from(tbody.children)) {
    if (row.classList.contains('next-table-expanded-row') && groups.length > 0) groups[groups.length - 1].push(row);
    else groups.push([row]);
  }
  let serial = 0;
  const cloneGroup = () => {
    const group = groups[serial % groups.length];
    serial++;
    return group.map((row) => {
      const copy = row.cloneNode(true) as Element;
      copy.removeAttribute('data-mend-review');
      copy.querySelectorAll('mend-review').forEach((ui) => ui.remove());
      // Distinct ids and texts, as on a real page.
      const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        node.textContent = node.textContent!.replace(/\d{12,}/g, (digits) => digits.slice(0, -6) + String(100000 + serial).slice(-6));
      }
      copy.querySelectorAll('[data-feed-id],[data-id],[data-row-key]').forEach((el) => {
        for (const name of ['data-feed-id', 'data-id', 'data-row-key']) if (el.hasAttribute(name)) el.setAttribute(name, `${el.getAttribute(name)}-${serial}`);
      });
      const text = copy.querySelector('.rate-content span:last-child');
      if (text) text.textContent = `${text.textContent}（${serial}）`;
      return copy;
    });
  };
  const marked = () => document.querySelectorAll('[data-mend-review]').length;
  // Marks are counted by a mutation observer, never by polling each frame: a poll would add script
  // to every frame of the run with Mend only, and count against Mend in the long-task figures.
  let newlyMarked = 0;
  let waiter: { count: number; resolve(at: number): void } | null = null;
  new MutationObserver((records) => {
    for (const record of records) if (record.oldValue === null) newlyMarked++;
    if (waiter && newlyMarked >= waiter.count) {
      waiter.resolve(performance.now());
      waiter = null;
    }
  }).observe(tbody, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-mend-review'] });
  const waitForMarks = (count: number, timeoutMs: number) =>
    new Promise<number | null>((resolve) => {
      if (newlyMarked >= count) return resolve(performance.now());
      const timer = setTimeout(() => {
        waiter = null;
        resolve(null);
      }, timeoutMs);
      waiter = {
        count,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
    });
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const base = marked();
  tbody.replaceChildren();
  await pause(200);
  const startedAt = performance.now();
  for (let chunk = 0; chunk < chunks; chunk++) {
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < perChunk; i++) fragment.append(...cloneGroup());
    tbody.append(fragment);
    await pause(100);
  }
  const lastChunkAt = performance.now();
  const total = chunks * perChunk;
  const allMarkedAt = expectMarks ? await waitForMarks(total, 10_000) : null;
  await pause(300);
  const extraAt = performance.now();
  performance.mark('bench:extra');
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < extra; i++) fragment.append(...cloneGroup());
  tbody.append(fragment);
  const extraMarkedAt = expectMarks ? await waitForMarks(total + extra, 10_000) : null;
  await pause(settleMs);
  const inWindow = tasks.filter((task) => task.start >= startedAt);
  return {
    base,
    markAllAfterLastChunkMs: allMarkedAt === null ? null : Math.round(allMarkedAt - lastChunkAt),
    markFiftyMoreMs: extraMarkedAt === null ? null : Math.round(extraMarkedAt - extraAt),
    longTasks: inWindow.length,
    longestTaskMs: Math.round(Math.max(0, ...inWindow.map((task) => task.duration))),
    totalBlockingTimeMs: Math.round(inWindow.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0)),
    longTaskList: inWindow.map((task) => `${Math.round(task.start - startedAt)}+${Math.round(task.duration)}`).join(' '),
  };
}

/** The benchmark page open in a browser with or without Mend, ready for `fillPage`. */
export async function openBenchPage(extension: boolean): Promise<{ browser: MendBrowser; page: Page }> {
  const browser = await launchMend({ extension });
  browser.serve({ url: REVIEW_URL, file: FIXTURE });
  const page = await browser.context.newPage();
  await page.goto(REVIEW_URL);
  if (extension) await page.waitForSelector('[data-mend-review]');
  await page.evaluate(KEEP_NAMES_SHIM);
  return { browser, page };
}

/** Three seconds of settling: seen reviews are reported after 500 ms of quiet, then recorded and answered. */
export const FILL = { chunks: 10, perChunk: 100, extra: 50, settleMs: 3000 };

async function measure(extension: boolean): Promise<PageFigures> {
  const { browser, page } = await openBenchPage(extension);
  try {
    return await page.evaluate(fillPage, { ...FILL, expectMarks: extension });
  } finally {
    await browser.close();
  }
}

interface TracedTasks {
  /** Every main-thread task of the page's renderer, rendering included. */
  longestTaskMs: number;
  /** The longest task in which any of Mend's script ran. */
  longestTaskWithMendScriptMs: number;
  /** Most of Mend's own script time inside any single task. */
  mostMendScriptInOneTaskMs: number;
  /** Sum over every task of its time past 50 ms. */
  totalBlockingTimeMs: number;
}

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  /** Time the thread actually ran (CPU), unaffected by other work on the machine. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; frame?: string } };
}

/**
 * The long-task API only reports tasks that ran script, so a rendering frame of the page counts only
 * when some callback (Mend's intersection observer, say) happens to run in it. A trace sees every
 * task on both sides alike, which is what "what Mend adds to the longest task" needs.
 */
async function measureTraced(extension: boolean): Promise<TracedTasks> {
  const { events } = await traceFill(extension, 'toplevel,devtools.timeline,__metadata');
  return summarizeTrace(events);
}

/** The 1,000-review fill in a fresh browser, traced with `categories`: its events and the page's figures. */
export async function traceFill(extension: boolean, categories: string): Promise<{ events: TraceEvent[]; figures: Awaited<ReturnType<typeof fillPage>> }> {
  const { browser, page } = await openBenchPage(extension);
  try {
    const cdp = await browser.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (message) => void events.push(...(message.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
    const figures = await page.evaluate(fillPage, { ...FILL, expectMarks: extension });
    await cdp.send('Tracing.end');
    await complete;
    return { events, figures };
  } finally {
    await browser.close();
  }
}

const cpu = (event: TraceEvent) => event.tdur ?? event.dur ?? 0;

/** Chromium has named the scheduler's task event both ways. */
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * Figures in the main thread's own CPU time (`tdur`), not wall time: on this shared 2-core machine
 * wall time mostly measures the other processes. On a quiet machine the two agree closely.
 */
function summarizeTrace(events: TraceEvent[]): TracedTasks {
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => mainThreads.has(`${e.pid}:${e.tid}`);
  const tasks = events.filter((e) => e.ph === 'X' && TASK_EVENTS.has(e.name) && onMain(e)).sort((a, b) => a.ts - b.ts);
  // The page's renderer is the one whose main thread worked hardest; extension pages live elsewhere.
  const busy = new Map<number, number>();
  for (const task of tasks) busy.set(task.pid, (busy.get(task.pid) ?? 0) + task.dur!);
  const pagePid = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const pageTasks = tasks.filter((task) => task.pid === pagePid);
  const mendCalls = events.filter((e) => e.ph === 'X' && e.name === 'FunctionCall' && e.pid === pagePid && onMain(e) && e.args?.data?.url?.startsWith('chrome-extension://'));
  const mendPerTask = new Map<TraceEvent, number>();
  let cursor = 0;
  for (const call of mendCalls.sort((a, b) => a.ts - b.ts)) {
    while (cursor < pageTasks.length && pageTasks[cursor].ts + pageTasks[cursor].dur! < call.ts) cursor++;
    const task = pageTasks[cursor];
    if (task && task.ts <= call.ts) mendPerTask.set(task, (mendPerTask.get(task) ?? 0) + cpu(call));
  }
  const ms = (us: number) => Math.round(us / 1000);
  return {
    longestTaskMs: ms(Math.max(0, ...pageTasks.map(cpu))),
    longestTaskWithMendScriptMs: ms(Math.max(0, ...[...mendPerTask.keys()].map(cpu))),
    mostMendScriptInOneTaskMs: ms(Math.max(0, ...mendPerTask.values())),
    totalBlockingTimeMs: ms(pageTasks.reduce((sum, task) => sum + Math.max(0, cpu(task) - 50_000), 0)),
  };
}

const ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median of each figure over the rounds; null (not all marked) wins, so a failure is never hidden. */
function medianFigures(runs: PageFigures[]): PageFigures {
  const pick = (key: keyof PageFigures) => {
    const values = runs.map((run) => run[key]);
    return values.some((v) => v === null) ? null : median(values as number[]);
  };
  return {
    markAllAfterLastChunkMs: pick('markAllAfterLastChunkMs'),
    markFiftyMoreMs: pick('markFiftyMoreMs'),
    longTasks: pick('longTasks')!,
    longestTaskMs: pick('longestTaskMs')!,
    totalBlockingTimeMs: pick('totalBlockingTimeMs')!,
  };
}

export async function benchPage(): Promise<Record<string, number | string>> {
  // Rounds of one run without Mend and one with it, Mend's side first in every other round: load from
  // elsewhere on the machine, and whatever the second run of a pair gains or loses (a warm disk cache, a
  // busier neighbour), fall on both sides alike.
  const withoutRuns: PageFigures[] = [];
  const withRuns: PageFigures[] = [];
  const pair = async <T,>(round: number, run: (extension: boolean) => Promise<T>, withRounds: T[], withoutRounds: T[]) => {
    if (round % 2 === 0) {
      withoutRounds.push(await run(false));
      withRounds.push(await run(true));
    } else {
      withRounds.push(await run(true));
      withoutRounds.push(await run(false));
    }
  };
  for (let round = 0; round < ROUNDS; round++) await pair(round, measure, withRuns, withoutRuns);
  const tracedWithout: TracedTasks[] = [];
  const tracedWith: TracedTasks[] = [];
  for (let round = 0; round < ROUNDS; round++) await pair(round, measureTraced, tracedWith, tracedWithout);
  const without = medianFigures(withoutRuns);
  const withMend = medianFigures(withRuns);
  const traced = (runs: TracedTasks[], key: keyof TracedTasks) => median(runs.map((run) => run[key]));
  // Each round traces the page without Mend and with it, back to back: the per-round difference
  // cancels the load that drifts from round to round on a shared machine, which a difference of two
  // medians over separate rounds does not.
  const pairedFigure = <T,>(withRounds: T[], withoutRounds: T[], value: (run: T) => number) => {
    const added = withRounds.map((run, round) => value(run) - value(withoutRounds[round]));
    return `${median(added)} (rounds: ${added.join(', ')})`;
  };
  return {
    'page: all 1,000 marked after the last chunk (ms, budget 500)': withMend.markAllAfterLastChunkMs ?? 'not all marked in 10 s',
    'page: 50 more marked (ms, budget 200)': withMend.markFiftyMoreMs ?? 'not all marked in 10 s',
    'page: total blocking time without Mend (ms, long-task API)': without.totalBlockingTimeMs,
    'page: total blocking time with Mend (ms, long-task API)': withMend.totalBlockingTimeMs,
    'page: blocking time Mend adds (ms, long-task API, budget 50; median of the rounds\' differences)': pairedFigure(withRuns, withoutRuns, (run) => run.totalBlockingTimeMs),
    'page: total blocking time without / with Mend (ms CPU, trace: every task, rendering included)': `${traced(tracedWithout, 'totalBlockingTimeMs')} / ${traced(tracedWith, 'totalBlockingTimeMs')}`,
    'page: longest task without Mend (ms CPU, trace: every task, rendering included)': traced(tracedWithout, 'longestTaskMs'),
    'page: longest task with Mend (ms CPU, trace)': traced(tracedWith, 'longestTaskMs'),
    'page: longest task Mend adds (ms CPU, trace, budget 50; median of the rounds\' differences)': pairedFigure(tracedWith, tracedWithout, (run) => run.longestTaskMs),
    'page: blocking time Mend adds (ms CPU, trace, rendering included, budget 50; median of the rounds\' differences)': pairedFigure(tracedWith, tracedWithout, (run) => run.totalBlockingTimeMs),
    'page: longest task in which Mend script ran (ms CPU, trace)': traced(tracedWith, 'longestTaskWithMendScriptMs'),
    "page: most of Mend's own script in one task (ms CPU, trace)": traced(tracedWith, 'mostMendScriptInOneTaskMs'),
    'page: longest task without / with Mend (ms, long-task API: script tasks only)': `${without.longestTaskMs} / ${withMend.longestTaskMs}`,
    'page: long tasks without / with Mend (long-task API)': `${without.longTasks} / ${withMend.longTasks}`,
    'page: rounds (medians reported)': ROUNDS,
  };
}

if (process.argv[1]?.endsWith('bench-page.ts')) {
  benchPage().then((figures) => {
    for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
  });
}
