import { formatAge } from '../format';
import { reviewStart } from '../../lib/cases/time';
import type { Case } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { CauseChips, DeadlineBadge, RatingBadge, RiskBadge } from './CaseBits';
import { StateSelect } from './StateSelect';

export type RowAction = 'log-contact' | 'set-reminder';

export interface CaseRowProps {
  item: Case;
  now: number;
  selected?: boolean;
  onAction?: (action: RowAction, item: Case) => void;
  onChangeState?: (item: Case, to: Case['state']) => void;
  onSelect?: (item: Case) => void;
}

/**
 * One case in a fixed-height row (the list is virtualized): who, what, how urgent, and the
 * one-click moves of the playbook.
 */
export function CaseRow({ item, now, selected, onAction, onChangeState, onSelect }: CaseRowProps) {
  const overdue = item.isOpen === 1 && item.dueAt < now;
  return (
    <article
      class={`case-row${selected ? ' selected' : ''}`}
      data-case-id={item.id}
      data-overdue={overdue ? 'true' : undefined}
      onClick={onSelect ? () => onSelect(item) : undefined}
      tabIndex={onSelect ? 0 : undefined}
      onKeyDown={
        onSelect
          ? (event) => {
              if (event.key === 'Enter' && event.target === event.currentTarget) onSelect(item);
            }
          : undefined
      }
    >
      <div class="line">
        <RatingBadge item={item} />
        <span class="nick" title={item.buyerNick}>{item.buyerNick || t('popup_buyer_unknown')}</span>
        <RiskBadge item={item} />
        <span class="spacer" />
        <DeadlineBadge item={item} now={now} />
      </div>
      <div class="line sub">
        <span class="product" title={item.product?.title}>{item.product?.title || item.text}</span>
        <span class="age">{formatAge(reviewStart(item), now)}</span>
      </div>
      <div class="line">
        <CauseChips item={item} max={3} />
        <span class="spacer" />
        {onAction && (
          <span class="row-actions" onClick={(event) => event.stopPropagation()}>
            <button type="button" class="link-button" data-action="log-contact" onClick={() => onAction('log-contact', item)}>
              {t('action_log_contact')}
            </button>
            <button type="button" class="link-button" data-action="set-reminder" onClick={() => onAction('set-reminder', item)}>
              {t('action_set_reminder')}
            </button>
            {onChangeState && <StateSelect item={item} onChange={(to) => onChangeState(item, to)} compact />}
            <a class="link-button" data-action="open-review" href={item.pageUrl} target="_blank" rel="noreferrer" title={t('popup_open_review')}>
              {t('action_open_review_short')}
            </a>
          </span>
        )}
      </div>
    </article>
  );
}
