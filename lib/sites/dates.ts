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
  const [, y, mo, d, h, mi, s] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${offset}`;
}
