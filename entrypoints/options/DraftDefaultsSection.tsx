import { CAUSE_IDS, type CauseId, type Lang } from '../../lib/analysis/types';
import { REMEDY_KINDS, TONES } from '../../lib/drafts/types';
import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import { langLabel, remedyLabel, toneLabel } from '../../components/drafts/labels';
import { ErrorList, Field } from './Field';
import { CURRENCIES, MONEY_REMEDIES, type FormErrors, type RemedyRow } from './form';

export const DRAFT_LANGUAGES: readonly (Lang | 'auto')[] = ['auto', 'zh-Hans', 'zh-Hant', 'en', 'de'];

interface Props {
  settings: Settings;
  remedies: Record<CauseId, RemedyRow>;
  errors: FormErrors;
  onSettings(patch: Partial<Settings>): void;
  onRemedy(cause: CauseId, row: RemedyRow): void;
}

function RemedyEditor({ cause, row, errors, onChange }: { cause: CauseId; row: RemedyRow; errors: FormErrors; onChange(row: RemedyRow): void }) {
  const money = row.kind !== '' && MONEY_REMEDIES.includes(row.kind);
  const field = `remedy.${cause}`;
  return (
    <tr data-remedy={cause} class={errors[field] ? 'invalid' : undefined}>
      <th scope="row">{t(`cause_${cause}`)}</th>
      <td>
        <select
          aria-label={t('options_remedy_kind', t(`cause_${cause}`))}
          name={`${field}.kind`}
          value={row.kind}
          onChange={(event) => onChange({ ...row, kind: event.currentTarget.value as RemedyRow['kind'] })}
        >
          <option value="">{t('options_remedy_suggested')}</option>
          {REMEDY_KINDS.map((kind) => (
            <option value={kind} key={kind}>{remedyLabel(kind)}</option>
          ))}
        </select>
      </td>
      <td>
        {money && (
          <span class="amount">
            <input
              name={`${field}.amount`}
              inputMode="decimal"
              aria-label={t('options_remedy_amount')}
              placeholder={t('options_remedy_amount')}
              value={row.amount}
              onInput={(event) => onChange({ ...row, amount: event.currentTarget.value })}
            />
            <select name={`${field}.currency`} aria-label={t('options_remedy_currency')} value={row.currency} onChange={(event) => onChange({ ...row, currency: event.currentTarget.value })}>
              {CURRENCIES.map((code) => (
                <option value={code} key={code}>{code}</option>
              ))}
            </select>
          </span>
        )}
        <ErrorList field={field} errors={errors[field]} />
      </td>
    </tr>
  );
}

export function DraftDefaultsSection({ settings, remedies, errors, onSettings, onRemedy }: Props) {
  return (
    <section data-section="drafts">
      <h2>{t('options_section_drafts')}</h2>
      <div class="row">
        <Field id="defaultTone" label={t('options_defaultTone')}>
          <select id="defaultTone" value={settings.defaultTone} onChange={(event) => onSettings({ defaultTone: event.currentTarget.value as Settings['defaultTone'] })}>
            {TONES.map((tone) => (
              <option value={tone} key={tone}>{toneLabel(tone)}</option>
            ))}
          </select>
        </Field>
        <Field id="draftLanguage" label={t('options_draftLanguage')} hint={t('options_draftLanguage_hint')}>
          <select id="draftLanguage" value={settings.draftLanguage} onChange={(event) => onSettings({ draftLanguage: event.currentTarget.value as Settings['draftLanguage'] })}>
            {DRAFT_LANGUAGES.map((lang) => (
              <option value={lang} key={lang}>{langLabel(lang)}</option>
            ))}
          </select>
        </Field>
      </div>
      <label class="toggle">
        <input type="checkbox" name="autoOpenCases" checked={settings.autoOpenCases} onChange={(event) => onSettings({ autoOpenCases: event.currentTarget.checked })} />
        {t('options_autoOpenCases')}
      </label>
      <h3>{t('options_remedies')}</h3>
      <p class="hint">{t('options_remedies_hint')}</p>
      <table class="remedies">
        <tbody>
          {CAUSE_IDS.map((cause) => (
            <RemedyEditor key={cause} cause={cause} row={remedies[cause]} errors={errors} onChange={(row) => onRemedy(cause, row)} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
