import type { Case } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { causeLabel, formatDateTime, formatSpan, ratingLabel, riskLabel, stateLabel } from './labels';
import { nearestDeadline } from './urgency';

/** Small pieces every case view shows the same way, so popup and dashboard read alike. */

export function RatingBadge({ item }: { item: Pick<Case, 'rating'> }) {
  return <span class="rating" data-rating={item.rating}>{ratingLabel(item.rating)}</span>;
}

export function StateBadge({ item }: { item: Pick<Case, 'state'> }) {
  return <span class="state" data-state={item.state}>{stateLabel(item.state)}</span>;
}

export function CauseChips({ item, max }: { item: Pick<Case, 'causes'>; max?: number }) {
  const shown = max === undefined ? item.causes : item.causes.slice(0, max);
  const hidden = item.causes.length - shown.length;
  return (
    <span class="chips">
      {shown.map((cause) => (
        <span class="chip" data-cause={cause} key={cause}>{causeLabel(cause)}</span>
      ))}
      {hidden > 0 && <span class="chip more" title={item.causes.slice(shown.length).map(causeLabel).join(', ')}>+{hidden}</span>}
    </span>
  );
}

export function RiskBadge({ item }: { item: Pick<Case, 'risk'> }) {
  if (!item.risk || item.risk.band === 'low') return null;
  return <span class="risk" data-risk={item.risk.band}>{riskLabel(item.risk.band)}</span>;
}

/** "SLA: 3 h 20 min left" / "Follow-up overdue by 2 h": the clock that matters most right now. */
export function DeadlineBadge({ item, now }: { item: Case; now: number }) {
  const deadline = nearestDeadline(item, now);
  if (!deadline) return null;
  const span = formatSpan(deadline.remainingMs);
  const text = deadline.overdue
    ? t(`deadline_${deadline.kind}_overdue`, span)
    : t(`deadline_${deadline.kind}_left`, span);
  const tone = deadline.overdue ? 'overdue' : deadline.soon ? 'soon' : 'calm';
  return (
    <span class="deadline" data-deadline={deadline.kind} data-tone={tone} title={formatDateTime(deadline.at)}>
      {text}
    </span>
  );
}
