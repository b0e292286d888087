import { CAUSE_IDS, type CauseId, type Lang } from '../analysis/types';
import type { Platform } from '../sites/types';
import { PACKS, LANGS } from './lang';
import type { ContactLine, DraftFacts, LanguagePack } from './lang/pack';
import { platformRules, PLATFORM_RULES } from './platform-rules';
import { CAUSE_PRIORITY, DEFAULT_OFFERS } from './playbook';
import { PLACEHOLDERS, renderTemplate } from './template';
import { checkTimeZone, followUpTime, formatDateTime, formatMoney, toDate } from './time-format';
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  DRAFT_KINDS,
  PUBLIC_KINDS,
  REMEDY_KINDS,
  TONES,
  type ContactAttempt,
  type DraftInput,
  type DraftKind,
  type Drafts,
  type Remedy,
  type TemplateIssue,
} from './types';
import { oneOf } from './validate';
import { variantPicker } from './variants';

/** Longer product names are listing titles, not names: the reply then says "the item" instead. */
const MAX_PRODUCT_LENGTH = 24;

function fail(message: string): never {
  throw new Error(message);
}


/** The review's causes in leading order: the shop's own faults first; `other` only when nothing else applies. */
export function orderCauses(causes: readonly CauseId[]): CauseId[] {
  for (const cause of causes) oneOf(cause, CAUSE_IDS, 'causes[]');
  const known = CAUSE_PRIORITY.filter((c) => causes.includes(c) && c !== 'other');
  return known.length ? known : ['other'];
}

function defaultCurrency(platform: Platform, lang: Lang): string {
  if (platform === 'otto') return 'EUR';
  if (platform === 'amazon' || platform === 'generic') return lang === 'de' ? 'EUR' : lang === 'en' ? 'USD' : 'CNY';
  return 'CNY';
}

function remedyWords(remedy: Remedy, input: DraftInput, pack: LanguagePack): string {
  oneOf(remedy.kind, REMEDY_KINDS, 'remedy.kind');
  if (remedy.amount === undefined) return pack.remedy(remedy, undefined);
  if (typeof remedy.amount !== 'number' || !Number.isFinite(remedy.amount) || remedy.amount <= 0) fail('"remedy.amount" must be a positive number');
  const currency = remedy.currency ?? defaultCurrency(input.platform, input.lang);
  const chinese = input.lang === 'zh-Hans' || input.lang === 'zh-Hant';
  // Chinese buyers read "20元" more naturally than "¥20"; other currencies keep their symbol.
  const money = chinese && currency === 'CNY' ? `${remedy.amount}元` : formatMoney(remedy.amount, currency, input.lang);
  return pack.remedy(remedy, money);
}

function contactLines(contacts: readonly ContactAttempt[], input: DraftInput, pack: LanguagePack): ContactLine[] {
  const checked = contacts.map((c, i) => {
    if (!c || typeof c !== 'object') fail(`"contacts[${i}]" must be an object`);
    const at = toDate(c.at, `contacts[${i}].at`);
    return { at, channel: oneOf(c.channel, CONTACT_CHANNELS, `contacts[${i}].channel`), outcome: oneOf(c.outcome, CONTACT_OUTCOMES, `contacts[${i}].outcome`) };
  });
  checked.sort((a, b) => a.at.getTime() - b.at.getTime());
  return checked.map((c) => ({
    when: formatDateTime(c.at, input.lang, input.timeZone),
    channel: pack.channel(c.channel, input.platform),
    outcome: pack.outcome(c.outcome, c.channel),
    reached: c.outcome !== 'no_answer',
  }));
}

function cleanText(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

function buildFacts(input: DraftInput, pack: LanguagePack): DraftFacts {
  const causeIds = orderCauses(input.causes);
  const product = cleanText(input.product);
  const orderId = cleanText(input.orderId);
  return {
    platform: input.platform,
    rating: input.rating,
    tone: input.tone,
    causeIds,
    causes: causeIds.slice(0, 2).map((c) => pack.causes[c]),
    product: product && [...product].length <= MAX_PRODUCT_LENGTH ? product : undefined,
    shop: cleanText(input.shop?.name),
    signature: cleanText(input.shop?.signature),
    serviceHours: cleanText(input.shop?.serviceHours),
    remedy: input.remedy ? remedyWords(input.remedy, input, pack) : undefined,
    offers: DEFAULT_OFFERS[causeIds[0]].map((k) => pack.remedyKind(k)),
    buyer: cleanText(input.buyerNick),
    orderTail: orderId ? orderId.slice(-4) : undefined,
    contacts: contactLines(input.contacts ?? [], input, pack),
    followUp: followUpTime(input.now === undefined ? new Date() : toDate(input.now, 'now'), input.lang, input.timeZone),
    pick: variantPicker(input.seed ?? `${input.platform}|${causeIds.join(',')}|${input.text ?? ''}`),
  };
}

function validate(input: DraftInput): void {
  if (!input || typeof input !== 'object') fail('draft input must be an object');
  oneOf(input.lang, LANGS, 'lang');
  oneOf(input.platform, Object.keys(PLATFORM_RULES) as Platform[], 'platform');
  oneOf(input.tone, TONES, 'tone');
  if (!Array.isArray(input.causes)) fail('"causes" must be an array');
  if (input.contacts !== undefined && !Array.isArray(input.contacts)) fail('"contacts" must be an array');
  checkTimeZone(input.timeZone);
}

/** Which kinds exist for this case; the others are null. */
function builtIn(kind: DraftKind, input: DraftInput, facts: DraftFacts, pack: LanguagePack): string | null {
  switch (kind) {
    case 'revisionRequest':
      // Compensation is for the problem; a revision may only be asked for once it is solved, and never where forbidden.
      return input.problemSolved && input.buyerSatisfied && platformRules(input.platform).revisionRequestAllowed ? pack.revisionRequest(facts) : null;
    case 'firm':
      return input.risk === 'high' ? pack.firm(facts) : null;
    case 'unreachable':
      return facts.contacts.length ? pack.unreachable(facts) : null;
    default:
      return fitted(kind, input, facts, pack);
  }
}

/**
 * Public text must fit the platform's box. Longer drafts are recomposed with less: first without the
 * second cause, then in the concise tone, then without service hours. A draft that still does not fit
 * is returned as it is; the linter's too_long warning tells the seller.
 */
function fitted(kind: Exclude<DraftKind, 'revisionRequest'>, input: DraftInput, facts: DraftFacts, pack: LanguagePack): string {
  const compose = pack[kind];
  let text = compose(facts);
  if (!PUBLIC_KINDS.includes(kind)) return text;
  const limit = platformRules(input.platform).maxLength;
  const shorter: DraftFacts[] = [
    { ...facts, causes: facts.causes.slice(0, 1) },
    { ...facts, causes: facts.causes.slice(0, 1), tone: 'concise' },
    { ...facts, causes: facts.causes.slice(0, 1), tone: 'concise', serviceHours: undefined },
  ];
  for (const fewer of shorter) {
    if ([...text].length <= limit) break;
    text = compose(fewer);
  }
  return text;
}

function placeholderValues(kind: DraftKind, draft: string, facts: DraftFacts, pack: LanguagePack): Record<string, string> {
  const values: Record<string, string> = {
    shop: facts.shop ?? '',
    signature: facts.signature ?? '',
    serviceHours: facts.serviceHours ?? '',
    product: facts.product ?? '',
    remedy: facts.remedy ?? pack.list(facts.offers),
    topic: pack.list(facts.causes.map((c) => c.topic)),
    contactList: facts.contacts.map(pack.contactLine).join('\n'),
    followUp: facts.followUp,
    draft,
  };
  if (!PUBLIC_KINDS.includes(kind)) {
    values.buyer = facts.buyer ?? '';
    values.orderTail = facts.orderTail ?? '';
  }
  return values;
}

export interface DraftsReport {
  drafts: Drafts;
  /** Problems in the seller's overrides; the affected placeholders stay visible in the text. */
  issues: TemplateIssue[];
}

/** Like {@link generateDrafts}, and also reports placeholders in overrides that could not be filled. */
export function generateDraftsReport(input: DraftInput): DraftsReport {
  validate(input);
  const pack = PACKS[input.lang];
  const facts = buildFacts(input, pack);
  const issues: TemplateIssue[] = [];
  const drafts = {} as Drafts;
  for (const kind of DRAFT_KINDS) {
    const own = builtIn(kind, input, facts, pack);
    const causeTemplate = input.overrides?.byCause?.[facts.causeIds[0]]?.[kind];
    const template = causeTemplate ?? input.overrides?.byKind?.[kind];
    if (own === null || !template) {
      drafts[kind] = own as string;
      continue;
    }
    const { text, unknown } = renderTemplate(template, placeholderValues(kind, own, facts, pack));
    for (const name of unknown) {
      issues.push({
        kind,
        ...(causeTemplate ? { cause: facts.causeIds[0] } : {}),
        placeholder: name,
        reason: name in PLACEHOLDERS ? 'not_available' : 'unknown',
      });
    }
    drafts[kind] = text.trim();
  }
  return { drafts, issues };
}

/**
 * All six drafts for one review, in the review's language. Pure apart from the clock: pass `now` for
 * reproducible phone scripts. Throws an Error naming the field for invalid input.
 */
export function generateDrafts(input: DraftInput): Drafts {
  return generateDraftsReport(input).drafts;
}
