import type { ComponentChildren } from 'preact';
import { reviewStart } from '../../lib/cases/time';
import type { Case, CaseFlags } from '../../lib/cases/types';
import { t } from '../../lib/i18n';
import { CauseChips, DeadlineBadge, RatingBadge, RiskBadge, StateBadge } from './CaseBits';
import { CloseForm, NoteForm, RemedyForm } from './CaseForms';
import { CaseTimeline } from './CaseTimeline';
import { ContactForm } from './ContactForm';
import { formatDateTime, platformLabel } from './labels';
import { ReminderForm } from './ReminderForm';
import { StateSelect } from './StateSelect';
import type { CaseWrite } from './useCaseWrite';

function Part({ title, name, open, children }: { title: string; name: string; open?: boolean; children: ComponentChildren }) {
  return (
    <details class="detail-part" data-part={name} open={open}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

const FLAG_KEYS: Array<{ flag: keyof CaseFlags; label: string }> = [
  { flag: 'publicReplyPosted', label: 'flag_public_reply' },
  { flag: 'appealFiled', label: 'flag_appeal' },
];

/** One case: what the buyer wrote, where it stands, and every form the workflow needs. */
export function CaseDetail({ item, now, write }: { item: Case; now: number; write: CaseWrite }) {
  const id = item.id;
  const canClose = item.state !== 'reviewed';
  const euro = item.platform === 'otto' || item.platform === 'amazon';
  return (
    <article class="case-detail" data-detail-id={id}>
      <header class="detail-head">
        <div class="line">
          <RatingBadge item={item} />
          <strong class="nick">{item.buyerNick || t('popup_buyer_unknown')}</strong>
          <span class="muted">{platformLabel(item.platform)}</span>
          <StateBadge item={item} />
          <RiskBadge item={item} />
          <span class="spacer" />
          <DeadlineBadge item={item} now={now} />
        </div>
        <div class="line muted">
          {item.product?.title && <span>{item.product.title}{item.product.sku ? ` · ${item.product.sku}` : ''}</span>}
          {item.orderId && <span>{t('detail_order', item.orderId)}</span>}
          <span>{formatDateTime(reviewStart(item))}</span>
          <a href={item.pageUrl} target="_blank" rel="noreferrer" data-action="open-review">{t('popup_open_review')}</a>
        </div>
        <CauseChips item={item} />
      </header>
      <blockquote class="review-text">{item.text}</blockquote>
      {item.followUp && <blockquote class="review-text follow-up">{t('detail_follow_up', item.followUp)}</blockquote>}

      <div class="detail-controls">
        <StateSelect item={item} onChange={(to) => void write.run((r) => r.setState(id, to))} />
        {FLAG_KEYS.map(({ flag, label }) => (
          <label class="check" key={flag}>
            <input
              type="checkbox"
              name={flag}
              data-flag={flag}
              checked={item.flags[flag]}
              disabled={write.busy}
              onChange={(e) => void write.run((r) => r.setFlags(id, { [flag]: (e.currentTarget as HTMLInputElement).checked }))}
            />
            {t(label)}
          </label>
        ))}
      </div>

      <Part title={t('action_log_contact')} name="contact" open>
        <ContactForm key={`contact-${id}`} busy={write.busy} onSave={(input) => void write.run((r) => r.logContact(id, input))} />
      </Part>
      <Part title={t('action_set_reminder')} name="reminder">
        <ReminderForm key={`reminder-${id}`} item={item} busy={write.busy} onSave={(at) => void write.run((r) => r.setFollowUp(id, at))} />
      </Part>
      <Part title={t('action_add_remedy')} name="remedy">
        <RemedyForm key={`remedy-${id}`} busy={write.busy} defaultCurrency={euro ? 'EUR' : 'CNY'} onSave={(input) => void write.run((r) => r.addRemedy(id, input))} />
      </Part>
      <Part title={t('action_add_note')} name="note">
        <NoteForm key={`note-${id}`} busy={write.busy} onSave={(text) => void write.run((r) => r.addNote(id, text))} />
      </Part>
      {canClose && (
        <Part title={t('action_close_case')} name="close">
          <CloseForm
            key={`close-${id}`}
            busy={write.busy}
            suggestedCause={item.causes[0]}
            onSave={(closing) => void write.run((r) => r.closeCase(id, closing))}
          />
        </Part>
      )}
      {item.lesson && (
        <p class="lesson" data-lesson={item.lesson.rootCause}>{t('detail_lesson', item.lesson.improvement)}</p>
      )}
      <h3>{t('detail_timeline')}</h3>
      <CaseTimeline item={item} />
    </article>
  );
}
