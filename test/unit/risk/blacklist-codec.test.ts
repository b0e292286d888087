import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLACKLIST_MESSAGES,
  blacklistKey,
  exportBlacklistCsv,
  exportBlacklistJson,
  importBlacklist,
  parseBlacklistDate,
  type BlacklistEntry,
} from '../../../lib/cases/blacklist-codec';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const entries: BlacklistEntry[] = [
  { platform: 'qianniu', nick: 'tb_1839xq2', reason: '三家店同样的文字差评，电话里要 200 元才删', addedAt: '2026-11-18T06:30:00.000Z', addedBy: '小王' },
  { platform: 'pinduoduo', nick: '=HYPERLINK("x")', reason: 'Reason with "quotes", commas,\nand a line break', addedAt: '2026-10-01T00:00:00.000Z', addedBy: '' },
  { platform: 'otto', nick: "'quoted", reason: '', addedAt: '2025-01-31T23:59:59.999Z', addedBy: 'Jana' },
  { platform: 'douyin', nick: '-minus', reason: '@mention', addedAt: '2026-11-20T12:00:00.000Z', addedBy: '+plus' },
];

const english = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

const ok = (result: ReturnType<typeof importBlacklist>) => {
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result;
};

describe('blacklist export/import', () => {
  it('JSON round trip is lossless and versioned', () => {
    const json = exportBlacklistJson(entries, new Date('2026-11-20T00:00:00Z'));
    expect(JSON.parse(json)).toMatchObject({ format: 'mend-blacklist', version: 1, exportedAt: '2026-11-20T00:00:00.000Z' });
    expect(ok(importBlacklist(json)).entries).toEqual(entries);
  });

  it('CSV round trip keeps quotes, line breaks and formula-looking cells (escaped for spreadsheets)', () => {
    const csv = exportBlacklistCsv(entries);
    expect(csv.startsWith('\uFEFF"platform","nick","reason","addedAt","addedBy"\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`); // a spreadsheet shows it as text, never runs it
    expect(csv).toContain(`"'-minus"`);
    expect(ok(importBlacklist(csv)).entries).toEqual(entries);
  });

  const text = (max: number) => fc.string({ maxLength: max }).map((s) => s.trim());
  const entry: fc.Arbitrary<BlacklistEntry> = fc.record({
    platform: fc.constantFrom('qianniu', 'taobao_classic', 'pinduoduo', 'douyin', 'jd', 'kuaishou', 'otto', 'amazon', 'generic' as const),
    nick: fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.trim().replace(/[\u0000-\u001f]/g, '')).filter((s) => s.length > 0),
    reason: text(80),
    addedAt: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    addedBy: text(20),
  });
  const uniqueEntries = fc.uniqueArray(entry, { minLength: 1, maxLength: 30, selector: (e) => blacklistKey(e.platform, e.nick) });

  it('any list survives both round trips', () => {
    fc.assert(
      fc.property(uniqueEntries, (list) => {
        expect(ok(importBlacklist(exportBlacklistJson(list))).entries).toEqual(list);
        expect(ok(importBlacklist(exportBlacklistCsv(list))).entries).toEqual(list);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a hand-made Chinese sheet: Chinese headers, platform names, dates with slashes', () => {
    const sheet = '平台,旺旺名,原因,日期,添加人\n淘宝,ａｂｃ_Shop ,要挟退款,2026/11/3,老李\n拼多多,阿明,,2026-11-05T09:00:00+08:00,\n';
    const result = ok(importBlacklist(sheet));
    expect(result.entries).toEqual([
      { platform: 'qianniu', nick: 'ａｂｃ_Shop', reason: '要挟退款', addedAt: '2026-11-03T00:00:00.000Z', addedBy: '老李' },
      { platform: 'pinduoduo', nick: '阿明', reason: '', addedAt: '2026-11-05T01:00:00.000Z', addedBy: '' },
    ]);
  });

  it('drops later duplicates of the same buyer (Qianniu and classic Taobao are one account space)', () => {
    const list: BlacklistEntry[] = [entries[0], { ...entries[0], platform: 'taobao_classic', nick: 'TB_1839XQ2', reason: 'again' }, entries[1]];
    const result = ok(importBlacklist(exportBlacklistJson(list)));
    expect(result.entries).toEqual([entries[0], entries[1]]);
    expect(result.duplicatesDropped).toBe(1);
    expect(blacklistKey('qianniu', ' ｔｂ_1 ')).toBe(blacklistKey('taobao_classic', 'TB_1'));
    expect(blacklistKey('qianniu', 'x')).not.toBe(blacklistKey('pinduoduo', 'x'));
  });
});

function truncatedCsv(): string {
  const csv = exportBlacklistCsv(entries);
  return csv.slice(0, csv.indexOf('2026-10-01') + 4);
}

describe('malformed and foreign files are rejected whole, with clear messages', () => {
  const good = exportBlacklistJson(entries);
  it.each([
    ['not JSON', '{"format": "mend-blacklist", "entries": [', 'blacklist_err_json'],
    ['a case export', JSON.stringify({ format: 'mend-cases', version: 1, cases: [] }), 'blacklist_err_not_mend'],
    ['a number', '42', 'blacklist_err_not_mend'],
    ['a newer version', good.replace('"version": 1', '"version": 9'), 'blacklist_err_newer'],
    ['no entries', JSON.stringify({ format: 'mend-blacklist', version: 1, entries: [] }), 'blacklist_err_empty'],
    ['an empty CSV', '', 'blacklist_err_empty'],
    ['a CSV of something else', 'order,amount\n1,2\n', 'blacklist_err_not_mend'],
    ['a CSV without dates', 'platform,nick\nqianniu,a\n', 'blacklist_err_column'],
    ['a CSV cut off in the middle of a date', truncatedCsv(), 'blacklist_err_date'],
  ])('%s', (_name, source, key) => {
    const result = importBlacklist(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].messageKey).toBe(key);
  });

  it('lists every bad entry with its number and field; nothing is imported', () => {
    const bad = [
      entries[0],
      { ...entries[0], nick: 'x', platform: 'myspace' },
      { ...entries[0], nick: '   ' },
      { ...entries[0], nick: 'y', addedAt: '2026-02-31' },
      { ...entries[0], nick: 'z', addedAt: 'last Tuesday', reason: 7 },
      'just a string',
    ];
    const result = importBlacklist(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.entry, p.field, p.messageKey])).toEqual([
      [2, 'platform', 'blacklist_err_platform'],
      [3, 'nick', 'blacklist_err_nick'],
      [4, 'addedAt', 'blacklist_err_date'],
      [5, 'reason', 'blacklist_err_text'],
      [5, 'addedAt', 'blacklist_err_date'],
      [6, undefined, 'blacklist_err_entry'],
    ]);
    expect(result.problems[0].message).toBe('Entry 2: unknown platform "myspace".');
  });

  it('caps the listed problems and says how many more there are', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ platform: 'qianniu', nick: `n${i}`, addedAt: 'never' }));
    const result = importBlacklist(JSON.stringify(many));
    if (result.ok) throw new Error('should fail');
    expect(result.problems).toHaveLength(21);
    expect(result.problems[20].message).toBe('… and 30 more problems.');
  });

  it('random bytes never throw and never pass as a blacklist', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        const result = importBlacklist(junk);
        if (result.ok) expect(result.entries.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('dates', () => {
  it.each([
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026/1/5', '2026-01-05T00:00:00.000Z'],
    ['2026-11-20T14:00:00+08:00', '2026-11-20T06:00:00.000Z'],
    ['2026-11-20 14:00+0800', '2026-11-20T06:00:00.000Z'],
    ['2026-11-20T06:00:00.250Z', '2026-11-20T06:00:00.250Z'],
  ])('%s', (raw, iso) => expect(parseBlacklistDate(raw)).toBe(iso));

  it.each(['20.11.2026', '2026-13-01', '2026-02-30', 'yesterday', ''])('rejects %s', (raw) => expect(parseBlacklistDate(raw)).toBeUndefined());
});

describe('blacklist messages', () => {
  it.each(Object.entries(BLACKLIST_MESSAGES))('%s is in the English catalogue with the same wording', (key, wording) => {
    expect(english[key]?.message).toBe(wording);
  });
});
