import { t } from '../lib/i18n';

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface TeachOverlayProps {
  phase: 'pick' | 'preview';
  hover: Box | null;
  matches: Box[];
  onSave(): void;
  onRetry(): void;
  onCancel(): void;
}

/** The teach-by-click overlay: a bar with what to do, outlines of what Mend would recognize. */
export function TeachOverlay({ phase, hover, matches, onSave, onRetry, onCancel }: TeachOverlayProps) {
  const box = (b: Box, kind: string, key: number) => (
    <div class={`box ${kind}`} key={key} style={{ top: `${b.top}px`, left: `${b.left}px`, width: `${b.width}px`, height: `${b.height}px` }} />
  );
  return (
    <div data-teach={phase}>
      {phase === 'pick' && hover && box(hover, 'hover', -1)}
      {phase === 'preview' && matches.map((b, i) => box(b, 'match', i))}
      <div class="bar" role="dialog">
        {phase === 'pick' && <span>{t('teach_hint')}</span>}
        {phase === 'preview' && <span data-teach-count={matches.length}>{matches.length > 0 ? t('teach_found', String(matches.length)) : t('teach_none')}</span>}
        {phase === 'preview' && matches.length > 0 && (
          <button type="button" data-action="teach-save" onClick={onSave}>{t('teach_save')}</button>
        )}
        {phase === 'preview' && (
          <button type="button" class="secondary" data-action="teach-retry" onClick={onRetry}>{t('teach_retry')}</button>
        )}
        <button type="button" class="secondary" data-action="teach-cancel" onClick={onCancel}>{t('teach_cancel')}</button>
      </div>
    </div>
  );
}
