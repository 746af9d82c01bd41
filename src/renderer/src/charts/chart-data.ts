// What the day and month charts draw: one bar per local hour (23, 24 or 25 of them, from the site zone's
// calendar, not from counting to 24) or per day, with the limit and the hours that lack readings.
import { isOverLimit } from '../../../shared/alerts/over-limit';
import type { DailyResponse, HourlyResponse } from '../../../shared/contracts/monitoring-api';
import { daysOfMonth, hoursOfDay } from '../../../shared/time/local-time';
import { clockTime, utcOffset } from '../format/format-time';

export interface HourBar {
  /** Position on the x axis, 1-based. */
  x: number;
  /** Epoch ms. */
  start: number;
  end: number;
  /** "14:00"; an hour that a DST change repeats carries its offset: "03:00 +03:00", "03:00 +02:00". */
  label: string;
  /** Axis tick: the hour alone, "14". */
  tick: string;
  kwh: number;
  readings: number;
  over: boolean;
  /** A past hour with no stored reading: its energy, if any, is spread from the readings around it. */
  missing: boolean;
}

export function dayBars(day: HourlyResponse, now: number = Date.now()): HourBar[] {
  const entries = new Map(day.hours.map((h) => [Date.parse(h.start), h]));
  const hours = hoursOfDay(day.date, day.tz);
  const clocks = hours.map((h) => clockTime(h.start, day.tz));
  return hours.map((h, i) => {
    const entry = entries.get(h.start);
    const kwh = entry?.kwh ?? 0;
    const readings = entry?.readings ?? 0;
    const clock = clocks[i]!;
    const repeated = clocks.indexOf(clock) !== clocks.lastIndexOf(clock);
    return {
      x: i + 1,
      start: h.start,
      end: h.end,
      label: repeated ? `${clock} ${utcOffset(h.start, day.tz)}` : clock,
      tick: clock.slice(0, 2),
      kwh,
      readings,
      over: day.max_hourly_kwh !== null && isOverLimit(kwh, day.max_hourly_kwh),
      missing: readings === 0 && h.end <= now,
    };
  });
}

export interface DayBar {
  /** Day of the month, 1-based: the x position. */
  x: number;
  date: string;
  kwh: number;
  readings: number;
  /** A past day with no stored reading at all. */
  missing: boolean;
}

export function monthBars(month: DailyResponse, now: number = Date.now()): DayBar[] {
  const entries = new Map(month.days.map((d) => [d.date, d]));
  return daysOfMonth(month.month, month.tz).map((d, i) => {
    const entry = entries.get(d.date);
    const readings = entry?.readings ?? 0;
    return {
      x: i + 1,
      date: d.date,
      kwh: entry?.kwh ?? 0,
      readings,
      missing: readings === 0 && d.end <= now,
    };
  });
}

export function totalKwh(bars: ReadonlyArray<{ kwh: number }>): number {
  return bars.reduce((sum, b) => sum + b.kwh, 0);
}

/** The bar of the hour that contains `t`, if the day has it. */
export function hourAt(bars: HourBar[], t: number): HourBar | undefined {
  return bars.find((b) => b.start <= t && t < b.end);
}
