/**
 * Where the page benchmark's long tasks come from: the same 1,000-review fill with Mend, traced
 * through the DevTools protocol; every main-thread task over 50 ms is broken down by what ran in it
 * (script by source, style, layout, pre-paint, paint). A diagnostic for `bench-page.ts`, not a figure.
 */
import { traceFill, type TraceEvent } from './bench-page';

const LONG_TASK_US = 50_000;

async function trace(extension: boolean): Promise<void> {
  const { events, figures } = await traceFill(extension, 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute');
  console.log(extension ? '\n== with Mend' : '\n== without Mend', JSON.stringify(figures));
  summarize(events);
}

function summarize(events: TraceEvent[]): void {
  const allTasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X');
  const tasks = allTasks.filter((e) => (e.dur ?? 0) > LONG_TASK_US);
  // Mend's share: content-script calls, per top-level task, whatever the task's length.
  const mendCalls = events.filter((e) => e.ph === 'X' && e.name === 'FunctionCall' && e.args?.data?.url?.includes('chrome-extension://'));
  const mendPerTask = new Map<TraceEvent, number>();
  for (const call of mendCalls) {
    const task = allTasks.find((t) => t.pid === call.pid && t.tid === call.tid && t.ts <= call.ts && call.ts + (call.dur ?? 0) <= t.ts + t.dur!);
    if (task) mendPerTask.set(task, (mendPerTask.get(task) ?? 0) + (call.dur ?? 0));
  }
  const heavy = [...mendPerTask.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(`Mend script in ${mendPerTask.size} tasks; total ${([...mendPerTask.values()].reduce((a, b) => a + b, 0) / 1000).toFixed(0)} ms; heaviest (Mend ms / task ms):`, heavy.map(([t, us]) => `${(us / 1000).toFixed(1)}/${(t.dur! / 1000).toFixed(1)}`).join(' '));
  const origin = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const inner = events.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ph === 'X' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && e !== task);
    const totals = new Map<string, number>();
    for (const e of inner) {
      if (!['FunctionCall', 'EvaluateScript', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame', 'ParseHTML', 'HitTest', 'IntersectionObserverController::computeIntersections', 'v8.callFunction', 'ScheduleStyleRecalculation', 'EventDispatch', 'Commit', 'UpdateLayer', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase'].includes(e.name)) continue;
      const url = e.args?.data?.url ? ` ${e.args.data.url.replace(/^.*\//, '')}` : '';
      const key = `${e.name}${url}`;
      totals.set(key, (totals.get(key) ?? 0) + (e.dur ?? 0));
    }
    const parts = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`);
    console.log(`task at ${((task.ts - origin) / 1000).toFixed(0)} ms${mendPerTask.has(task) ? ' [Mend ' + (mendPerTask.get(task)! / 1000).toFixed(1) + ']' : ''}: ${(task.dur! / 1000).toFixed(1)} ms — ${parts.join(', ')}`);
    if (process.env.TRACE_DETAIL && !totals.has('Layout')) {
      for (const e of inner.filter((x) => (x.dur ?? 0) > 3000).slice(0, 25)) {
        const data = e.args?.data;
        console.log(`    +${((e.ts - task.ts) / 1000).toFixed(1)} ${e.name} ${(e.dur! / 1000).toFixed(1)} ${data?.functionName ?? ''} ${data?.url?.replace(/^.*\//, '') ?? ''}`);
      }
    }
  }
}

const mode = process.argv[2] ?? 'with';
(async () => {
  if (mode !== 'with') await trace(false);
  if (mode !== 'without') await trace(true);
})();
