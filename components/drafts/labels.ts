import type { Lang } from '../../lib/analysis/types';
import type { DraftKind, Finding, RemedyKind, Tone } from '../../lib/drafts/types';
import { t } from '../../lib/i18n';

export const kindLabel = (kind: DraftKind) => t(`drafts_kind_${kind}`);
export const toneLabel = (tone: Tone) => t(`drafts_tone_${tone}`);
/** Message names allow no hyphen: zh-Hans → drafts_lang_zh_Hans. */
export const langLabel = (lang: Lang | 'auto') => t(`drafts_lang_${lang.replace('-', '_')}`);
export const remedyLabel = (kind: RemedyKind) => t(`drafts_remedy_${kind}`);

/** The finding in the seller's UI language; the linter's English message if a key is missing. */
export function findingMessage(finding: Finding): string {
  const message = t(finding.messageKey, finding.args);
  return message === finding.messageKey ? finding.message : message;
}
