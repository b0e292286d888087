import { browser } from 'wxt/browser';
import { CAUSE_IDS, type CauseId } from './analysis/types';
import { DRAFT_KINDS, REMEDY_KINDS, type DraftKind, type Remedy, type TemplateOverrides } from './drafts/types';

/**
 * Draft preferences beyond lib/settings.ts: the remedy a seller usually offers per cause and their
 * own templates. Kept under a separate storage key so each module read-modify-writes only its own.
 */
export interface DraftSettings {
  /** Used when the case records no remedy of its own. */
  remedyByCause: Partial<Record<CauseId, Remedy>>;
  overrides: TemplateOverrides;
}

export const DEFAULT_DRAFT_SETTINGS: DraftSettings = { remedyByCause: {}, overrides: {} };

export const DRAFT_SETTINGS_KEY = 'draftSettings';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function cleanRemedy(value: unknown): Remedy | undefined {
  if (!isRecord(value) || !REMEDY_KINDS.includes(value.kind as Remedy['kind'])) return undefined;
  const remedy: Remedy = { kind: value.kind as Remedy['kind'] };
  if (typeof value.amount === 'number' && Number.isFinite(value.amount) && value.amount > 0) remedy.amount = value.amount;
  if (typeof value.currency === 'string' && /^[A-Z]{3}$/.test(value.currency)) remedy.currency = value.currency;
  return remedy;
}

function cleanKindTemplates(value: unknown): Partial<Record<DraftKind, string>> {
  const out: Partial<Record<DraftKind, string>> = {};
  if (!isRecord(value)) return out;
  for (const kind of DRAFT_KINDS) if (typeof value[kind] === 'string' && (value[kind] as string).trim()) out[kind] = value[kind] as string;
  return out;
}

/**
 * Storage is shared with older and newer versions of Mend: keep only what this version understands,
 * so a malformed entry never reaches the draft generator.
 */
export function cleanDraftSettings(value: unknown): DraftSettings {
  if (!isRecord(value)) return { remedyByCause: {}, overrides: {} };
  const remedyByCause: DraftSettings['remedyByCause'] = {};
  const byCause: NonNullable<TemplateOverrides['byCause']> = {};
  const remedies = isRecord(value.remedyByCause) ? value.remedyByCause : {};
  const overrides = isRecord(value.overrides) ? value.overrides : {};
  const causeTemplates = isRecord(overrides.byCause) ? overrides.byCause : {};
  for (const cause of CAUSE_IDS) {
    const remedy = cleanRemedy(remedies[cause]);
    if (remedy) remedyByCause[cause] = remedy;
    const templates = cleanKindTemplates(causeTemplates[cause]);
    if (Object.keys(templates).length > 0) byCause[cause] = templates;
  }
  const byKind = cleanKindTemplates(overrides.byKind);
  const cleaned: TemplateOverrides = {};
  if (Object.keys(byKind).length > 0) cleaned.byKind = byKind;
  if (Object.keys(byCause).length > 0) cleaned.byCause = byCause;
  return { remedyByCause, overrides: cleaned };
}

export async function loadDraftSettings(): Promise<DraftSettings> {
  return cleanDraftSettings((await browser.storage.local.get(DRAFT_SETTINGS_KEY))[DRAFT_SETTINGS_KEY]);
}

export async function saveDraftSettings(next: DraftSettings): Promise<DraftSettings> {
  const cleaned = cleanDraftSettings(next);
  await browser.storage.local.set({ [DRAFT_SETTINGS_KEY]: cleaned });
  return cleaned;
}

export function onDraftSettingsChanged(callback: (settings: DraftSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && DRAFT_SETTINGS_KEY in changes) callback(cleanDraftSettings(changes[DRAFT_SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
