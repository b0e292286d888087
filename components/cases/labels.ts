import type { CauseId } from '../../lib/analysis/types';
import type {
  CaseGroup,
  CaseState,
  ContactChannel,
  ContactOutcome,
  RemedyKind,
  RiskBand,
} from '../../lib/cases/types';
import type { Platform, Rating } from '../../lib/sites/types';
import { t, uiLanguage } from '../../lib/i18n';

/** One place that maps domain ids to message keys, so a renamed key breaks in one file only. */
export const stateLabel = (state: CaseState) => t(`state_${state}`);
export const causeLabel = (cause: CauseId) => t(`cause_${cause}`);
export const platformLabel = (platform: Platform) => t(`platform_${platform}`);
export const ratingLabel = (rating: Rating) => t(`rating_${rating}`);
export const riskLabel = (band: RiskBand) => t(`risk_${band}`);
export const channelLabel = (channel: ContactChannel) => t(`channel_${channel}`);
export const outcomeLabel = (outcome: ContactOutcome) => t(`outcome_${outcome}`);
export const remedyLabel = (kind: RemedyKind) => t(`remedy_${kind}`);
export const groupLabel = (group: CaseGroup) => t(`group_${group}`);

/** Platforms offered in filters; the order sellers in China meet them first, then the European ones. */
export const FILTER_PLATFORMS: readonly Platform[] = [
  'qianniu',
  'taobao_classic',
  'pinduoduo',
  'jd',
  'douyin',
  'kuaishou',
  'otto',
  'amazon',
  'generic',
];

export const RISK_BANDS: readonly RiskBand[] = ['high', 'watch', 'low'];

let dateTimeFormat: Intl.DateTimeFormat | undefined;
let dateFormat: Intl.DateTimeFormat | undefined;

/** Date and time in the seller's UI language, e.g. "11/23 18:00" or "11月23日 18:00". */
export function formatDateTime(ms: number): string {
  dateTimeFormat ??= new Intl.DateTimeFormat(uiLanguage(), {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return dateTimeFormat.format(ms);
}

export function formatDate(ms: number): string {
  dateFormat ??= new Intl.DateTimeFormat(uiLanguage(), { year: 'numeric', month: 'numeric', day: 'numeric' });
  return dateFormat.format(ms);
}

/** "3 h 20 min" / "2 d 4 h": the remaining (or overdue) span, coarse enough to read at a glance. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return t('span_minutes', String(minutes));
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('span_hours_minutes', [String(hours), String(minutes % 60)]);
  return t('span_days_hours', [String(Math.floor(hours / 24)), String(hours % 24)]);
}

/** Value for <input type=datetime-local> in the browser's local time. */
export function toLocalInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInputValue(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}
