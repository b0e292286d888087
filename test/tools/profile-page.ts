/**
 * Where Mend's own time goes on the benchmark page: a CPU profile of the 1,000-review fill, summed
 * per function (self time, and inclusive time of the content script's functions). Build without
 * minification for readable names: `MEND_PROFILE_BUILD=1 npx wxt build && npx tsx test/tools/profile-page.ts`.
 * A diagnostic for `bench-page.ts`, not a figure.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILL, fillPage, openBenchPage } from './bench-page';
(async () => {
  const { browser, page } = await openBenchPage(true);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  console.log(JSON.stringify(await page.evaluate(fillPage, { ...FILL, expectMarks: true })));
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(join(tmpdir(), 'mend-page.cpuprofile'), JSON.stringify(profile));
  const dt = new Map<number, number>();
  profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map<string, number>();
  for (const n of profile.nodes) {
    const us = dt.get(n.id) ?? 0;
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + us);
    // Inclusive time, counted once per stack, for the content script's own functions.
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const g = byId.get(id)!.callFrame;
      if (!g.url.includes('content')) continue;
      const k = `${g.functionName || '(anon)'} :${g.lineNumber}`;
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
  console.log('SELF'); for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / 1000).toFixed(1), k);
  console.log('INCLUSIVE content'); for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / 1000).toFixed(1), k);
  await browser.close();
})();
