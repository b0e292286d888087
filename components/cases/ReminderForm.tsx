import { useState } from 'preact/hooks';
import { followUpAt, suggestContactSlot, HOUR_MS, DAY_MS } from '../../lib/cases/time';
import type { Case } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { formatDateTime, fromLocalInputValue, toLocalInputValue } from './labels';

export interface ReminderFormProps {
  item: Case;
  onSave: (at: number | null) => void | Promise<void>;
  onCancel?: () => void;
  busy?: boolean;
  now?: number;
}

function localZone() {
  return { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' };
}

/**
 * Sets the next follow-up. The first suggestion is the next of the guides' calling windows
 * (12:00–13:00, 18:00–20:00) in the seller's own time zone.
 */
export function ReminderForm({ item, onSave, onCancel, busy, now = Date.now() }: ReminderFormProps) {
  const slot = suggestContactSlot(now, localZone());
  const current = followUpAt(item);
  const [value, setValue] = useState(toLocalInputValue(current ?? slot.start));
  const presets: Array<{ key: string; label: string; at: number }> = [
    { key: 'slot', label: t('reminder_suggested_slot', [formatDateTime(slot.start), formatDateTime(slot.end)]), at: slot.start },
    { key: 'hour', label: t('reminder_in_one_hour'), at: now + HOUR_MS },
    { key: 'tomorrow', label: t('reminder_tomorrow'), at: now + DAY_MS },
  ];
  const chosen = fromLocalInputValue(value);

  return (
    <form
      class="case-form"
      data-form="reminder"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen !== null) void onSave(chosen);
      }}
    >
      <div class="presets">
        {presets.map((p) => (
          <button type="button" class="chip-button" data-preset={p.key} key={p.key} onClick={() => setValue(toLocalInputValue(p.at))}>
            {p.label}
          </button>
        ))}
      </div>
      <label>
        <span>{t('field_follow_up_at')}</span>
        <input type="datetime-local" name="follow-up" value={value} onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <div class="form-buttons">
        <button type="submit" class="primary" data-action="save-reminder" disabled={busy || chosen === null}>{t('action_save')}</button>
        {current !== undefined && (
          <button type="button" data-action="clear-reminder" disabled={busy} onClick={() => void onSave(null)}>
            {t('reminder_clear')}
          </button>
        )}
        {onCancel && <button type="button" onClick={onCancel}>{t('action_cancel')}</button>}
      </div>
    </form>
  );
}
