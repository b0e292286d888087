import { useState } from 'preact/hooks';
import type { ContactInput } from '../../lib/cases/repository';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, type ContactChannel, type ContactOutcome } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { channelLabel, fromLocalInputValue, outcomeLabel, toLocalInputValue } from './labels';

export interface ContactFormProps {
  onSave: (input: ContactInput) => void | Promise<void>;
  onCancel?: () => void;
  busy?: boolean;
  now?: number;
}

/** Logging an attempt: the guides insist every call and message is written down, answered or not. */
export function ContactForm({ onSave, onCancel, busy, now = Date.now() }: ContactFormProps) {
  // Phone first, as the playbook says; most first attempts go unanswered.
  const [channel, setChannel] = useState<ContactChannel>('phone');
  const [outcome, setOutcome] = useState<ContactOutcome>('no_answer');
  const [note, setNote] = useState('');
  const [at, setAt] = useState(toLocalInputValue(now));

  return (
    <form
      class="case-form"
      data-form="contact"
      onSubmit={(event) => {
        event.preventDefault();
        const input: ContactInput = { channel, outcome, at: fromLocalInputValue(at) ?? now };
        if (note.trim()) input.note = note.trim();
        void onSave(input);
      }}
    >
      <label>
        <span>{t('field_channel')}</span>
        <select name="channel" value={channel} onChange={(e) => setChannel((e.currentTarget as HTMLSelectElement).value as ContactChannel)}>
          {CONTACT_CHANNELS.map((c) => <option value={c} key={c}>{channelLabel(c)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('field_outcome')}</span>
        <select name="outcome" value={outcome} onChange={(e) => setOutcome((e.currentTarget as HTMLSelectElement).value as ContactOutcome)}>
          {CONTACT_OUTCOMES.map((o) => <option value={o} key={o}>{outcomeLabel(o)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('field_when')}</span>
        <input type="datetime-local" name="at" value={at} onInput={(e) => setAt((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label class="wide">
        <span>{t('field_note')}</span>
        <input type="text" name="note" value={note} maxLength={500} onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <div class="form-buttons">
        <button type="submit" class="primary" data-action="save-contact" disabled={busy}>{t('action_save')}</button>
        {onCancel && <button type="button" onClick={onCancel}>{t('action_cancel')}</button>}
      </div>
    </form>
  );
}
