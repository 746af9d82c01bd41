// Calendar arithmetic on plain dates (YYYY-MM-DD) and months (YYYY-MM): no clock and no zone, so a day is a
// day even when it has 23 or 25 hours. Where a date meets an instant, the site zone comes in (local-time).
import { localDateOf, offsetAt } from '../../../shared/time/local-time';

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d ?? 1];
}

function iso(t: Date): string {
  return t.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, months: number): string {
  const [y, m] = parts(month);
  return iso(new Date(Date.UTC(y, m - 1 + months, 1))).slice(0, 7);
}

/** Today's date in the site zone. */
export function todayIn(tz: string, now: number = Date.now()): string {
  return localDateOf(now, tz);
}

/** Monday = 0 … Sunday = 6. */
export function weekdayOf(date: string): number {
  const [y, m, d] = parts(date);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The weeks of a month for a calendar grid, Monday first; null pads the first and last week. */
export function monthGrid(month: string): Array<Array<string | null>> {
  const [y, m] = parts(month);
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells: Array<string | null> = Array.from({ length: weekdayOf(`${month}-01`) }, () => null);
  for (let d = 1; d <= count; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * The instant a wall-clock time (`YYYY-MM-DDTHH:mm`) names in a zone. A time skipped by a DST change
 * resolves to the instant after the jump; a repeated one to its first occurrence.
 */
export function wallTimeToInstant(wall: string, tz: string): number {
  const [date, time = '00:00'] = wall.split('T');
  const [y, m, d] = parts(date!);
  const [hh, mm] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh ?? 0, mm ?? 0);
  const first = asUtc - offsetAt(asUtc, tz);
  return asUtc - offsetAt(first, tz);
}
