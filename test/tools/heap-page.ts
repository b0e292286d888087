/**
 * What Mend allocates on the benchmark page: a sampling heap profile of the 1,000-review fill
 * (collected objects included, since garbage is what lengthens the page's tasks), summed per
 * function (self) and per content-script function (inclusive). Allocation does not depend on the
 * machine's load, so it is the steady measure while timings are noisy. Build with names:
 * `MEND_PROFILE_BUILD=1 npx wxt build && npx tsx test/tools/heap-page.ts [--top=40]`.
 * A diagnostic for `bench-page.ts`, not a figure.
 */
import { FILL, fillPage, openBenchPage } from './bench-page';

interface SamplingNode {
  id: number;
  selfSize: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children: SamplingNode[];
}

const top = Number(process.argv.find((a) => a.startsWith('--top='))?.slice(6) ?? 40);
const isMend = (url: string) => url.startsWith('chrome-extension://');
const kb = (bytes: number) => (bytes / 1024).toFixed(0).padStart(7);

(async () => {
  const { browser, page } = await openBenchPage(true);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  } as never);
  const figures = await page.evaluate(fillPage, { ...FILL, expectMarks: true });
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as { profile: { head: SamplingNode } };
  await browser.close();
  console.log(JSON.stringify(figures));

  const self = new Map<string, number>();
  /** Self size with the engine's built-ins (replace, trim, Array.from…) charged to Mend's function that called them. */
  const charged = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let mendTotal = 0;
  const walk = (node: SamplingNode, stack: string[], underMend: boolean) => {
    const caller = stack[stack.length - 1];
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber}`;
    const mend = underMend || isMend(f.url);
    const here = isMend(f.url) && !stack.includes(key) ? [...stack, key] : stack;
    total += node.selfSize;
    if (mend) mendTotal += node.selfSize;
    self.set(key, (self.get(key) ?? 0) + node.selfSize);
    const payer = isMend(f.url) ? key : f.url === '' && caller ? caller : undefined;
    if (payer) charged.set(payer, (charged.get(payer) ?? 0) + node.selfSize);
    for (const k of here) inclusive.set(k, (inclusive.get(k) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, here, mend);
  };
  walk(profile.head, [], false);
  const reviews = FILL.chunks * FILL.perChunk + FILL.extra;
  console.log(`allocated during the fill: ${kb(total)} KB in all, ${kb(mendTotal)} KB under Mend's script (${(mendTotal / reviews / 1024).toFixed(1)} KB per review)`);
  console.log('SELF KB (every function)');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(kb(v), k);
  console.log("SELF KB with built-ins charged to Mend's caller");
  for (const [k, v] of [...charged].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(kb(v), k);
  console.log("INCLUSIVE KB (Mend's functions)");
  for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(kb(v), k);
})();
