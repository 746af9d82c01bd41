// Local hours and days of an IANA time zone, as epoch-ms instants. All storage stays in UTC; this is the edge.

export const MS_PER_HOUR = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(t: number, tz: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(t)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return parts as unknown as LocalParts;
}

/** Offset of local time from UTC at instant `t`, in ms (+05:30 gives 19 800 000). */
export function offsetAt(t: number, tz: string): number {
  const p = localParts(t, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (t - (((t % 1000) + 1000) % 1000));
}

/** Start of the local hour that contains `t`. */
export function localHourStart(t: number, tz: string): number {
  const local = t + offsetAt(t, tz);
  return t - (((local % MS_PER_HOUR) + MS_PER_HOUR) % MS_PER_HOUR);
}

/** The instant of local midnight on a calendar date (or the day's first instant, where midnight is skipped). */
export function localDayStart(year: number, month: number, day: number, tz: string): number {
  const wall = Date.UTC(year, month - 1, day);
  let t = wall - offsetAt(wall, tz);
  t = wall - offsetAt(t, tz);
  // In a zone that skips midnight, `t` lands in the gap; the day starts when the clock jumps.
  if (localDateOf(t, tz) !== isoDate(year, month, day)) t = wall - offsetAt(t + MS_PER_HOUR, tz);
  return t;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The local calendar date (YYYY-MM-DD) at instant `t`. */
export function localDateOf(t: number, tz: string): string {
  const p = localParts(t, tz);
  return isoDate(p.year, p.month, p.day);
}

export interface LocalInterval {
  start: number;
  end: number;
}

/** The local hours of a date, in order: 23, 24 or 25 of them across DST changes. */
export function hoursOfDay(date: string, tz: string): LocalInterval[] {
  const { start, end } = dayBounds(date, tz);
  const hours: LocalInterval[] = [];
  for (let h = start; h < end; h += MS_PER_HOUR)
    hours.push({ start: h, end: Math.min(h + MS_PER_HOUR, end) });
  return hours;
}

/** [start, end) of a local calendar date given as YYYY-MM-DD. */
export function dayBounds(date: string, tz: string): LocalInterval {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return {
    start: localDayStart(y, m, d, tz),
    end: localDayStart(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), tz),
  };
}

/** The local days of a month given as YYYY-MM, in order. */
export function daysOfMonth(month: string, tz: string): Array<LocalInterval & { date: string }> {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const days: Array<LocalInterval & { date: string }> = [];
  for (let d = 1; d <= count; d++) {
    const date = isoDate(y, m, d);
    days.push({ date, ...dayBounds(date, tz) });
  }
  return days;
}

/** ISO-8601 with the zone's offset at that instant, e.g. 2026-03-29T04:00:00+03:00. */
export function formatLocal(t: number, tz: string): string {
  const p = localParts(t, tz);
  const offsetMin = Math.round(offsetAt(t, tz) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return (
    `${isoDate(p.year, p.month, p.day)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}` +
    `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  );
}
