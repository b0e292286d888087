import { render } from 'preact';
import teachCss from '../../components/teach.css?inline';
import { TeachOverlay, type Box } from '../../components/TeachOverlay';
import { applyRule, blockForClick, deriveRule, type LearnedRule } from '../../lib/sites/teach';

/** How many matches the preview outlines; a page may hold thousands. */
const PREVIEW_LIMIT = 300;

function pageBox(el: Element): Box {
  const rect = el.getBoundingClientRect();
  return { top: rect.top + window.scrollY, left: rect.left + window.scrollX, width: rect.width, height: rect.height };
}

/**
 * Teach by click: the seller points at one review; Mend derives a rule for its siblings, outlines
 * every match, and hands the rule over when the seller saves it. Clicks are caught before the page
 * sees them while picking, so choosing a review never follows a link or opens a dialog.
 */
export function startTeachMode(onSave: (rule: LearnedRule) => void, onClose: () => void): () => void {
  const host = document.createElement('mend-teach');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = teachCss;
  const container = document.createElement('div');
  shadow.append(style, container);
  document.documentElement.append(host);

  let phase: 'pick' | 'preview' = 'pick';
  let hover: Box | null = null;
  let rule: LearnedRule | null = null;
  let matches: Element[] = [];

  const isOwn = (event: Event) => event.composedPath().includes(host);
  const target = (event: Event) => event.composedPath()[0] as Element | undefined;

  const draw = () =>
    render(
      <TeachOverlay
        phase={phase}
        hover={hover}
        matches={matches.slice(0, PREVIEW_LIMIT).map(pageBox)}
        onSave={() => {
          if (rule) onSave(rule);
          stop();
        }}
        onRetry={() => {
          phase = 'pick';
          matches = [];
          draw();
        }}
        onCancel={() => stop()}
      />,
      container,
    );

  const onMove = (event: MouseEvent) => {
    if (phase !== 'pick' || isOwn(event)) return;
    const el = target(event);
    if (!(el instanceof Element)) return;
    hover = pageBox(blockForClick(el));
    draw();
  };
  const onClick = (event: MouseEvent) => {
    if (isOwn(event)) return;
    if (phase !== 'pick') return;
    event.preventDefault();
    event.stopPropagation();
    const el = target(event);
    if (!(el instanceof Element)) return;
    rule = deriveRule(el);
    matches = applyRule(document, rule);
    phase = 'preview';
    draw();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') stop();
  };
  document.addEventListener('mousemove', onMove, true);
  document.addEventListener('click', onClick, true);
  document.addEventListener('keydown', onKey, true);
  draw();

  let stopped = false;
  function stop() {
    if (stopped) return;
    stopped = true;
    document.removeEventListener('mousemove', onMove, true);
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('keydown', onKey, true);
    render(null, container);
    host.remove();
    onClose();
  }
  return stop;
}
