import { describe, expect, it } from 'vitest';
import {
  dayBounds,
  daysOfMonth,
  formatLocal,
  hoursOfDay,
  isTimeZone,
  localDateOf,
  localHourStart,
  offsetAt,
} from './local-time';

const H = 3_600_000;

describe('local time', () => {
  it('gives 23 hours on the spring-forward day in Europe/Bucharest', () => {
    const hours = hoursOfDay('2026-03-29', 'Europe/Bucharest');
    expect(hours).toHaveLength(23);
    expect(formatLocal(hours[0]!.start, 'Europe/Bucharest')).toBe('2026-03-29T00:00:00+02:00');
    // 03:00 never happens: 02:00 EET is followed by 04:00 EEST.
    expect(hours.slice(2, 4).map((h) => formatLocal(h.start, 'Europe/Bucharest'))).toEqual([
      '2026-03-29T02:00:00+02:00',
      '2026-03-29T04:00:00+03:00',
    ]);
  });

  it('gives 25 hours on the fall-back day in Europe/Bucharest, with 03:00 twice', () => {
    const hours = hoursOfDay('2026-10-25', 'Europe/Bucharest');
    expect(hours).toHaveLength(25);
    expect(hours.slice(3, 5).map((h) => formatLocal(h.start, 'Europe/Bucharest'))).toEqual([
      '2026-10-25T03:00:00+03:00',
      '2026-10-25T03:00:00+02:00',
    ]);
  });

  it('starts Asia/Kolkata hours at half past the UTC hour', () => {
    const { start, end } = dayBounds('2026-06-01', 'Asia/Kolkata');
    expect(start).toBe(Date.UTC(2026, 4, 31, 18, 30));
    expect(end - start).toBe(24 * H);
    expect(localHourStart(Date.UTC(2026, 5, 1, 6, 10), 'Asia/Kolkata')).toBe(Date.UTC(2026, 5, 1, 5, 30));
    expect(offsetAt(start, 'Asia/Kolkata')).toBe(5.5 * H);
  });

  it('handles a +05:45 zone', () => {
    expect(formatLocal(Date.UTC(2026, 0, 1, 0, 0), 'Asia/Kathmandu')).toBe('2026-01-01T05:45:00+05:45');
    expect(localHourStart(Date.UTC(2026, 0, 1, 0, 20), 'Asia/Kathmandu')).toBe(Date.UTC(2026, 0, 1, 0, 15));
  });

  it('lists every day of a month with its bounds', () => {
    const days = daysOfMonth('2026-10', 'Europe/Bucharest');
    expect(days).toHaveLength(31);
    expect(days[24]!.date).toBe('2026-10-25');
    expect(days[24]!.end - days[24]!.start).toBe(25 * H);
    expect(localDateOf(days[30]!.start, 'Europe/Bucharest')).toBe('2026-10-31');
  });

  it('recognises IANA zones and refuses anything else', () => {
    expect(isTimeZone('Europe/Bucharest')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
