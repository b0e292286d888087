import { useState } from 'preact/hooks';
import { CAUSE_IDS, type CauseId } from '../../lib/analysis/types';
import type { RemedyInput } from '../../lib/cases/repository';
import { REMEDY_KINDS, type CaseOutcome, type RemedyKind } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { causeLabel, remedyLabel } from './labels';

type Submit<T> = { onSave: (value: T) => void | Promise<void>; busy?: boolean };

const valueOf = (e: Event) => (e.currentTarget as HTMLInputElement).value;

export function RemedyForm({ onSave, busy, defaultCurrency = 'CNY' }: Submit<RemedyInput> & { defaultCurrency?: string }) {
  const [kind, setKind] = useState<RemedyKind>('partial_refund');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(defaultCurrency);
  const [note, setNote] = useState('');
  const parsed = amount.trim() === '' ? undefined : Number(amount);
  const invalid = parsed !== undefined && !(Number.isFinite(parsed) && parsed >= 0);
  return (
    <form
      class="case-form"
      data-form="remedy"
      onSubmit={(e) => {
        e.preventDefault();
        if (invalid) return;
        const input: RemedyInput = { kind };
        if (parsed !== undefined) {
          input.amount = parsed;
          input.currency = currency.trim() || undefined;
        }
        if (note.trim()) input.note = note.trim();
        void onSave(input);
        setAmount('');
        setNote('');
      }}
    >
      <label>
        <span>{t('field_remedy')}</span>
        <select name="kind" value={kind} onChange={(e) => setKind(valueOf(e) as RemedyKind)}>
          {REMEDY_KINDS.map((k) => <option key={k} value={k}>{remedyLabel(k)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('field_amount')}</span>
        <input type="number" name="amount" min="0" step="any" value={amount} onInput={(e) => setAmount(valueOf(e))} aria-invalid={invalid} />
      </label>
      <label>
        <span>{t('field_currency')}</span>
        <input type="text" name="currency" size={4} maxLength={3} value={currency} onInput={(e) => setCurrency(valueOf(e).toUpperCase())} />
      </label>
      <label class="wide">
        <span>{t('field_note')}</span>
        <input type="text" name="note" value={note} maxLength={500} onInput={(e) => setNote(valueOf(e))} />
      </label>
      <div class="form-buttons">
        <button type="submit" class="primary" data-action="save-remedy" disabled={busy || invalid}>{t('action_add_remedy')}</button>
      </div>
    </form>
  );
}

export function NoteForm({ onSave, busy }: Submit<string>) {
  const [text, setText] = useState('');
  return (
    <form
      class="case-form"
      data-form="note"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        void onSave(text.trim());
        setText('');
      }}
    >
      <label class="wide">
        <span>{t('field_note')}</span>
        <textarea name="note" rows={2} value={text} maxLength={2000} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <div class="form-buttons">
        <button type="submit" class="primary" data-action="save-note" disabled={busy || !text.trim()}>{t('action_add_note')}</button>
      </div>
    </form>
  );
}

export interface Closing {
  outcome: CaseOutcome;
  lesson?: { rootCause: CauseId; improvement: string };
}

/** Closing records the outcome and, per the playbook, what the shop will change. */
export function CloseForm({ onSave, busy, suggestedCause }: Submit<Closing> & { suggestedCause?: CauseId }) {
  const [outcome, setOutcome] = useState<CaseOutcome>('revised');
  const [rootCause, setRootCause] = useState<CauseId>(suggestedCause ?? 'other');
  const [improvement, setImprovement] = useState('');
  return (
    <form
      class="case-form"
      data-form="close"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave({ outcome, lesson: improvement.trim() ? { rootCause, improvement: improvement.trim() } : undefined });
      }}
    >
      <label>
        <span>{t('field_outcome')}</span>
        <select name="outcome" value={outcome} onChange={(e) => setOutcome(valueOf(e) as CaseOutcome)}>
          <option value="revised">{t('close_outcome_revised')}</option>
          <option value="unrevised">{t('close_outcome_unrevised')}</option>
        </select>
      </label>
      <label>
        <span>{t('field_root_cause')}</span>
        <select name="root-cause" value={rootCause} onChange={(e) => setRootCause(valueOf(e) as CauseId)}>
          {CAUSE_IDS.map((c) => <option key={c} value={c}>{causeLabel(c)}</option>)}
        </select>
      </label>
      <label class="wide">
        <span>{t('field_improvement')}</span>
        <input type="text" name="improvement" value={improvement} maxLength={500} placeholder={t('field_improvement_hint')} onInput={(e) => setImprovement(valueOf(e))} />
      </label>
      <div class="form-buttons">
        <button type="submit" class="primary" data-action="close-case" disabled={busy}>{t('action_close_case')}</button>
      </div>
    </form>
  );
}
