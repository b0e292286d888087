import { CASE_TRANSITIONS, type Case, type CaseState } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { stateLabel } from './labels';

/**
 * Offers only the moves CASE_TRANSITIONS allows from the current state. `reviewed` needs a
 * root cause and improvement, so it is reached through the closing form, never from here.
 */
export function StateSelect({ item, onChange, compact }: { item: Case; onChange: (to: CaseState) => void; compact?: boolean }) {
  const targets = CASE_TRANSITIONS[item.state].filter((to) => to !== 'reviewed');
  // Nothing to choose (a closed case): the state badge already says where it stands.
  if (targets.length === 0) return null;
  return (
    <select
      class={compact ? 'state-select compact' : 'state-select'}
      data-action="change-state"
      data-state={item.state}
      aria-label={t('action_change_state')}
      onChange={(event) => {
        const to = (event.currentTarget as HTMLSelectElement).value as CaseState;
        (event.currentTarget as HTMLSelectElement).value = '';
        if (to) onChange(to);
      }}
    >
      {/* Selected by attribute: a value set before the options exist would leave the box blank. */}
      <option value="" disabled selected>{stateLabel(item.state)}</option>
      {targets.map((to) => (
        <option value={to} key={to}>{t('action_move_to', stateLabel(to))}</option>
      ))}
    </select>
  );
}
