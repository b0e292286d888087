/**
 * Checks candidate cues on the big corpora (never on reviews-dev): how often each fires in complaints
 * (os10 negatives, stars-jd 1–2 stars) and in praise (os10 positives, stars-jd 4–5 stars), with a few
 * praise hits to read. A cue earns its place when it fires mostly on complaints.
 *
 *   npx tsx test/tools/check-cues.ts '型号*不对|拖了*才发' [--show 3]
 *
 * Matching follows the lexicon syntax loosely: normalized text, '*' = up to 6 characters of one clause.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../../lib/analysis/normalize';
import { corpusReviews } from './derive-cue-candidates';
import { DATA_DIR } from './eval';

function cueRegex(cue: string): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(cue.split('*').map(escape).join('[^,.!?;:\\s]{0,6}'));
}

function main(): void {
  if (!existsSync(join(DATA_DIR, 'polarity-os10.jsonl'))) {
    console.log('skipped: shared corpora not found');
    return;
  }
  const cues = (process.argv[2] ?? '').split('|').filter(Boolean).map((c) => c.replace(/:[\d.]+$/, ''));
  const showAt = process.argv.indexOf('--show');
  const show = showAt >= 0 ? Number(process.argv[showAt + 1]) : 2;
  const texts = corpusReviews().map((r) => ({ text: normalize(r.text).text, negative: r.negative }));
  for (const cue of cues) {
    const re = cueRegex(cue);
    let neg = 0;
    let pos = 0;
    const praise: string[] = [];
    for (const r of texts) {
      const at = r.text.search(re);
      if (at < 0) continue;
      if (r.negative) neg++;
      else {
        pos++;
        if (praise.length < show) praise.push(r.text.slice(Math.max(0, at - 15), at + 25));
      }
    }
    const share = neg + pos === 0 ? '-' : ((100 * neg) / (neg + pos)).toFixed(0) + '%';
    console.log(`${cue.padEnd(14)} complaints ${String(neg).padStart(4)}  praise ${String(pos).padStart(4)}  ${share.padStart(4)}  ${praise.map((p) => '«' + p + '»').join(' ')}`);
  }
}

const isDirectRun = process.argv[1] && /check-cues\.ts$/.test(process.argv[1]);
if (isDirectRun) main();
