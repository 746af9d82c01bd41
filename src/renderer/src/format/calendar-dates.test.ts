import { describe, expect, it } from 'vitest';
import { formatLocal } from '../../../shared/time/local-time';
import { addDays, addMonths, monthGrid, todayIn, wallTimeToInstant } from './calendar-dates';

describe('calendar dates', () => {
  it('steps over month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('lays out a month in weeks from Monday', () => {
    const weeks = monthGrid('2026-02'); // 1 February 2026 is a Sunday
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(weeks.at(-1)).toEqual([
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      null,
    ]);
  });

  it('takes today from the site zone, not the browser', () => {
    const t = Date.parse('2026-01-15T23:30:00Z');
    expect(todayIn('Europe/Helsinki', t)).toBe('2026-01-16');
    expect(todayIn('America/New_York', t)).toBe('2026-01-15');
  });

  it('reads a wall time in the site zone, across a DST change', () => {
    const tz = 'Europe/Helsinki';
    expect(formatLocal(wallTimeToInstant('2026-03-29T05:00', tz), tz)).toBe('2026-03-29T05:00:00+03:00');
    expect(formatLocal(wallTimeToInstant('2026-03-29T01:00', tz), tz)).toBe('2026-03-29T01:00:00+02:00');
    // 03:30 does not exist that night: it resolves to the hour after the jump.
    expect(formatLocal(wallTimeToInstant('2026-03-29T03:30', tz), tz)).toBe('2026-03-29T04:30:00+03:00');
  });
});
