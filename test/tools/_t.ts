import { FILL, fillPage, openBenchPage } from './bench-page';
async function run(ext: boolean) {
  const { browser, page } = await openBenchPage(ext);
  const cdp = await browser.context.newCDPSession(page);
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', (m: any) => void events.push(...m.value));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,__metadata', transferMode: 'ReportEvents' });
  const f = await page.evaluate(fillPage, { ...FILL, expectMarks: ext });
  await cdp.send('Tracing.end'); await done;
  const tot: Record<string, number> = {};
  const pid = events.filter((e) => e.name === 'Layout')[0]?.pid;
  for (const e of events) if (e.ph === 'X' && e.pid === pid && ['Layout', 'UpdateLayoutTree', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'FunctionCall', 'TimerFire', 'RunMicrotasks', 'ThreadControllerImpl::RunTask', 'IntersectionObserverController::computeIntersections', 'HitTest', 'ParseHTML', 'MajorGC', 'MinorGC'].includes(e.name)) tot[e.name + (e.name === 'FunctionCall' && e.args?.data?.url?.startsWith('chrome-ext') ? ' mend' : '')] = (tot[e.name] ?? 0) + (e.tdur ?? e.dur) / 1000;
  const nLayout = events.filter((e) => e.name === 'Layout' && e.pid === pid).length;
  console.log(ext ? 'WITH' : 'WITHOUT', 'layouts', nLayout, Object.entries(tot).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
  await browser.close();
}
(async () => { for (const ext of [false, true, false, true]) await run(ext); })();
