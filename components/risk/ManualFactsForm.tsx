import { useEffect, useState } from 'preact/hooks';
import type { ManualFacts } from '../../lib/cases/types';
import { t } from '../../lib/i18n';

type NumberField = 'secondsToPay' | 'price' | 'daysToReview';
const NUMBER_FIELDS: readonly { field: NumberField; labelKey: string }[] = [
  { field: 'secondsToPay', labelKey: 'risk_facts_seconds_to_pay' },
  { field: 'price', labelKey: 'risk_facts_price' },
  { field: 'daysToReview', labelKey: 'risk_facts_days_to_review' },
];

type ChatChoice = 'unknown' | 'yes' | 'no';
type FormValues = { chat: ChatChoice } & Record<NumberField, string>;

function valuesOf(facts: ManualFacts): FormValues {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    chat: facts.chatBeforeOrder === undefined ? 'unknown' : facts.chatBeforeOrder ? 'yes' : 'no',
    secondsToPay: text(facts.secondsToPay),
    price: text(facts.price),
    daysToReview: text(facts.daysToReview),
  };
}

/** Empty is unknown (undefined); a typed value must be a number ≥ 0 ("9,9" as written in German too). */
function parseAmount(raw: string): number | undefined | null {
  const trimmed = raw.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

export type ParsedFacts = { ok: true; facts: ManualFacts } | { ok: false; field: NumberField };

/** Every field is written, unknown ones as undefined, so clearing a field forgets the old value. */
export function factsFromValues(values: FormValues): ParsedFacts {
  const facts: ManualFacts = { chatBeforeOrder: values.chat === 'unknown' ? undefined : values.chat === 'yes' };
  for (const { field } of NUMBER_FIELDS) {
    const value = parseAmount(values[field]);
    if (value === null) return { ok: false, field };
    facts[field] = value;
  }
  return { ok: true, facts };
}

export interface ManualFactsFormProps {
  caseId: string;
  facts: ManualFacts;
  busy: boolean;
  onSave: (facts: ManualFacts) => void;
}

/** The order facts the seller knows from the back-office and ticks by hand. */
export function ManualFactsForm({ caseId, facts, busy, onSave }: ManualFactsFormProps) {
  const [values, setValues] = useState<FormValues>(() => valuesOf(facts));
  const [invalid, setInvalid] = useState<NumberField | null>(null);
  // Another case, or the same case changed elsewhere: show what is stored.
  useEffect(() => setValues(valuesOf(facts)), [caseId, JSON.stringify(facts)]);

  const set = (patch: Partial<FormValues>) => setValues((old) => ({ ...old, ...patch }));
  const submit = (event: Event) => {
    event.preventDefault();
    const parsed = factsFromValues(values);
    setInvalid(parsed.ok ? null : parsed.field);
    if (parsed.ok) onSave(parsed.facts);
  };

  return (
    <form class="risk-facts" data-risk-facts onSubmit={submit}>
      <p class="muted">{t('risk_facts_hint')}</p>
      <label>
        {t('risk_facts_chat')}{' '}
        <select name="chatBeforeOrder" value={values.chat} onChange={(e) => set({ chat: (e.currentTarget as HTMLSelectElement).value as ChatChoice })}>
          <option value="unknown">{t('risk_facts_unknown')}</option>
          <option value="yes">{t('risk_facts_yes')}</option>
          <option value="no">{t('risk_facts_no')}</option>
        </select>
      </label>
      {NUMBER_FIELDS.map(({ field, labelKey }) => (
        <label key={field}>
          {t(labelKey)}{' '}
          <input
            type="text"
            inputMode="decimal"
            name={field}
            value={values[field]}
            aria-invalid={invalid === field}
            onInput={(e) => set({ [field]: (e.currentTarget as HTMLInputElement).value } as Partial<FormValues>)}
          />
        </label>
      ))}
      {invalid && (
        <p class="risk-error" role="alert" data-invalid={invalid}>
          {t('risk_facts_invalid', t(NUMBER_FIELDS.find((f) => f.field === invalid)!.labelKey))}
        </p>
      )}
      <button type="submit" class="primary" data-action="save-facts" disabled={busy}>
        {t('risk_facts_save')}
      </button>
    </form>
  );
}
