import type { Lang } from '../analysis/types';

const LOCALE: Record<Lang, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', de: 'de-DE', en: 'en-GB' };

export function localeOf(lang: Lang): string {
  return LOCALE[lang];
}

/** Parses an ISO string or Date; throws with the offending value so a batch record names its problem. */
export function toDate(value: Date | string, what: string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`${what} is not a valid date: ${String(value)}`);
  return date;
}

/** Throws for a time zone Intl does not know, instead of silently printing UTC. */
export function checkTimeZone(timeZone: string | undefined): void {
  if (timeZone === undefined) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new Error(`unknown time zone: ${timeZone}`);
  }
}

// Building an Intl formatter costs far more than using one; drafts are regenerated on every keystroke.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, found);
  }
  return found;
}

/** Date and time of day as people write them in `lang` ("11月20日 12:15", "20. Nov., 12:15"). */
export function formatDateTime(date: Date, lang: Lang, timeZone?: string): string {
  return formatter(LOCALE[lang], timeZone, {
    month: lang === 'en' || lang === 'de' ? 'short' : 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** Wall-clock parts of `date` in `timeZone`, so follow-up times can be computed in the seller's day. */
function wallClock(date: Date, timeZone?: string): { year: number; month: number; day: number } {
  const parts = formatter('en-US', timeZone, { year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/**
 * The follow-up promised on the phone: the next day at 18:30 in the seller's zone — inside the
 * 18:00–20:00 window the guides recommend for reaching buyers, and late enough to have a result.
 */
export function followUpTime(now: Date, lang: Lang, timeZone?: string): string {
  const today = wallClock(now, timeZone);
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1, 12));
  const date = formatter(LOCALE[lang], 'UTC', {
    month: lang === 'en' || lang === 'de' ? 'short' : 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(tomorrow);
  return lang === 'en' ? `${date}, 6:30 pm` : `${date} 18:30`;
}

/** Money as the reader expects it; whole amounts without decimals. */
export function formatMoney(amount: number, currency: string, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    style: 'currency',
    currency,
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(amount);
}
