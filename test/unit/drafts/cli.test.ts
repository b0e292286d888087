import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as draftCommand from '../../../lib/cli/draft';
import * as lintCommand from '../../../lib/cli/lint';
import { runBatch } from '../../../lib/cli/records';

const review = {
  id: 'r1',
  text: '保温杯用了两天就不保温了，质量太差',
  platform: 'qianniu',
  rating: 'bad',
  buyerNick: 't**8',
  orderId: '3456789012345678',
  product: '保温杯',
  contacts: [
    { at: '2026-11-20T04:15:00Z', channel: 'phone', outcome: 'no_answer' },
    { at: '2026-11-20T11:00:00Z', channel: 'chat', outcome: 'no_answer' },
  ],
  risk: 'high',
  shop: { name: '青禾家居', signature: '店长 小林' },
};

describe('mend draft', () => {
  it('answers with the language, all six kinds (absent ones null) and lint per kind', () => {
    const out = draftCommand.handleRecord(review) as { id: string; lang: string; drafts: Record<string, string | null>; lint: Record<string, unknown[] | null> };
    expect(out.id).toBe('r1');
    expect(out.lang).toBe('zh-Hans');
    expect(Object.keys(out.drafts)).toEqual(['public', 'private', 'phone', 'revisionRequest', 'firm', 'unreachable']);
    expect(out.drafts.revisionRequest).toBeNull();
    expect(out.lint.revisionRequest).toBeNull();
    expect(out.drafts.firm).toContain('青禾家居');
    expect(out.drafts.unreachable).toContain('电话');
    for (const kind of ['public', 'private', 'phone', 'firm', 'unreachable']) expect(out.lint[kind]).toEqual([]);
  });

  it('takes causes from the analysis when the record has none, and from the record when it has them', () => {
    const analysed = draftCommand.draftInputOf(review);
    expect(analysed.causes).toContain('quality');
    expect(draftCommand.draftInputOf({ ...review, causes: ['size'] }).causes).toEqual(['size']);
    expect(draftCommand.draftInputOf({ ...review, text: 'The mug leaks and the box was crushed.' }).lang).toBe('en');
  });

  it('drafts a revision request only for solved cases on platforms that allow it', () => {
    const solved = { ...review, problemSolved: true, buyerSatisfied: true };
    expect((draftCommand.handleRecord(solved) as { drafts: { revisionRequest: string | null } }).drafts.revisionRequest).toMatch(/\S/);
    expect((draftCommand.handleRecord({ ...solved, platform: 'amazon' }) as { drafts: { revisionRequest: string | null } }).drafts.revisionRequest).toBeNull();
  });

  it.each([
    ['text', { text: undefined }],
    ['text', { text: 42 }],
    ['platform', { platform: 'tmall' }],
    ['rating', { rating: 'terrible' }],
    ['rating', { rating: 7 }],
    ['contacts', { contacts: 'yesterday' }],
    ['contacts[0].channel', { contacts: [{ at: '2026-11-20T04:15:00Z', channel: 'fax', outcome: 'no_answer' }] }],
    ['contacts[0].at', { contacts: [{ at: 'soon', channel: 'phone', outcome: 'no_answer' }] }],
    ['risk', { risk: 'extreme' }],
    ['shop', { shop: 'Qinghe' }],
    ['name', { shop: { signature: 'x' } }],
    ['causes', { causes: 'quality' }],
    ['causes[0]', { causes: ['weather'] }],
    ['lang', { lang: 'ja' }],
    ['problemSolved', { problemSolved: 'yes' }],
    ['time zone', { timeZone: 'Nowhere/Land' }],
  ])('rejects a bad %s', (field, patch) => {
    expect(() => draftCommand.handleRecord({ ...review, ...patch })).toThrow(field);
  });
});

describe('mend lint', () => {
  it('returns findings with rule, severity, message and span only', () => {
    const text = '亲，好评返现5元，联系13812345678';
    const out = lintCommand.handleRecord({ id: 'x', platform: 'qianniu', kind: 'public', text }) as { id: string; findings: Record<string, unknown>[] };
    expect(out.id).toBe('x');
    expect(out.findings.map((f) => f.rule).sort()).toEqual(['personal_data', 'review_incentive']);
    for (const f of out.findings) {
      expect(Object.keys(f)).toEqual(['rule', 'severity', 'message', 'start', 'end']);
      expect(text.slice(f.start as number, f.end as number).length).toBeGreaterThan(1);
    }
  });

  it('passes optional context through (window, duplicates, names)', () => {
    const out = lintCommand.handleRecord({ id: 'y', platform: 'qianniu', kind: 'public', text: '谢谢 tb_1 的反馈', replyDaysLeft: 1, buyerNick: 'tb_1', recentReplies: ['谢谢 tb_1 的反馈'] }) as {
      findings: { rule: string }[];
    };
    expect(out.findings.map((f) => f.rule)).toEqual(['personal_data', 'reply_window', 'near_duplicate']);
  });

  it.each([
    ['text', { text: null }],
    ['platform', { platform: 'ebay' }],
    ['kind', { kind: 'tweet' }],
    ['replyDaysLeft', { replyDaysLeft: 'three' }],
    ['recentReplies', { recentReplies: 'abc' }],
  ])('rejects a bad %s', (field, patch) => {
    expect(() => lintCommand.handleRecord({ id: 'z', platform: 'jd', kind: 'public', text: 'ok', ...patch })).toThrow(field);
  });
});

describe('batch files', () => {
  it('malformed lines and bad records become {id?, error}; good ones go through', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mend-draft-'));
    const input = join(dir, 'in.jsonl');
    const output = join(dir, 'out.jsonl');
    writeFileSync(
      input,
      [JSON.stringify(review), 'not json', JSON.stringify({ id: 'bad', text: 'x', platform: 'tmall', rating: 'bad' }), '[1,2]', JSON.stringify({ ...review, id: 'r2', rating: 2 })].join('\n'),
    );
    const summary = await runBatch(input, output, draftCommand.handleRecord);
    expect(summary).toEqual({ records: 5, errors: 3 });
    const lines = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].id).toBe('r1');
    expect(lines[1]).toEqual({ error: expect.stringContaining('not valid JSON') });
    expect(lines[2]).toEqual({ id: 'bad', error: expect.stringContaining('platform') });
    expect(lines[3].error).toContain('expected a JSON object');
    expect(lines[4].drafts.public).toMatch(/\S/);

    const lintIn = join(dir, 'lint.jsonl');
    writeFileSync(lintIn, [JSON.stringify({ id: 'a', platform: 'amazon', kind: 'private', text: 'Please update your review.' }), '{"id":"b"'].join('\n'));
    const lintOut = join(dir, 'lint-out.jsonl');
    expect(await runBatch(lintIn, lintOut, lintCommand.handleRecord)).toEqual({ records: 2, errors: 1 });
    const [a, b] = readFileSync(lintOut, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(a.findings[0].rule).toBe('amazon_review_request');
    expect(b).toEqual({ id: 'b', error: expect.stringContaining('not valid JSON') });
  });
});
