import type { Span } from '../lib/analysis/types';

/** How much text to show around the evidence: reviews can be 20,000 characters long. */
const CONTEXT = 40;

interface Props {
  text: string;
  spans: Span[];
}

/**
 * The review text around the evidence with the deciding words marked. Page text only ever
 * becomes text nodes here (Preact children), never markup.
 */
export function EvidenceText({ text, spans }: Props) {
  const valid = spans
    .filter(([start, end]) => start >= 0 && end <= text.length && start < end)
    .sort((a, b) => a[0] - b[0]);
  if (valid.length === 0) return <span>{text.slice(0, CONTEXT * 2)}</span>;
  const parts = [];
  let cursor = Math.max(0, valid[0][0] - CONTEXT);
  if (cursor > 0) parts.push('…');
  for (const [start, end] of valid) {
    if (start < cursor) continue;
    if (start - cursor > CONTEXT * 2) {
      parts.push(text.slice(cursor, cursor + CONTEXT), '…', text.slice(start - CONTEXT, start));
    } else {
      parts.push(text.slice(cursor, start));
    }
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    cursor = end;
  }
  const tailEnd = Math.min(text.length, cursor + CONTEXT);
  parts.push(text.slice(cursor, tailEnd));
  if (tailEnd < text.length) parts.push('…');
  return <span>{parts}</span>;
}
