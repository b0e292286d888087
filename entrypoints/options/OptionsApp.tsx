import { useEffect, useState } from 'preact/hooks';
import type { CauseId } from '../../lib/analysis/types';
import { loadDraftSettings, saveDraftSettings } from '../../lib/draft-settings';
import { t } from '../../lib/i18n';
import { loadSettings, saveSettings, type Settings } from '../../lib/settings';
import { DraftDefaultsSection } from './DraftDefaultsSection';
import { readForm, toForm, type FormErrors, type OptionsForm, type RemedyRow } from './form';
import { ShopSection } from './ShopSection';
import { SitesSection } from './SitesSection';
import { TaughtRulesSection } from './TaughtRulesSection';
import { TemplateSection } from './TemplateSection';

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'invalid'; count: number } | { kind: 'failed'; message: string };

export function OptionsApp() {
  const [form, setForm] = useState<OptionsForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    Promise.all([loadSettings(), loadDraftSettings()]).then(
      ([settings, drafts]) => setForm(toForm(settings, drafts)),
      (error: Error) => setLoadError(error.message),
    );
  }, []);

  if (loadError) return <main><div class="errors" role="alert">{t('options_load_failed', loadError)}</div></main>;
  if (!form) return <main><div class="hint">{t('popup_loading')}</div></main>;

  const edit = (next: OptionsForm) => {
    setForm(next);
    if (status.kind === 'saved') setStatus({ kind: 'idle' });
  };
  const onSettings = (patch: Partial<Settings>) => edit({ ...form, settings: { ...form.settings, ...patch } });
  const onRemedy = (cause: CauseId, row: RemedyRow) => edit({ ...form, remedies: { ...form.remedies, [cause]: row } });

  const save = async (event: Event) => {
    event.preventDefault();
    const result = readForm(form);
    setErrors(result.errors);
    if (!result.settings || !result.drafts) {
      setStatus({ kind: 'invalid', count: Object.values(result.errors).flat().length });
      return;
    }
    try {
      const [settings, drafts] = await Promise.all([saveSettings(result.settings), saveDraftSettings(result.drafts)]);
      setForm(toForm(settings, drafts));
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'failed', message: (error as Error).message });
    }
  };

  return (
    <main>
      <h1>{t('options_title')}</h1>
      <form onSubmit={save} data-form="options" novalidate>
        <ShopSection settings={form.settings} errors={errors} onChange={onSettings} />
        <DraftDefaultsSection settings={form.settings} remedies={form.remedies} errors={errors} onSettings={onSettings} onRemedy={onRemedy} />
        <TemplateSection form={form} errors={errors} onOverrides={(overrides) => edit({ ...form, overrides })} />
        <div class="savebar">
          <button type="submit" class="primary" data-action="save">{t('options_save')}</button>
          {status.kind === 'saved' && <span class="status" role="status" data-status="saved">{t('options_saved')}</span>}
          {status.kind === 'invalid' && <span class="errors" role="alert" data-status="invalid">{t('options_invalid', String(status.count))}</span>}
          {status.kind === 'failed' && <span class="errors" role="alert" data-status="failed">{t('options_save_failed', status.message)}</span>}
        </div>
      </form>
      <SitesSection settings={form.settings} onSettings={(patch) => setForm((current) => current && { ...current, settings: { ...current.settings, ...patch } })} />
      <TaughtRulesSection />
    </main>
  );
}
