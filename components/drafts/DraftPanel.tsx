import { useMemo, useRef, useState } from 'preact/hooks';
import type { DraftSettings } from '../../lib/draft-settings';
import { platformRules } from '../../lib/drafts/platform-rules';
import { PUBLIC_KINDS, TONES, type DraftKind, type Drafts, type Tone } from '../../lib/drafts/types';
import { t } from '../../lib/i18n';
import type { InsertResult } from '../../lib/insert';
import type { Settings } from '../../lib/settings';
import { buildDraftInput, buildLintContext, draftLanguage, type ReviewFacts } from './draft-input';
import { generateDraftsReport, lintReply } from './engine';
import { FindingList } from './FindingList';
import { kindLabel, langLabel, toneLabel } from './labels';
import { useDraftPrefs } from './use-draft-prefs';

export interface DraftPanelProps extends ReviewFacts {
  /** Puts the text into the platform's reply box (lib/insert); never submits. */
  insert(text: string): Promise<InsertResult>;
  /** The seller's settings; read from storage (and kept current) when omitted. */
  settings?: Settings;
  draftSettings?: DraftSettings;
  /** Fixes the clock (tests); otherwise the time the panel opened. */
  now?: Date;
}

type Action =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'inserted'; errors: number; target: string }
  | { kind: 'insert_failed'; reason: string }
  | { kind: 'copied' }
  | { kind: 'copy_failed' };

/** Which kinds this review gets: the drafts that exist, plus a firm explanation whenever risk is raised. */
function visibleKinds(drafts: Drafts, firm: string | null): DraftKind[] {
  const kinds: DraftKind[] = ['public', 'private', 'phone'];
  if (drafts.revisionRequest !== null) kinds.push('revisionRequest');
  if (firm !== null) kinds.push('firm');
  if (drafts.unreachable !== null) kinds.push('unreachable');
  return kinds;
}

/** Tall enough for the whole draft at the panel's width (about 40 CJK characters a line), within reason. */
function visibleRows(text: string): number {
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil([...line].length / 40)), 0);
  return Math.min(14, Math.max(4, lines + 1));
}

function ActionStatus({ action }: { action: Action }) {
  switch (action.kind) {
    case 'idle':
      return null;
    case 'busy':
      return <div class="status" role="status" data-status="busy">{t('drafts_inserting')}</div>;
    case 'inserted':
      return (
        <div class="status ok" role="status" data-status="inserted">
          {/* A platform dialog is known to belong to the review; a field found otherwise is worth a second look. */}
          {t(action.target === 'focused-field' || action.target === 'opened-field' ? 'drafts_inserted_field' : 'drafts_inserted')}
          {action.errors > 0 && <div class="warn">{t('drafts_inserted_with_errors', String(action.errors))}</div>}
        </div>
      );
    case 'insert_failed':
      return <div class="status fail" role="alert" data-status="insert-failed">{t(`insert_fail_${action.reason}`)}</div>;
    case 'copied':
      return <div class="status ok" role="status" data-status="copied">{t('drafts_copied')}</div>;
    case 'copy_failed':
      return <div class="status fail" role="alert" data-status="copy-failed">{t('drafts_copy_failed')}</div>;
  }
}

/**
 * The draft panel under a review: kind and tone tabs, the draft as editable text with live policy
 * findings, and Insert / Copy. Runs inside the widget's shadow root; every string it shows is a
 * text node or a field value.
 */
export function DraftPanel(props: DraftPanelProps) {
  const { settings, draftSettings } = useDraftPrefs(props);
  const [now] = useState(() => props.now ?? new Date());
  const [tone, setTone] = useState<Tone | null>(null);
  const [kind, setKind] = useState<DraftKind>('public');
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [action, setAction] = useState<Action>({ kind: 'idle' });
  const editor = useRef<HTMLTextAreaElement>(null);

  const activeTone = tone ?? settings.defaultTone;
  const lang = draftLanguage(settings, props.analysis);
  const facts: ReviewFacts = props;

  const generated = useMemo(() => {
    try {
      const input = buildDraftInput(facts, settings, draftSettings, activeTone, now);
      const { drafts } = generateDraftsReport(input);
      // The generator drafts `firm` for high risk only; on a watch review the seller may still want it.
      const firm = drafts.firm ?? (facts.risk === 'watch' ? generateDraftsReport({ ...input, risk: 'high' }).drafts.firm : null);
      return { drafts, firm };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }, [facts.snapshot, facts.analysis, facts.risk, facts.contacts, facts.remedy, facts.problemSolved, facts.buyerSatisfied, settings, draftSettings, activeTone, now]);

  if ('error' in generated) {
    return <div class="draft-panel" data-draft-panel><div class="status fail" role="alert">{t('drafts_generate_failed', generated.error)}</div></div>;
  }

  const kinds = visibleKinds(generated.drafts, generated.firm);
  const shownKind = kinds.includes(kind) ? kind : 'public';
  const key = `${shownKind}|${activeTone}`;
  const original = (shownKind === 'firm' ? generated.firm : generated.drafts[shownKind]) ?? '';
  const text = edits[key] ?? original;
  const findings = lintReply(text, buildLintContext(facts, shownKind, lang, now));
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  const publicKind = PUBLIC_KINDS.includes(shownKind);
  const maxLength = platformRules(props.snapshot.platform).maxLength;

  const edit = (next: string) => {
    setEdits({ ...edits, [key]: next });
    if (action.kind !== 'busy') setAction({ kind: 'idle' });
  };

  // A result belongs to the text it was about; another tab shows another text.
  const choose = (change: () => void) => {
    change();
    setAction({ kind: 'idle' });
  };

  const insert = () => {
    setAction({ kind: 'busy' });
    props.insert(text).then(
      (result) => setAction(result.ok ? { kind: 'inserted', errors: errorCount, target: result.target } : { kind: 'insert_failed', reason: result.reason }),
      () => setAction({ kind: 'insert_failed', reason: 'fill_failed' }),
    );
  };

  const copy = () => {
    const selectAll = () => editor.current?.select();
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard?.writeText) {
      selectAll();
      return setAction({ kind: 'copy_failed' });
    }
    clipboard.writeText(text).then(
      () => setAction({ kind: 'copied' }),
      () => {
        selectAll();
        setAction({ kind: 'copy_failed' });
      },
    );
  };

  return (
    <div class="draft-panel" data-draft-panel lang={lang}>
      <div class="tabs" role="tablist" aria-label={t('drafts_kinds')}>
        {kinds.map((id) => (
          <button type="button" role="tab" key={id} data-kind={id} aria-selected={id === shownKind} onClick={() => choose(() => setKind(id))}>
            {kindLabel(id)}
          </button>
        ))}
      </div>
      <div class="tabs tones" role="tablist" aria-label={t('drafts_tones')}>
        {TONES.map((id) => (
          <button type="button" role="tab" key={id} data-tone={id} aria-selected={id === activeTone} onClick={() => choose(() => setTone(id))}>
            {toneLabel(id)}
          </button>
        ))}
        <span class="lang" data-lang={lang}>{langLabel(lang)}</span>
      </div>
      <textarea
        ref={editor}
        class="draft-text"
        data-draft-text
        rows={visibleRows(text)}
        value={text}
        spellcheck={false}
        aria-label={kindLabel(shownKind)}
        onInput={(event) => edit(event.currentTarget.value)}
      />
      <div class="meta">
        <span class={[...text].length > maxLength && publicKind ? 'count over' : 'count'} data-count>
          {t('drafts_count', [String([...text].length), String(maxLength)])}
        </span>
        {edits[key] !== undefined && edits[key] !== original && (
          <button type="button" class="link" data-action="restore" onClick={() => edit(original)}>
            {t('drafts_restore')}
          </button>
        )}
      </div>
      <FindingList text={text} findings={findings} />
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-action="insert"
          disabled={!publicKind || action.kind === 'busy' || !text.trim()}
          title={publicKind ? t('drafts_insert_hint') : t('drafts_insert_private')}
          onClick={insert}
        >
          {t('drafts_insert')}
        </button>
        <button type="button" data-action="copy" disabled={!text.trim()} onClick={copy}>
          {t('drafts_copy')}
        </button>
        {!publicKind && <span class="hint" data-hint="private">{t('drafts_insert_private')}</span>}
      </div>
      <ActionStatus action={action} />
    </div>
  );
}
