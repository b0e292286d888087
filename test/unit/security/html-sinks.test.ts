import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SHIPPED = ['entrypoints', 'components', 'lib'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Ways page text could turn into markup or code. Mend renders page text as text nodes only. */
const SINKS: [string, RegExp][] = [
  ['innerHTML', /\.innerHTML\s*[+]?=/],
  ['outerHTML', /\.outerHTML\s*[+]?=/],
  ['insertAdjacentHTML', /insertAdjacentHTML\s*\(/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['createContextualFragment', /createContextualFragment\s*\(/],
  ['setHTMLUnsafe', /setHTMLUnsafe\s*\(/],
  ['eval', /(^|[^.\w])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['string timer', /set(Timeout|Interval)\s*\(\s*['"`]/],
  ['javascript: URL', /['"`]javascript:/i],
];

describe('shipped code has no HTML or code sinks', () => {
  const files = SHIPPED.flatMap((dir) => sources(join(process.cwd(), dir)));

  it('finds the shipped sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  for (const [name, pattern] of SINKS) {
    it(`uses no ${name}`, () => {
      const hits = files.flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ file, line: index + 1, text: line }))
          .filter(({ text }) => !/^\s*(\/\/|\*)/.test(text) && pattern.test(text)),
      );
      expect(hits.map((h) => `${h.file}:${h.line}: ${h.text.trim()}`)).toEqual([]);
    });
  }

  it('would notice a sink (the patterns are live)', () => {
    expect(SINKS.find(([name]) => name === 'innerHTML')![1].test('el.innerHTML = text')).toBe(true);
    expect(SINKS.find(([name]) => name === 'eval')![1].test('  eval(code)')).toBe(true);
  });
});
