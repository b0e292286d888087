import { analyze, CAUSE_IDS, detectLang, type CauseId } from '../analysis/index';
import { DRAFT_KINDS, generateDrafts, LANGS, lintReply, PLATFORM_RULES, REMEDY_KINDS, TONES, type DraftInput, type Finding, type Risk } from '../drafts/index';
import { oneOf, optionalString } from '../drafts/validate';
import type { Platform, Rating } from '../sites/types';
import { requireString } from './records';

export const describe = 'reply drafts (public, private, phone, revision request, firm, unreachable) with lint findings';

const RISKS: readonly Risk[] = ['low', 'watch', 'high'];
const RATINGS: readonly Rating[] = ['good', 'medium', 'bad', 'unknown'];

/** Ratings as words or 1–5 stars; anything else is a bad record rather than a silent "unknown". */
function ratingOf(value: unknown): Rating {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) return value >= 4 ? 'good' : value === 3 ? 'medium' : 'bad';
  return oneOf(value, RATINGS, 'rating');
}

function objectOrUndefined(record: Record<string, unknown>, field: string): Record<string, unknown> | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`"${field}" must be an object`);
  return value as Record<string, unknown>;
}

function booleanOrUndefined(record: Record<string, unknown>, field: string): boolean | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new Error(`"${field}" must be true or false`);
  return value;
}

function causesOf(record: Record<string, unknown>, fromText: () => CauseId[]): CauseId[] {
  if (record.causes === undefined || record.causes === null) return fromText();
  if (!Array.isArray(record.causes)) throw new Error('"causes" must be an array');
  return record.causes.map((c, i) => oneOf(c, CAUSE_IDS, `causes[${i}]`));
}

/** One review record → the DraftInput the extension would build from the same facts. */
export function draftInputOf(record: Record<string, unknown>): DraftInput {
  const text = requireString(record, 'text');
  const platform = oneOf(record.platform, Object.keys(PLATFORM_RULES) as Platform[], 'platform');
  const rating = ratingOf(record.rating);
  const shop = objectOrUndefined(record, 'shop');
  const remedy = objectOrUndefined(record, 'remedy');
  if (record.contacts !== undefined && record.contacts !== null && !Array.isArray(record.contacts)) throw new Error('"contacts" must be an array');
  return {
    lang: record.lang === undefined ? detectLang(text) : oneOf(record.lang, LANGS, 'lang'),
    platform,
    rating,
    causes: causesOf(record, () => analyze(text, { rating }).causes),
    tone: record.tone === undefined ? 'sincere' : oneOf(record.tone, TONES, 'tone'),
    text,
    product: optionalString(record, 'product'),
    buyerNick: optionalString(record, 'buyerNick'),
    orderId: optionalString(record, 'orderId'),
    shop: shop ? { name: requireString(shop, 'name'), signature: optionalString(shop, 'signature'), serviceHours: optionalString(shop, 'serviceHours') } : undefined,
    remedy: remedy
      ? { kind: oneOf(remedy.kind, REMEDY_KINDS, 'remedy.kind'), amount: typeof remedy.amount === 'number' ? remedy.amount : undefined, currency: optionalString(remedy, 'currency') }
      : undefined,
    contacts: (record.contacts as DraftInput['contacts']) ?? undefined,
    risk: record.risk === undefined || record.risk === null ? undefined : oneOf(record.risk, RISKS, 'risk'),
    seed: record.id === undefined ? undefined : String(record.id),
    problemSolved: booleanOrUndefined(record, 'problemSolved'),
    buyerSatisfied: booleanOrUndefined(record, 'buyerSatisfied'),
    now: optionalString(record, 'now'),
    timeZone: optionalString(record, 'timeZone'),
  };
}

/** The CLI prints findings without the i18n fields: message, rule, severity and span are enough in a file. */
export function plainFinding(f: Finding): { rule: string; severity: string; message: string; start: number; end: number } {
  return { rule: f.rule, severity: f.severity, message: f.message, start: f.start, end: f.end };
}

export function handleRecord(record: Record<string, unknown>): object {
  const input = draftInputOf(record);
  const drafts = generateDrafts(input);
  const lint: Record<string, ReturnType<typeof plainFinding>[] | null> = {};
  const knownNames = input.buyerNick ? [input.buyerNick] : undefined;
  for (const kind of DRAFT_KINDS) {
    const text = drafts[kind];
    lint[kind] = text === null ? null : lintReply(text, { platform: input.platform, kind, lang: input.lang, knownNames }).map(plainFinding);
  }
  return { id: record.id, lang: input.lang, drafts, lint };
}
