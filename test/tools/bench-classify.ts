/**
 * Throughput of the analysis engine and cost of `mend classify` over a 100k-line file.
 * `benchClassify()` is used by `npm run bench`; run alone with `npx tsx test/tools/bench-classify.ts`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../lib/analysis/index';
import { handleRecord } from '../../lib/cli/classify';
import { runBatch } from '../../lib/cli/records';

const SHARED_DEV = join(process.cwd(), '..', 'shared', 'data', 'reviews-dev.jsonl');
const SHARED_POLARITY = join(process.cwd(), '..', 'shared', 'data', 'polarity-os10.jsonl');
const SHARED_STARS = join(process.cwd(), '..', 'shared', 'data', 'stars-jd.jsonl');

/** Reviews of typical length and mix; built from fragments when the shared data is absent. */
const FRAGMENTS = [
  '快递很快，但是质量太差了，用了两天就坏了',
  '物流太慢了，等了一个星期才到',
  '衣服有色差，和图片不一样，尺码偏小',
  '客服态度很差，问什么都不理人',
  '东西不错，包装也很严实，下次还来',
  '質量很差，發貨太慢，客服也不回覆',
  '申请退货一直不处理，售后推来推去',
  '刚买就降价了，不值这个价',
  '怀疑是假货，味道和专柜的不一样',
  '很满意，物美价廉，五星好评！！！',
  'Lieferung kam zu spät und die Verpackung war beschädigt.',
  'The item broke after two days and the seller never replied.',
  '一般般吧，没有想象中那么好😞',
  '包装破了，里面的瓶子漏液了，要求赔偿，不然投诉到12315',
];

function syntheticReviews(count: number): string[] {
  const reviews: string[] = [];
  let state = 12345;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const a = FRAGMENTS[state % FRAGMENTS.length];
    const b = FRAGMENTS[(state >>> 8) % FRAGMENTS.length];
    reviews.push(state % 3 === 0 ? `${a}，${b}` : a);
  }
  return reviews;
}

function typicalReviews(): { reviews: string[]; source: string } {
  const sources = [SHARED_DEV, SHARED_POLARITY, SHARED_STARS].filter((path) => existsSync(path));
  if (sources.length === 0) return { reviews: syntheticReviews(20000), source: 'built-in synthetic set' };
  // An even stride over every file: the files are ordered by category, so their first rows would be
  // nothing but (long) book reviews.
  const lines = sources.flatMap((path) => readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== ''));
  const stride = Math.max(1, Math.floor(lines.length / 20000));
  const reviews: string[] = [];
  for (let i = 0; i < lines.length && reviews.length < 20000; i += stride) reviews.push((JSON.parse(lines[i]) as { text: string }).text);
  return { reviews, source: `shared/data reviews (every ${stride}th of ${lines.length})` };
}

/** CPU seconds of this process: on a shared machine wall time mostly measures the neighbours. */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function reviewsPerSecond(reviews: string[]): number {
  for (let i = 0; i < Math.min(2000, reviews.length); i++) analyze(reviews[i]);
  let done = 0;
  const started = cpuSeconds();
  while (cpuSeconds() - started < 1.5) {
    for (const review of reviews) analyze(review);
    done += reviews.length;
  }
  return Math.round(done / (cpuSeconds() - started));
}

/**
 * The baseline: read, parse and write back the same records through the same runBatch, without analysing
 * them. Writing each record whole (not a smaller stand-in) is what "writing the same file" costs.
 */
function echoHandler(record: Record<string, unknown>): object {
  return record;
}

export async function benchClassify(): Promise<Record<string, number | string>> {
  const { reviews, source } = typicalReviews();
  const averageLength = Math.round(reviews.reduce((sum, r) => sum + r.length, 0) / reviews.length);
  const rate = reviewsPerSecond(reviews);

  const dir = mkdtempSync(join(tmpdir(), 'mend-bench-'));
  try {
    const input = join(dir, 'reviews.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 100000; i++) {
      lines.push(JSON.stringify({ id: `r${i}`, text: reviews[i % reviews.length], rating: i % 5 === 0 ? 'bad' : undefined }));
    }
    writeFileSync(input, lines.join('\n') + '\n');
    const time = async (handler: (record: Record<string, unknown>) => object, out: string): Promise<number> => {
      const started = cpuSeconds();
      await runBatch(input, join(dir, out), handler);
      return (cpuSeconds() - started) * 1000;
    };
    // Warm both paths once so neither pays for compilation, then alternate them and keep each one's best
    // run: on a shared machine the neighbours' load comes and goes, and alternating exposes both to it.
    await time(echoHandler, 'warm.jsonl');
    await time(handleRecord, 'warm.jsonl');
    let baselineMs = Infinity;
    let classifyMs = Infinity;
    for (let round = 0; round < 3; round++) {
      baselineMs = Math.min(baselineMs, await time(echoHandler, 'baseline.jsonl'));
      classifyMs = Math.min(classifyMs, await time(handleRecord, 'labels.jsonl'));
    }
    return {
      'classify: review source': source,
      'classify: average review length (chars)': averageLength,
      'classify: reviews/s on one core (CPU time)': rate,
      'classify: CLI 100k lines (CPU ms)': Math.round(classifyMs),
      'classify: read+parse+write the same records, 100k lines (CPU ms)': Math.round(baselineMs),
      'classify: CLI cost / baseline': Math.round((classifyMs / baselineMs) * 100) / 100,
      'classify: input file (MB)': Math.round(statSync(input).size / 1e5) / 10,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isDirectRun = process.argv[1] && /bench-classify\.ts$/.test(process.argv[1]);
if (isDirectRun) {
  benchClassify().then((figures) => {
    for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
  });
}
