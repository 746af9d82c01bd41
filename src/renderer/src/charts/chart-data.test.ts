import { describe, expect, it } from 'vitest';
import type { DailyResponse, HourlyResponse } from '../../../shared/contracts/monitoring-api';
import { formatLocal, hoursOfDay } from '../../../shared/time/local-time';
import { dayBars, hourAt, monthBars, totalKwh } from './chart-data';

const tz = 'Europe/Helsinki';

function day(date: string, hours: Array<[string, number, number]>, max: number | null = 1): HourlyResponse {
  return {
    device_id: 'd1',
    date,
    tz,
    max_hourly_kwh: max,
    hours: hours.map(([start, kwh, readings]) => ({ start, kwh, readings })),
  };
}

/** A full response as the service sends it: every hour of the day, each with `kwh`. */
function fullDay(date: string, kwh: (i: number) => number): HourlyResponse {
  return day(
    date,
    hoursOfDay(date, tz).map((h, i): [string, number, number] => [formatLocal(h.start, tz), kwh(i), 6]),
  );
}

const later = Date.UTC(2030, 0, 1);

describe('the day chart data', () => {
  it('draws 24 bars on an ordinary day, labelled by local hour', () => {
    const bars = dayBars(
      fullDay('2026-01-15', () => 0.5),
      later,
    );
    expect(bars).toHaveLength(24);
    expect(bars.map((b) => b.label).slice(0, 3)).toEqual(['00:00', '01:00', '02:00']);
    expect(bars.map((b) => b.x)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(totalKwh(bars)).toBeCloseTo(12);
  });

  it('draws 23 bars on the spring-forward day, without the skipped 03:00', () => {
    const bars = dayBars(
      fullDay('2026-03-29', (i) => i),
      later,
    );
    expect(bars).toHaveLength(23);
    expect(bars.map((b) => b.label)).not.toContain('03:00');
    expect(bars.slice(2, 4).map((b) => b.label)).toEqual(['02:00', '04:00']);
    expect(bars[3]!.kwh).toBe(3);
  });

  it('draws 25 bars on the fall-back day, telling the repeated 03:00 apart by its offset', () => {
    const bars = dayBars(
      fullDay('2026-10-25', (i) => i),
      later,
    );
    expect(bars).toHaveLength(25);
    expect(bars.slice(2, 6).map((b) => b.label)).toEqual(['02:00', '03:00 +03:00', '03:00 +02:00', '04:00']);
    expect(new Set(bars.map((b) => b.label)).size).toBe(25);
    expect(bars[4]!.kwh).toBe(4);
    expect(bars[24]!.label).toBe('23:00');
  });

  it('puts each hour of the answer on its own instant, whatever offset it is written with', () => {
    const utcStart = new Date(Date.UTC(2026, 0, 15, 10)).toISOString(); // 12:00 in Helsinki
    const bars = dayBars(day('2026-01-15', [[utcStart, 0.7, 3]]), later);
    expect(bars.find((b) => b.label === '12:00')).toMatchObject({ kwh: 0.7, readings: 3 });
  });

  it('marks hours over the limit; equal to the limit is within it', () => {
    const bars = dayBars(
      fullDay('2026-01-15', (i) => (i === 5 ? 1.2 : i === 6 ? 1 : 0.2)),
      later,
    );
    expect(bars.filter((b) => b.over).map((b) => b.label)).toEqual(['05:00']);
  });

  it('marks nothing over when the device has no limit', () => {
    const response = { ...fullDay('2026-01-15', () => 5), max_hourly_kwh: null };
    expect(dayBars(response, later).some((b) => b.over)).toBe(false);
  });

  it('marks past hours without readings as missing, but not hours still to come', () => {
    const response = day('2026-01-15', [
      ['2026-01-15T00:00:00+02:00', 0.3, 6],
      ['2026-01-15T01:00:00+02:00', 0.1, 0],
    ]);
    const now = Date.parse('2026-01-15T03:30:00+02:00');
    const bars = dayBars(response, now);
    expect(bars.filter((b) => b.missing).map((b) => b.label)).toEqual(['01:00', '02:00']);
    expect(hourAt(bars, now)?.label).toBe('03:00');
  });
});

describe('the month chart data', () => {
  it('draws a bar for every day of the month, zero where there is no data', () => {
    const month: DailyResponse = {
      device_id: 'd1',
      month: '2026-02',
      tz,
      max_hourly_kwh: 1,
      days: [{ date: '2026-02-03', start: '2026-02-03T00:00:00+02:00', kwh: 9.5, readings: 144 }],
    };
    const bars = monthBars(month, later);
    expect(bars).toHaveLength(28);
    expect(bars[2]).toMatchObject({ x: 3, date: '2026-02-03', kwh: 9.5, missing: false });
    expect(bars[0]).toMatchObject({ kwh: 0, missing: true });
  });
});
