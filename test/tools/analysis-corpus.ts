/**
 * Texts for output-identity checks of the analysis: everything a speed change must not alter.
 * Real reviews from ../shared/data when present, the literals of the analysis unit tests, and
 * generated texts that stress normalisation (surrogates, emoji, invisible marks, full-width forms,
 * Traditional characters, repeated marks, mixed scripts), all from a fixed seed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SHARED = join(process.cwd(), '..', 'shared', 'data');

export function sharedReviewTexts(): string[] {
  if (!existsSync(SHARED)) return [];
  const texts: string[] = [];
  for (const file of readdirSync(SHARED).filter((name) => name.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(SHARED, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const text = (JSON.parse(line) as { text?: unknown }).text;
      if (typeof text === 'string') texts.push(text);
    }
  }
  return texts;
}

/** The analysis tests whose examples make the corpus (a fixed list, so adding a test file keeps old snapshots valid). */
const EXAMPLE_FILES = ['causes.test.ts', 'classify-cli.test.ts', 'extortion.test.ts', 'normalize.test.ts', 'robustness.test.ts', 'size.test.ts'];

/** String literals of the analysis and CLI unit tests: the examples people wrote down on purpose. */
export function unitTestTexts(): string[] {
  const dir = join(process.cwd(), 'test', 'unit', 'analysis');
  const texts = new Set<string>();
  for (const file of EXAMPLE_FILES.filter((name) => existsSync(join(dir, name)))) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const match of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"/g)) {
      const raw = match[1] ?? match[2];
      if (raw.length < 2 || raw.includes('\\')) continue;
      texts.add(raw);
    }
  }
  return [...texts];
}

/** Pieces the generator glues together: review fragments, and characters every branch of normalize() treats specially. */
const FRAGMENTS = [
  '快递很快，但是质量太差了，用了两天就坏了', '物流太慢了，等了一个星期才到', '衣服有色差，和图片不一样，尺码偏小',
  '客服态度很差，问什么都不理人', '东西不错，包装也很严实，下次还来', '質量很差，發貨太慢，客服也不回覆',
  '申请退货一直不处理，售后推来推去', '刚买就降价了，不值这个价', '怀疑是假货，味道和专柜的不一样',
  '很满意，物美价廉，五星好评！！！', 'Lieferung kam zu spät und die Verpackung war beschädigt.',
  'The item broke after two days and the seller never replied.', '一般般吧，没有想象中那么好😞',
  '包装破了，里面的瓶子漏液了，要求赔偿，不然投诉到12315', '没有色差', '不算差', 'not too bad', 'nicht so schlecht',
  '虽然便宜但是不好用', '快递员态度很差', '安装师傅服务不好', '不赔偿就投诉', '不会投诉的', '假一赔十',
  'ÄRGERLICH! Nie wieder.', 'NOT AS DESCRIBED', 'won\'t buy again', '服務態度差', '說明書沒有', '没有*配件',
];
const ODD = [
  '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\ufe0f', '\u00ad', '\u3000', '\u00a0', '\t', '\r', '\n', '\u2028', '\u0085',
  '😡', '👎', '👍', '😊', '❤', '⭐', '🇨🇳', '𠀀', '𪚥', '\ud800', '\udc00', '\udb40\udc41', '！', '？', '，', '。', '、', '…', '——',
  '「', '」', '【', '】', '《', '》', '～', '〜', '·', 'ＡＢＣ', 'ａｂｃ', '１２３', '!!!', '???', '...', ',,,', '~~~', '   ', '***', '###',
  '---', '===', '___', ';;', 'ß', 'ÄÖÜ', 'É', '×', '丟', '產品', '豐', '兀', '㐀', '龜', 'A', 'Z', "'", '"', '(', ')', '[', ']', ':', ' ',
];

/** A fixed-seed generator: the same texts on every run and every machine. */
export function generatedTexts(count: number, seed = 20261123): string[] {
  let state = seed >>> 0;
  const next = (bound: number): number => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    state = (state ^ (state >>> 12)) >>> 0;
    return state % bound;
  };
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const pieces = 1 + next(6);
    for (let p = 0; p < pieces; p++) {
      const fragment = FRAGMENTS[next(FRAGMENTS.length)];
      const roll = next(4);
      if (roll === 0) parts.push(fragment);
      else {
        // Splice odd characters into the fragment at random places.
        let text = fragment;
        for (let k = 1 + next(3); k > 0; k--) {
          const at = next(text.length + 1);
          text = text.slice(0, at) + ODD[next(ODD.length)] + text.slice(at);
        }
        parts.push(roll === 3 ? text.toUpperCase() : text);
      }
      if (next(3) === 0) parts.push(ODD[next(ODD.length)]);
    }
    texts.push(parts.join(''));
  }
  texts.push('', ' ', '\ud800', '😡', 'a', '差', '不', 'x'.repeat(5000), '差'.repeat(3000), '质量差，'.repeat(500));
  return texts;
}
