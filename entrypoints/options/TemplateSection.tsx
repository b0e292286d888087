import { useMemo, useRef, useState } from 'preact/hooks';
import { CAUSE_IDS, type Lang } from '../../lib/analysis/types';
import { PLATFORM_RULES } from '../../lib/drafts/platform-rules';
import { PLACEHOLDERS, type PlaceholderName } from '../../lib/drafts/template';
import { DRAFT_KINDS, PUBLIC_KINDS, TONES, type DraftKind, type Finding, type TemplateIssue, type Tone } from '../../lib/drafts/types';
import { t, uiLanguage } from '../../lib/i18n';
import type { Platform } from '../../lib/sites/types';
import { generateDraftsReport, lintReply } from '../../components/drafts/engine';
import { findingMessage, kindLabel, langLabel, toneLabel } from '../../components/drafts/labels';
import { ErrorList } from './Field';
import { listTemplates, remedyFromRow, templateAt, withTemplate, type FormErrors, type OptionsForm, type TemplateScope } from './form';
import { previewInput } from './preview';
import { templateErrors } from './validate';

const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'en', 'de'];
const PLATFORMS = Object.keys(PLATFORM_RULES) as Platform[];
const PRIVATE_ONLY: readonly PlaceholderName[] = ['buyer', 'orderTail'];

type Preview = { text: string | null; issues: TemplateIssue[]; findings: Finding[] } | { error: string };

interface Props {
  form: OptionsForm;
  errors: FormErrors;
  onOverrides(overrides: OptionsForm['overrides']): void;
}

/** The preview starts in the seller's own language when drafts follow the review's. */
function uiDraftLanguage(): Lang {
  const tag = uiLanguage().toLowerCase();
  if (/^zh-(tw|hk|mo|hant)/.test(tag)) return 'zh-Hant';
  if (tag.startsWith('zh')) return 'zh-Hans';
  if (tag.startsWith('de')) return 'de';
  if (tag.startsWith('en')) return 'en';
  return 'zh-Hans';
}

function scopeLabel(scope: TemplateScope): string {
  return scope === 'all' ? t('options_template_all_causes') : t(`cause_${scope}`);
}

function PreviewBox({ preview }: { preview: Preview }) {
  if ('error' in preview) return <div class="errors" data-preview-error>{t('options_preview_failed', preview.error)}</div>;
  return (
    <>
      {preview.text === null ? (
        <div class="hint" data-preview="none">{t('options_preview_kind_absent')}</div>
      ) : (
        <div class="preview" data-preview="text">{preview.text}</div>
      )}
      {preview.issues.length > 0 && (
        <ul class="errors" data-preview-issues>
          {preview.issues.map((issue, i) => (
            <li key={i}>{t(`options_preview_issue_${issue.reason}`, `{${issue.placeholder}}`)}</li>
          ))}
        </ul>
      )}
      {preview.findings.length > 0 && (
        <ul class="findings" data-preview-findings>
          {preview.findings.map((finding, i) => (
            <li key={i} data-severity={finding.severity} data-rule={finding.rule}>
              <span class="severity">{t(`drafts_severity_${finding.severity}`)}</span> {findingMessage(finding)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * The seller's own templates, per kind for every cause or per cause and kind, with a preview that
 * drafts a sample review through the real generator and linter on every keystroke.
 */
export function TemplateSection({ form, errors, onOverrides }: Props) {
  const [scope, setScope] = useState<TemplateScope>('all');
  const [kind, setKind] = useState<DraftKind>('public');
  const [lang, setLang] = useState<Lang>(() => (form.settings.draftLanguage === 'auto' ? uiDraftLanguage() : form.settings.draftLanguage));
  const [platform, setPlatform] = useState<Platform>('qianniu');
  const [tone, setTone] = useState<Tone>(form.settings.defaultTone);
  const [now] = useState(() => new Date());
  const editor = useRef<HTMLTextAreaElement>(null);

  const template = templateAt(form.overrides, scope, kind);
  const cause = scope === 'all' ? 'quality' : scope;
  const remedy = remedyFromRow(form.remedies[cause]).remedy;
  const liveErrors = templateErrors(template, kind);

  const preview = useMemo<Preview>(() => {
    try {
      const input = previewInput({ cause, kind, lang, platform, tone }, form.settings, { overrides: form.overrides, remedy }, now);
      const report = generateDraftsReport(input);
      const text = report.drafts[kind];
      const findings = text ? lintReply(text, { platform, kind, lang }) : [];
      return { text, issues: report.issues.filter((issue) => issue.kind === kind), findings };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }, [cause, kind, lang, platform, tone, form.settings, form.overrides, remedy?.kind, remedy?.amount, remedy?.currency, now]);

  const setTemplate = (next: string) => onOverrides(withTemplate(form.overrides, scope, kind, next));

  const insertPlaceholder = (name: PlaceholderName) => {
    const field = editor.current;
    const start = field?.selectionStart ?? template.length;
    const end = field?.selectionEnd ?? template.length;
    const token = `{${name}}`;
    setTemplate(template.slice(0, start) + token + template.slice(end));
    // Put the caret after the token once Preact has written the new value.
    setTimeout(() => {
      field?.focus();
      field?.setSelectionRange(start + token.length, start + token.length);
    }, 0);
  };

  const overridden = listTemplates(form.overrides);
  return (
    <section data-section="templates">
      <h2>{t('options_section_templates')}</h2>
      <p class="hint">{t('options_templates_hint')}</p>
      <div class="row">
        <label>
          {t('options_template_scope')}
          <select name="templateScope" value={scope} onChange={(event) => setScope(event.currentTarget.value as TemplateScope)}>
            <option value="all">{t('options_template_all_causes')}</option>
            {CAUSE_IDS.map((id) => (
              <option value={id} key={id}>{t(`cause_${id}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('options_template_kind')}
          <select name="templateKind" value={kind} onChange={(event) => setKind(event.currentTarget.value as DraftKind)}>
            {DRAFT_KINDS.map((id) => (
              <option value={id} key={id}>{kindLabel(id)}</option>
            ))}
          </select>
        </label>
      </div>
      <textarea
        ref={editor}
        name="template"
        rows={6}
        placeholder={t('options_template_placeholder')}
        value={template}
        onInput={(event) => setTemplate(event.currentTarget.value)}
      />
      <ErrorList field={`template.${scope}.${kind}`} errors={liveErrors.length ? liveErrors : errors[`template.${scope}.${kind}`]} />
      <div class="placeholders">
        {(Object.keys(PLACEHOLDERS) as PlaceholderName[]).map((name) => {
          const blocked = PRIVATE_ONLY.includes(name) && PUBLIC_KINDS.includes(kind);
          return (
            <button
              type="button"
              key={name}
              data-placeholder={name}
              disabled={blocked}
              title={blocked ? t('options_placeholder_private_only') : t(`options_placeholder_${name}`)}
              onClick={() => insertPlaceholder(name)}
            >
              {`{${name}}`}
            </button>
          );
        })}
      </div>
      {template && (
        <button type="button" class="link" data-action="reset-template" onClick={() => setTemplate('')}>
          {t('options_template_reset')}
        </button>
      )}

      <h3>{t('options_preview')}</h3>
      <div class="row">
        <select name="previewLang" aria-label={t('options_preview_lang')} value={lang} onChange={(event) => setLang(event.currentTarget.value as Lang)}>
          {LANGS.map((id) => (
            <option value={id} key={id}>{langLabel(id)}</option>
          ))}
        </select>
        <select name="previewPlatform" aria-label={t('options_preview_platform')} value={platform} onChange={(event) => setPlatform(event.currentTarget.value as Platform)}>
          {PLATFORMS.map((id) => (
            <option value={id} key={id}>{t(`platform_${id}`)}</option>
          ))}
        </select>
        <select name="previewTone" aria-label={t('options_preview_tone')} value={tone} onChange={(event) => setTone(event.currentTarget.value as Tone)}>
          {TONES.map((id) => (
            <option value={id} key={id}>{toneLabel(id)}</option>
          ))}
        </select>
      </div>
      <PreviewBox preview={preview} />

      {overridden.length > 0 && (
        <>
          <h3>{t('options_templates_set')}</h3>
          <ul class="overridden">
            {overridden.map((entry) => {
              const field = `template.${entry.scope}.${entry.kind}`;
              return (
                <li key={field} data-template={field} class={errors[field] ? 'invalid' : undefined}>
                  <button
                    type="button"
                    class="link"
                    onClick={() => {
                      setScope(entry.scope);
                      setKind(entry.kind);
                    }}
                  >
                    {`${scopeLabel(entry.scope)} · ${kindLabel(entry.kind)}`}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
