import { CAUSE_IDS, type CauseId } from '../../lib/analysis/types';
import type { DraftSettings } from '../../lib/draft-settings';
import { DRAFT_KINDS, REMEDY_KINDS, type DraftKind, type Remedy, type RemedyKind, type TemplateOverrides } from '../../lib/drafts/types';
import type { Settings } from '../../lib/settings';
import { checkLength, parseAmount, templateErrors, TEXT_LIMITS, type FieldError } from './validate';

/** A remedy as typed: the amount stays text until saving, so a half-typed "12." is not lost. */
export interface RemedyRow {
  kind: RemedyKind | '';
  amount: string;
  currency: string;
}

export interface OptionsForm {
  settings: Settings;
  remedies: Record<CauseId, RemedyRow>;
  overrides: TemplateOverrides;
}

export type FormErrors = Record<string, FieldError[]>;

/** Remedies where an amount means something. */
export const MONEY_REMEDIES: readonly RemedyKind[] = ['refund', 'partial_refund', 'coupon'];
export const CURRENCIES = ['CNY', 'EUR', 'USD', 'GBP'] as const;

export function toForm(settings: Settings, drafts: DraftSettings): OptionsForm {
  const remedies = {} as Record<CauseId, RemedyRow>;
  for (const cause of CAUSE_IDS) {
    const remedy = drafts.remedyByCause[cause];
    remedies[cause] = { kind: remedy?.kind ?? '', amount: remedy?.amount === undefined ? '' : String(remedy.amount), currency: remedy?.currency ?? 'CNY' };
  }
  return { settings, remedies, overrides: drafts.overrides };
}

/** The template at one place of the overrides; `all` means every cause (byKind). */
export type TemplateScope = 'all' | CauseId;

export function templateAt(overrides: TemplateOverrides, scope: TemplateScope, kind: DraftKind): string {
  return (scope === 'all' ? overrides.byKind?.[kind] : overrides.byCause?.[scope]?.[kind]) ?? '';
}

/** A copy of `overrides` with one template set; an empty template removes the override. */
export function withTemplate(overrides: TemplateOverrides, scope: TemplateScope, kind: DraftKind, template: string): TemplateOverrides {
  const set = <T extends Partial<Record<DraftKind, string>>>(record: T | undefined): Partial<Record<DraftKind, string>> => {
    const next = { ...record };
    if (template.trim()) next[kind] = template;
    else delete next[kind];
    return next;
  };
  if (scope === 'all') return { ...overrides, byKind: set(overrides.byKind) };
  return { ...overrides, byCause: { ...overrides.byCause, [scope]: set(overrides.byCause?.[scope]) } };
}

/** Every override that is set, for the summary list and for validation. */
export function listTemplates(overrides: TemplateOverrides): { scope: TemplateScope; kind: DraftKind; template: string }[] {
  const out: { scope: TemplateScope; kind: DraftKind; template: string }[] = [];
  for (const kind of DRAFT_KINDS) {
    const template = overrides.byKind?.[kind];
    if (template) out.push({ scope: 'all', kind, template });
  }
  for (const cause of CAUSE_IDS) {
    for (const kind of DRAFT_KINDS) {
      const template = overrides.byCause?.[cause]?.[kind];
      if (template) out.push({ scope: cause, kind, template });
    }
  }
  return out;
}

export function remedyFromRow(row: RemedyRow): { remedy?: Remedy; error?: FieldError } {
  if (!row.kind) return {};
  if (!MONEY_REMEDIES.includes(row.kind)) return { remedy: { kind: row.kind } };
  const { amount, error } = parseAmount(row.amount);
  if (error) return { error };
  return { remedy: amount === undefined ? { kind: row.kind } : { kind: row.kind, amount, currency: row.currency } };
}

/** Validates the whole form; on success gives what to store. */
export function readForm(form: OptionsForm): { errors: FormErrors; settings?: Partial<Settings>; drafts?: DraftSettings } {
  const errors: FormErrors = {};
  const add = (field: string, error: FieldError | null) => {
    if (error) (errors[field] ??= []).push(error);
  };
  const { shopName, signature, serviceHours } = form.settings;
  add('shopName', checkLength(shopName, TEXT_LIMITS.shopName));
  add('signature', checkLength(signature, TEXT_LIMITS.signature));
  add('serviceHours', checkLength(serviceHours, TEXT_LIMITS.serviceHours));

  const remedyByCause: DraftSettings['remedyByCause'] = {};
  for (const cause of CAUSE_IDS) {
    const { remedy, error } = remedyFromRow(form.remedies[cause]);
    add(`remedy.${cause}`, error ?? null);
    if (remedy) remedyByCause[cause] = remedy;
  }
  for (const { scope, kind, template } of listTemplates(form.overrides)) {
    for (const error of templateErrors(template, kind)) add(`template.${scope}.${kind}`, error);
  }
  if (Object.keys(errors).length > 0) return { errors };
  // Sites are saved the moment the seller changes them (SitesSection); a form save must not overwrite them.
  const { extraHosts: _hosts, disabledPlatforms: _disabled, ...settings } = form.settings;
  return {
    errors,
    settings: { ...settings, shopName: shopName.trim(), signature: signature.trim(), serviceHours: serviceHours.trim() },
    drafts: { remedyByCause, overrides: form.overrides },
  };
}
