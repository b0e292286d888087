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

describe('mend assess with a CSV', () => {
  it('reads dotted columns as nested facts, empty cells as unknown, contacts as JSON in a cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mend-assess-csv-'));
    const input = join(dir, 'facts.csv');
    const output = join(dir, 'risk.jsonl');
    writeFileSync(
      input,
      [
        'id,platform,rating,text,buyer.nick,buyer.givenRatings.good,buyer.givenRatings.medium,buyer.givenRatings.bad,buyer.givenRatings.windowDays,order.chatBeforeOrder,order.secondsToPay,blacklisted,contacts',
        'a1,qianniu,bad,质量差,tb_x,9,4,11,182,否,12,,',
        'a2,qianniu,medium,一般,tb_y,,,,,,,false,"[{""at"":1,""channel"":""phone"",""outcome"":""no_answer""},{""at"":2,""channel"":""phone"",""outcome"":""no_answer""},{""at"":3,""channel"":""sms"",""outcome"":""no_answer""}]"',
        'a3,qianniu,bad,差,tb_z,,,,,maybe,,,',
      ].join('\n'),
    );
    await runBatch(input, output, handleRecord);
    const [a1, a2, a3] = readFileSync(output, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(a1).toMatchObject({ id: 'a1', band: 'high' });
    expect(a1.signals.map((s: { id: string }) => s.id)).toEqual(['history.many_bad_given', 'order.no_chat', 'order.instant_payment']);
    expect(a2).toMatchObject({ id: 'a2', band: 'watch' });
    expect(a2.signals.map((s: { id: string }) => s.id)).toEqual(['contacts.unanswered']);
    expect(a3).toEqual({ id: 'a3', error: expect.stringMatching(/"order.chatBeforeOrder" must be true or false/) });
  });
});
