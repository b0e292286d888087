import type { Case } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { causeLabel, channelLabel, formatDateTime, outcomeLabel, remedyLabel, stateLabel } from './labels';

type Entry = { key: string; at: number; kind: 'state' | 'contact' | 'remedy' | 'note' | 'lesson'; text: string; note?: string };

function amountText(amount: number | undefined, currency: string | undefined): string {
  if (amount === undefined) return '';
  return currency ? ` ${amount} ${currency}` : ` ${amount}`;
}

/** Everything that happened to a case, newest first: what the public explanation will need. */
export function timelineEntries(c: Case): Entry[] {
  const entries: Entry[] = [
    ...c.history.map((h, i) => ({
      key: `s${i}`,
      at: h.at,
      kind: 'state' as const,
      text: h.from ? t('timeline_state', [stateLabel(h.from), stateLabel(h.to)]) : t('timeline_opened'),
    })),
    ...c.contacts.map((contact) => ({
      key: contact.id,
      at: contact.at,
      kind: 'contact' as const,
      text: t('timeline_contact', [channelLabel(contact.channel), outcomeLabel(contact.outcome)]),
      note: contact.note,
    })),
    ...c.remedies.map((r) => ({
      key: r.id,
      at: r.at,
      kind: 'remedy' as const,
      text: t('timeline_remedy', remedyLabel(r.kind) + amountText(r.amount, r.currency)),
      note: r.note,
    })),
    ...c.notes.map((n) => ({ key: n.id, at: n.at, kind: 'note' as const, text: t('timeline_note'), note: n.text })),
  ];
  if (c.lesson) {
    entries.push({
      key: 'lesson',
      at: c.lesson.at,
      kind: 'lesson',
      text: t('timeline_lesson', causeLabel(c.lesson.rootCause)),
      note: c.lesson.improvement,
    });
  }
  return entries.sort((a, b) => b.at - a.at);
}

export function CaseTimeline({ item }: { item: Case }) {
  const entries = timelineEntries(item);
  return (
    <ol class="timeline" aria-label={t('detail_timeline')}>
      {entries.map((e) => (
        <li key={e.key} data-entry={e.kind}>
          <time>{formatDateTime(e.at)}</time>
          <span class="timeline-text">{e.text}</span>
          {e.note && <span class="timeline-note">{e.note}</span>}
        </li>
      ))}
    </ol>
  );
}
