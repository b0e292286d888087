import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBatch, splitLines } from '../../../lib/cli/records';

/** Lines as node:readline (crlfDelay: Infinity) reads them from these chunks: the behaviour the CLI always had. */
async function readlineLines(chunks: string[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: Readable.from(chunks), crlfDelay: Infinity })) lines.push(line);
  return lines;
}

function chunkedLines(chunks: string[]): string[] {
  const lines: string[] = [];
  let rest = '';
  for (const chunk of chunks) rest = splitLines(rest + chunk, lines);
  if (rest.length > 0) lines.push(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
  return lines;
}

describe('splitLines', () => {
  it('ends lines at \\n, \\r\\n and a lone \\r exactly like readline, wherever the chunks are cut', async () => {
    let state = 7;
    const next = (bound: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % bound;
    };
    const alphabet = ['a', '{"id":1}', '\n', '\r', '\r\n', ' ', '质', '\n\n', '\r\r'];
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let k = next(12); k > 0; k--) text += alphabet[next(alphabet.length)];
      const chunks: string[] = [];
      for (let at = 0; at < text.length; ) {
        const size = 1 + next(4);
        chunks.push(text.slice(at, at + size));
        at += size;
      }
      expect(chunkedLines(chunks), JSON.stringify(chunks)).toEqual(await readlineLines(chunks));
    }
  });
});

describe('runBatch over JSONL', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mend-lines-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts CRLF, lone CR and blank lines in error line numbers, strips a BOM and reads a last line without a line end', async () => {
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, '\uFEFF{"id":"a","n":1}\r\n\r\n{"id":"b"\r{"id":"c","n":3}\n  \nnot json\n{"id":"d","n":4}');
    const output = join(dir, 'out.jsonl');
    const summary = await runBatch(input, output, (record) => {
      if (typeof record.n !== 'number') throw new Error('no n');
      return { id: record.id, twice: record.n * 2 };
    });
    expect(summary).toEqual({ records: 5, errors: 2 });
    const lines = readFileSync(output, 'utf8').split('\n');
    expect(lines[0]).toBe('{"id":"a","twice":2}');
    expect(lines[1]).toMatch(/^\{"id":"b","error":"line 3: not valid JSON/);
    expect(lines[2]).toBe('{"id":"c","twice":6}');
    expect(lines[3]).toMatch(/^\{"error":"line 6: not valid JSON/);
    expect(lines[4]).toBe('{"id":"d","twice":8}');
    expect(lines[5]).toBe('');
  });

  it('answers a record whose output cannot be serialized with {id, error} and goes on', async () => {
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, '{"id":"a"}\n{"id":"b"}\n');
    const output = join(dir, 'out.jsonl');
    const summary = await runBatch(input, output, (record) => (record.id === 'a' ? { big: BigInt(1) } : { ok: record.id }));
    expect(summary).toEqual({ records: 2, errors: 1 });
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ id: 'a' });
    expect(JSON.parse(lines[0]).error).toMatch(/^line 1: /);
    expect(lines[1]).toBe('{"ok":"b"}');
  });
});
