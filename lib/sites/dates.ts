/** `YYYY-MM-DD[ HH:MM[:SS]]` (also with `/` or `.`) somewhere in a string. */
export const DATE_TIME_PATTERN = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;

const pad = (n: string | undefined) => (n ?? '0').padStart(2, '0');

/**
 * ISO 8601 for a date the page printed in the platform's local time. Back-offices print local time
 * without a zone, so the caller says which one (China is +08:00, OTTO is Europe/Berlin-ish).
 */
export function localDateToIso(text: string, offset = '+08:00'): string | undefined {
  const m = DATE_TIME_PATTERN.exec(text);
  if (!m) return undefined;
  // Indexed, not destructured: no iterator per date on a page of a thousand reviews.
  const y = m[1], mo = m[2], d = m[3], h = m[4] as string | undefined, mi = m[5] as string | undefined, s = m[6] as string | undefined;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (Number(h ?? 0) > 23 || Number(mi ?? 0) > 59 || Number(s ?? 0) > 59) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${offset}`;
}

/** `DD.MM.YYYY[, HH:MM]` as German back-offices print it (OTTO). */
const GERMAN_DATE = /(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?/;

/**
 * ISO 8601 for a German date. Berlin is +01:00 in winter and +02:00 from the last Sunday of March
 * to the last Sunday of October; the switch hour itself does not matter for a review date.
 */
export function germanDateToIso(text: string): string | undefined {
  const m = GERMAN_DATE.exec(text);
  if (!m) return undefined;
  const [, d, mo, y, h, mi] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const offset = isBerlinSummerTime(Number(y), month, day) ? '+02:00' : '+01:00';
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:00${offset}`;
}

function lastSundayOf(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

function isBerlinSummerTime(year: number, month: number, day: number): boolean {
  if (month < 3 || month > 10) return false;
  if (month > 3 && month < 10) return true;
  const switchDay = lastSundayOf(year, month);
  return month === 3 ? day >= switchDay : day < switchDay;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A calendar date as Amazon prints it in English ("11/20/2026", "November 20, 2026",
 * "20 November 2026"). Amazon shows no time and the marketplace's zone is not on the page, so
 * the result is an ISO date without a time rather than a made-up midnight.
 */
export function englishDateToIso(text: string): string | undefined {
  const numeric = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  if (numeric) return isoDate(numeric[3], Number(numeric[1]), Number(numeric[2]));
  const monthFirst = /\b([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})\b/.exec(text);
  if (monthFirst) return isoDate(monthFirst[3], MONTHS.indexOf(monthFirst[1].toLowerCase()) + 1, Number(monthFirst[2]));
  const dayFirst = /\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b/.exec(text);
  if (dayFirst) return isoDate(dayFirst[3], MONTHS.indexOf(dayFirst[2].toLowerCase()) + 1, Number(dayFirst[1]));
  return undefined;
}

function isoDate(year: string, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
