import Papa from 'papaparse';
import type { Platform } from '../sites/types';

/**
 * The team blacklist as a file: export to and import from CSV (for spreadsheets and other tools)
 * and JSON (lossless, versioned). Pure: the IndexedDB store lives elsewhere and uses these types.
 * An import is all or nothing: one bad entry rejects the file, with every problem listed, so a
 * half-read file never changes the list.
 */

export interface BlacklistEntry {
  platform: Platform;
  /** The buyer's account name as the platform shows it in full (not a masked `王**`). */
  nick: string;
  /** Why the team listed the buyer: for colleagues and for an appeal, never shown to the buyer. */
  reason: string;
  /** ISO 8601 (UTC, as toISOString writes it). */
  addedAt: string;
  /** Who added the entry (a colleague's name or account). */
  addedBy: string;
}

export const BLACKLIST_FORMAT = 'mend-blacklist';
export const BLACKLIST_VERSION = 1;
export const BLACKLIST_LIMITS = { entries: 100_000, nick: 100, reason: 1000, addedBy: 100, fileChars: 20_000_000, problemsListed: 20 } as const;

const PLATFORMS: readonly Platform[] = ['qianniu', 'taobao_classic', 'pinduoduo', 'douyin', 'jd', 'kuaishou', 'otto', 'amazon', 'generic'];

/** Names people write in a hand-made sheet, mapped to platform ids. */
const PLATFORM_ALIASES: Record<string, Platform> = {
  taobao: 'qianniu',
  tmall: 'qianniu',
  淘宝: 'qianniu',
  天猫: 'qianniu',
  千牛: 'qianniu',
  拼多多: 'pinduoduo',
  抖音: 'douyin',
  抖店: 'douyin',
  京东: 'jd',
  快手: 'kuaishou',
};

/**
 * Taobao, Tmall, Qianniu and classic rate.taobao.com share one account namespace: a nick listed
 * from Qianniu must match the same buyer on the rating page.
 */
function accountNamespace(platform: Platform): string {
  return platform === 'qianniu' || platform === 'taobao_classic' ? 'taobao' : platform;
}

/**
 * The platforms whose pages name the same accounts as `platform`: Qianniu and the classic rating
 * pages share Taobao's, so an entry or a profile made on either one counts for both.
 */
export function accountPlatforms(platform: Platform): Platform[] {
  return accountNamespace(platform) === 'taobao' ? ['qianniu', 'taobao_classic'] : [platform];
}

/** Identity of a listed buyer for matching and de-duplication (width, case and spaces folded). */
export function blacklistKey(platform: Platform, nick: string): string {
  return `${accountNamespace(platform)}:${nick.normalize('NFKC').trim().toLowerCase()}`;
}

export interface BlacklistProblem {
  /** 1-based entry number (CSV: data rows after the header; JSON: position in `entries`). */
  entry?: number;
  field?: keyof BlacklistEntry;
  /** English, for logs and the CLI; the UI uses messageKey + args. */
  message: string;
  messageKey: string;
  args: string[];
}

export type BlacklistImport = { ok: true; entries: BlacklistEntry[]; duplicatesDropped: number } | { ok: false; problems: BlacklistProblem[] };

const MESSAGES = {
  blacklist_err_not_mend: 'This is not a Mend blacklist file.',
  blacklist_err_newer: 'This file was written by a newer Mend (format version $1). Update Mend to read it.',
  blacklist_err_json: 'The file is not valid JSON: $1',
  blacklist_err_too_big: 'The file is too large (at most $1 entries).',
  blacklist_err_empty: 'The file has no entries.',
  blacklist_err_column: 'The CSV file has no "$1" column.',
  blacklist_err_entry: 'Entry $1 is not an object.',
  blacklist_err_platform: 'Entry $1: unknown platform "$2".',
  blacklist_err_nick: 'Entry $1: the nick is missing or longer than $2 characters.',
  blacklist_err_text: 'Entry $1: "$2" must be text of at most $3 characters.',
  blacklist_err_date: 'Entry $1: "$2" is not a date (write 2026-11-20 or 2026-11-20T14:00:00+08:00).',
  blacklist_err_more: '… and $1 more problems.',
} as const;
export type BlacklistMessageKey = keyof typeof MESSAGES;
export const BLACKLIST_MESSAGES: Readonly<Record<BlacklistMessageKey, string>> = MESSAGES;

function problem(messageKey: BlacklistMessageKey, args: (string | number)[], entry?: number, field?: keyof BlacklistEntry): BlacklistProblem {
  const textArgs = args.map(String);
  const message = MESSAGES[messageKey].replace(/\$(\d)/g, (_, n: string) => textArgs[Number(n) - 1] ?? '');
  const out: BlacklistProblem = { message, messageKey, args: textArgs };
  if (entry !== undefined) out.entry = entry;
  if (field !== undefined) out.field = field;
  return out;
}

// ---------------------------------------------------------------- export

/** Lossless, versioned JSON. */
export function exportBlacklistJson(entries: readonly BlacklistEntry[], exportedAt: Date = new Date()): string {
  const body = { format: BLACKLIST_FORMAT, version: BLACKLIST_VERSION, exportedAt: exportedAt.toISOString(), entries: entries.map(pickFields) };
  return JSON.stringify(body, null, 2) + '\n';
}

export const CSV_COLUMNS: readonly (keyof BlacklistEntry)[] = ['platform', 'nick', 'reason', 'addedAt', 'addedBy'];

/**
 * A spreadsheet opens a cell starting with = + - @ as a formula: such cells (and cells already
 * starting with the escape quote) get a leading ' that import removes again.
 */
function escapeCell(value: string): string {
  return /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
}

function unescapeCell(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

/** CSV with a header row and a BOM, so spreadsheet programs read the Chinese text as UTF-8. */
export function exportBlacklistCsv(entries: readonly BlacklistEntry[]): string {
  const rows = entries.map((e) => CSV_COLUMNS.map((column) => escapeCell(e[column])));
  return '\uFEFF' + Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: true }) + '\r\n';
}

function pickFields(e: BlacklistEntry): BlacklistEntry {
  return { platform: e.platform, nick: e.nick, reason: e.reason, addedAt: e.addedAt, addedBy: e.addedBy };
}

// ---------------------------------------------------------------- import

const ISO_LIKE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A date as people and programs write it: ISO 8601, or with slashes as spreadsheets do. A time
 * without a zone is the seller's local time (that is what they meant when they typed it).
 */
export function parseBlacklistDate(raw: string): string | undefined {
  const m = ISO_LIKE.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  let ms: number;
  if (h === undefined) ms = Date.UTC(Number(y), month - 1, day);
  else if (zone) ms = Date.parse(`${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:${s ?? '00'}${fraction ?? ''}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone.toUpperCase()}`);
  else ms = new Date(Number(y), month - 1, day, Number(h), Number(mi), Number(s ?? 0), Math.round(Number(fraction ?? 0) * 1000)).getTime();
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  // Reject 2026-02-31 and friends, which Date would roll over into March.
  if (h === undefined && (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)) return undefined;
  return date.toISOString();
}

function readPlatform(raw: unknown): Platform | undefined {
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim();
  const lower = value.toLowerCase();
  return (PLATFORMS as readonly string[]).includes(lower) ? (lower as Platform) : PLATFORM_ALIASES[lower] ?? PLATFORM_ALIASES[value];
}

/** Checks one raw entry; pushes problems and returns the entry only when every field is right. */
function validateEntry(raw: Record<string, unknown>, entry: number, problems: BlacklistProblem[], unescape: (s: string) => string): BlacklistEntry | undefined {
  const before = problems.length;
  const text = (field: keyof BlacklistEntry, max: number): string => {
    const value = raw[field] ?? '';
    if (typeof value !== 'string' || value.length > max) {
      problems.push(problem('blacklist_err_text', [entry, field, max], entry, field));
      return '';
    }
    return unescape(value).trim();
  };
  const platform = readPlatform(typeof raw.platform === 'string' ? unescape(raw.platform) : raw.platform);
  if (!platform) problems.push(problem('blacklist_err_platform', [entry, String(raw.platform ?? '')], entry, 'platform'));
  const nick = typeof raw.nick === 'string' ? unescape(raw.nick).trim() : '';
  if (nick === '' || nick.length > BLACKLIST_LIMITS.nick || /[\u0000-\u001f]/.test(nick)) {
    problems.push(problem('blacklist_err_nick', [entry, BLACKLIST_LIMITS.nick], entry, 'nick'));
  }
  const reason = text('reason', BLACKLIST_LIMITS.reason);
  const addedBy = text('addedBy', BLACKLIST_LIMITS.addedBy);
  const rawDate = typeof raw.addedAt === 'string' ? unescape(raw.addedAt) : '';
  const addedAt = parseBlacklistDate(rawDate);
  if (!addedAt) problems.push(problem('blacklist_err_date', [entry, String(raw.addedAt ?? '')], entry, 'addedAt'));
  if (problems.length > before || !platform || !addedAt) return undefined;
  return { platform, nick, reason, addedAt, addedBy };
}

/** Keeps the first entry of each buyer; later ones in the same file are dropped and counted. */
function finish(candidates: BlacklistEntry[], problems: BlacklistProblem[]): BlacklistImport {
  if (problems.length > 0) {
    const listed = problems.slice(0, BLACKLIST_LIMITS.problemsListed);
    if (problems.length > listed.length) listed.push(problem('blacklist_err_more', [problems.length - listed.length]));
    return { ok: false, problems: listed };
  }
  const seen = new Set<string>();
  const entries: BlacklistEntry[] = [];
  for (const e of candidates) {
    const key = blacklistKey(e.platform, e.nick);
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push(e);
  }
  return { ok: true, entries, duplicatesDropped: candidates.length - entries.length };
}

function reject(key: BlacklistMessageKey, args: (string | number)[] = []): BlacklistImport {
  return { ok: false, problems: [problem(key, args)] };
}

function validateAll(rows: unknown[], unescape: (s: string) => string): BlacklistImport {
  if (rows.length === 0) return reject('blacklist_err_empty');
  if (rows.length > BLACKLIST_LIMITS.entries) return reject('blacklist_err_too_big', [BLACKLIST_LIMITS.entries]);
  const problems: BlacklistProblem[] = [];
  const entries: BlacklistEntry[] = [];
  rows.forEach((row, index) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      problems.push(problem('blacklist_err_entry', [index + 1], index + 1));
      return;
    }
    const entry = validateEntry(row as Record<string, unknown>, index + 1, problems, unescape);
    if (entry) entries.push(entry);
  });
  return finish(entries, problems);
}

export function importBlacklistJson(source: string): BlacklistImport {
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    return reject('blacklist_err_json', [(error as Error).message]);
  }
  // A bare list of entries is what a hand-written file or another tool most likely holds.
  if (Array.isArray(data)) return validateAll(data, (s) => s);
  if (data === null || typeof data !== 'object') return reject('blacklist_err_not_mend');
  const file = data as Record<string, unknown>;
  if (file.format !== BLACKLIST_FORMAT || !Array.isArray(file.entries)) return reject('blacklist_err_not_mend');
  if (typeof file.version !== 'number' || file.version > BLACKLIST_VERSION) return reject('blacklist_err_newer', [String(file.version)]);
  return validateAll(file.entries, (s) => s);
}

/** Header names a sheet may use, by field (English as exported, and what Chinese teams write). */
const CSV_HEADERS: Record<keyof BlacklistEntry, string[]> = {
  platform: ['platform', '平台'],
  nick: ['nick', 'nickname', 'buyer', '昵称', '买家昵称', '买家', '旺旺', '旺旺名', '会员名'],
  reason: ['reason', 'note', '原因', '理由', '备注'],
  addedAt: ['addedat', 'added_at', 'date', '日期', '添加时间', '加入时间', '时间'],
  addedBy: ['addedby', 'added_by', 'by', '添加人', '操作人', '记录人'],
};
const REQUIRED_COLUMNS: (keyof BlacklistEntry)[] = ['platform', 'nick', 'addedAt'];

export function importBlacklistCsv(source: string): BlacklistImport {
  const parsed = Papa.parse<string[]>(source.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  if (!header) return reject('blacklist_err_empty');
  const columnOf = new Map<keyof BlacklistEntry, number>();
  header.forEach((name, index) => {
    const wanted = name.trim().toLowerCase();
    for (const field of CSV_COLUMNS) if (!columnOf.has(field) && CSV_HEADERS[field].includes(wanted)) columnOf.set(field, index);
  });
  const missing = REQUIRED_COLUMNS.find((field) => !columnOf.has(field));
  if (missing) return reject(columnOf.size === 0 ? 'blacklist_err_not_mend' : 'blacklist_err_column', [missing]);
  const records = rows.map((cells) => {
    const record: Record<string, unknown> = {};
    for (const [field, index] of columnOf) record[field] = cells[index] ?? '';
    return record;
  });
  return validateAll(records, unescapeCell);
}

/** Picks the reader by content: JSON starts with { or [, everything else is read as CSV. */
export function importBlacklist(source: string, format?: 'csv' | 'json'): BlacklistImport {
  if (source.length > BLACKLIST_LIMITS.fileChars) return reject('blacklist_err_too_big', [BLACKLIST_LIMITS.entries]);
  const looksJson = /^\uFEFF?\s*[[{]/.test(source);
  return (format ?? (looksJson ? 'json' : 'csv')) === 'json' ? importBlacklistJson(source) : importBlacklistCsv(source);
}
