import { DRAFT_KINDS, LANGS, lintReply, PLATFORM_RULES } from '../drafts/index';
import { oneOf, optionalString } from '../drafts/validate';
import type { Platform } from '../sites/types';
import { plainFinding } from './draft';
import { requireString } from './records';

export const describe = 'policy findings for each reply text';

let texts = 0;
let withErrors = 0;

function stringList(record: Record<string, unknown>, field: string): string[] | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new Error(`"${field}" must be an array of strings`);
  return value as string[];
}

export function handleRecord(record: Record<string, unknown>): object {
  const text = requireString(record, 'text');
  const platform = oneOf(record.platform, Object.keys(PLATFORM_RULES) as Platform[], 'platform');
  const kind = oneOf(record.kind, DRAFT_KINDS, 'kind');
  const replyDaysLeft = record.replyDaysLeft;
  if (replyDaysLeft !== undefined && replyDaysLeft !== null && (typeof replyDaysLeft !== 'number' || !Number.isFinite(replyDaysLeft))) {
    throw new Error('"replyDaysLeft" must be a number');
  }
  const buyerNick = optionalString(record, 'buyerNick');
  const findings = lintReply(text, {
    platform,
    kind,
    lang: record.lang === undefined ? undefined : oneOf(record.lang, LANGS, 'lang'),
    replyDaysLeft: typeof replyDaysLeft === 'number' ? replyDaysLeft : undefined,
    reviewDate: optionalString(record, 'reviewDate'),
    now: optionalString(record, 'now'),
    recentReplies: stringList(record, 'recentReplies'),
    isEdit: record.isEdit === true,
    knownNames: [...(stringList(record, 'knownNames') ?? []), ...(buyerNick ? [buyerNick] : [])],
  });
  texts++;
  if (findings.some((f) => f.severity === 'error')) withErrors++;
  return { id: record.id, findings: findings.map(plainFinding) };
}

export function finish(): string | undefined {
  return texts ? `${withErrors} of ${texts} replies have policy errors` : undefined;
}
