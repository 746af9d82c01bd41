import { describe, expect, it } from 'vitest';
import type { HourlyResponse } from '../../../shared/contracts/monitoring-api';
import { dayBars } from '../charts/chart-data';
import { deviceGlance } from './device-status';

const tz = 'Europe/Helsinki';
const at = (local: string) => Date.parse(`2026-01-15T${local}:00+02:00`);

function bars(hours: Array<[string, number, number]>, now: number) {
  const day: HourlyResponse = {
    device_id: 'd1',
    date: '2026-01-15',
    tz,
    max_hourly_kwh: 1,
    hours: hours.map(([h, kwh, readings]) => ({ start: `2026-01-15T${h}:00+02:00`, kwh, readings })),
  };
  return dayBars(day, now);
}

describe('a device at a glance', () => {
  it('is over the limit when this hour has used more than the limit', () => {
    const now = at('10:20');
    expect(deviceGlance(bars([['10:00', 1.5, 2]], now), 1, now)).toEqual({ status: 'over', hourKwh: 1.5 });
  });

  it('is fine while this hour has readings within the limit', () => {
    const now = at('10:50');
    expect(deviceGlance(bars([['10:00', 0.4, 5]], now), 1, now)).toEqual({ status: 'ok', hourKwh: 0.4 });
  });

  it('is fine up to 30 minutes after the hour of its last readings', () => {
    const now = at('10:29');
    expect(deviceGlance(bars([['09:00', 0.4, 6]], now), 1, now).status).toBe('ok');
  });

  it('has no data when nothing came for more than 30 minutes', () => {
    const now = at('10:31');
    expect(deviceGlance(bars([['09:00', 0.4, 6]], now), 1, now).status).toBe('no-data');
  });

  it('counts a pushed total as fresh data', () => {
    const now = at('12:00');
    expect(deviceGlance(bars([['09:00', 0.4, 6]], now), 1, now, at('11:45')).status).toBe('ok');
  });

  it('gives a device without readings today until half past midnight', () => {
    expect(deviceGlance(bars([], at('00:20')), 1, at('00:20')).status).toBe('ok');
    expect(deviceGlance(bars([], at('00:40')), 1, at('00:40')).status).toBe('no-data');
  });
});
