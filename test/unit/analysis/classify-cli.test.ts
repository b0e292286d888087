import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finish, handleRecord } from '../../../lib/cli/classify';
import { runBatch } from '../../../lib/cli/records';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mend-classify-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function outputLines(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('mend classify', () => {
  it('labels good lines and answers malformed ones with {id?, error} without stopping', async () => {
    const input = join(dir, 'in.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'a', text: '快递很快但是质量差' }),
        '{"id": "b", "text": 42}',
        'this is not json',
        '{"id": "c"',
        '[1,2,3]',
        JSON.stringify({ id: 'd', text: '挺好的', rating: 'bad' }),
        JSON.stringify({ id: 'e', text: '假一赔十，不赔偿就投诉到12315', platform: 'taobao' }),
        JSON.stringify({ id: 'f', text: '非常满意', rating: 5 }),
        '',
      ].join('\n'),
    );
    const output = join(dir, 'out.jsonl');
    const summary = await runBatch(input, output, handleRecord);
    const lines = outputLines(output);
    expect(summary.records).toBe(8);
    expect(summary.errors).toBe(4);
    expect(lines).toHaveLength(8);

    expect(lines[0]).toEqual({ id: 'a', lang: 'zh-Hans', negative: true, causes: ['quality'], extortion: false, evidence: { quality: [[6, 9]] } });
    expect(lines[1]).toMatchObject({ id: 'b' });
    expect(String(lines[1].error)).toMatch(/text/);
    expect(lines[2]).toHaveProperty('error');
    expect(lines[3]).toMatchObject({ id: 'c' });
    expect(lines[3]).toHaveProperty('error');
    expect(lines[4]).toHaveProperty('error');
    expect(lines[5]).toMatchObject({ id: 'd', negative: true });
    expect(lines[6]).toMatchObject({ id: 'e', extortion: true });
    expect(Object.keys(lines[6].evidence as object)).not.toContain('extortion');
    const threat = JSON.parse(readFileSync(input, 'utf8').split('\n')[6]).text as string;
    const cues = (lines[6].extortionEvidence as Array<[number, number]>).map(([a, b]) => threat.slice(a, b));
    for (const cue of ['假一赔十', '12315']) expect(cues.some((c) => c.includes(cue))).toBe(true);
    expect(lines[7]).toMatchObject({ id: 'f', negative: false, causes: [] });
  });

  it('reads a CSV export with a Chinese text column and summarises cause counts', async () => {
    const input = join(dir, 'export.csv');
    writeFileSync(input, '\uFEFF评价ID,评价内容,评分\n1,物流太慢了,差评\n2,"质量差,掉色",中评\n3,很好,好评\n');
    const output = join(dir, 'labels.jsonl');
    const before = finish() ?? '';
    const summary = await runBatch(input, output, handleRecord);
    expect(summary).toEqual({ records: 3, errors: 0 });
    const lines = outputLines(output);
    expect(lines.map((l) => l.id)).toEqual(['1', '2', '3']);
    expect(lines[0].causes).toEqual(['logistics']);
    expect(lines[1].causes).toEqual(['quality']);
    expect(lines[2].negative).toBe(false);
    const after = finish() ?? '';
    expect(after).not.toBe(before);
    expect(after).toMatch(/logistics \d+/);
    expect(after).toMatch(/quality \d+/);
  });

  it('throws for a record without text, so runBatch reports it', () => {
    expect(() => handleRecord({ id: 'x' })).toThrow(/text/);
    expect(() => handleRecord({ id: 'x', text: null })).toThrow(/text/);
  });
});
