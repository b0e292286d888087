import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finish, handleRecord } from '../../../lib/cli/assess';
import { runBatch } from '../../../lib/cli/records';

describe('mend assess', () => {
  it('answers each facts line with id, score, band and signals; bad lines become errors and the batch goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mend-assess-'));
    const input = join(dir, 'facts.jsonl');
    const output = join(dir, 'risk.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'plain', platform: 'qianniu', rating: 'bad', text: '发货太慢' }),
        '{"id":"broken", "platform":',
        JSON.stringify({ id: 'listed', platform: 'pinduoduo', rating: 'bad', text: '差', blacklisted: true, order: { chatBeforeOrder: false } }),
        JSON.stringify({ id: 'wrong', platform: 'qianniu', rating: 'bad', text: 'x', history: { priorBadReviewsThisShop: -1 } }),
        JSON.stringify({ id: 7, platform: 'jd', rating: 'medium', text: '一般', buyer: { nick: 'j', givenRatings: { good: 2, medium: 2, bad: 1, windowDays: 182 } } }),
      ].join('\n'),
    );
    const summary = await runBatch(input, output, handleRecord);
    const lines = readFileSync(output, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(summary).toEqual({ records: 5, errors: 2 });
    expect(lines[0]).toEqual({ id: 'plain', score: 0, band: 'low', signals: [] });
    expect(lines[1]).toEqual({ id: 'broken', error: expect.stringMatching(/line 2: not valid JSON/) });
    expect(lines[2]).toMatchObject({ id: 'listed', band: 'high', score: 75 });
    expect(lines[2].signals.map((s: { id: string }) => s.id)).toEqual(['blacklisted', 'order.no_chat']);
    expect(lines[3]).toEqual({ id: 'wrong', error: expect.stringMatching(/priorBadReviewsThisShop" must be a whole number/) });
    expect(lines[4]).toMatchObject({ id: '7', band: 'watch' }); // 3 of 5 is a 60% share, but fewer than 5: the weaker signal
    expect(finish()).toMatch(/watch 1, high 1/);
  });

  it('throws for a record that is not facts', () => {
    expect(() => handleRecord({ id: 'x', text: 'hi' })).toThrow(/platform/);
  });
});
