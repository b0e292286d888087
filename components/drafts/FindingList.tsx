import type { Finding } from '../../lib/drafts/types';
import { t } from '../../lib/i18n';
import { findingMessage } from './labels';

/**
 * Policy findings for the text as it stands, errors first. The offending words are quoted so the
 * seller finds them in the editor; a finding about the whole text (too long, window closing) quotes nothing.
 */
export function FindingList({ text, findings }: { text: string; findings: readonly Finding[] }) {
  if (findings.length === 0) return <div class="lint-ok" data-lint="ok">{t('drafts_lint_ok')}</div>;
  return (
    <ul class="findings" data-lint="findings">
      {findings.map((finding, i) => {
        const wholeText = finding.start <= 0 && finding.end >= text.length;
        const message = findingMessage(finding);
        // Most messages name the words already; quote them only when the message does not.
        const span = wholeText ? '' : text.slice(finding.start, finding.end);
        const quoted = span && !message.includes(span.trim()) ? span : '';
        return (
          <li key={`${finding.rule}-${finding.start}-${i}`} data-severity={finding.severity} data-rule={finding.rule}>
            <span class="severity">{t(`drafts_severity_${finding.severity}`)}</span>
            <span class="message">{message}</span>
            {quoted && <mark class="quote">{quoted}</mark>}
          </li>
        );
      })}
    </ul>
  );
}
