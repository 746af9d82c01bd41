// Dates and hours in the site zone, for labels and tables.
import { formatLocal } from '../../../shared/time/local-time';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = dayFormats.get(key);
  if (!f) dayFormats.set(key, (f = new Intl.DateTimeFormat('en-GB', options)));
  return f;
}

/** "Monday 12 January 2026" for a plain date. */
export function longDate(date: string): string {
  return dayFormat('long', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** "Mon 12 Jan" for a plain date. */
export function shortDate(date: string): string {
  return dayFormat('short', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** "January 2026" for a month. */
export function monthName(month: string): string {
  return dayFormat('month', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** "14:00" in the zone. */
export function clockTime(t: number, tz: string): string {
  return formatLocal(t, tz).slice(11, 16);
}

/** "+02:00": the zone's offset at that instant. */
export function utcOffset(t: number, tz: string): string {
  return formatLocal(t, tz).slice(19);
}

/** "12 Jan 2026, 14:05" in the zone. */
export function dateTime(t: number, tz: string): string {
  const local = formatLocal(t, tz);
  return `${shortDate(local.slice(0, 10)).replace(/^\w+ /, '')} ${local.slice(0, 4)}, ${local.slice(11, 16)}`;
}
