import { t } from '../lib/i18n';

/** "5 分钟前" / "3 h ago": ages a seller reads at a glance. */
export function formatAge(fromMs: number, nowMs: number): string {
  const minutes = Math.max(0, Math.floor((nowMs - fromMs) / 60_000));
  if (minutes < 60) return t('age_minutes', String(minutes));
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('age_hours', String(hours));
  return t('age_days', String(Math.floor(hours / 24)));
}
