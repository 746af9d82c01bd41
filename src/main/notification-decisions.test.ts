import { describe, expect, it } from 'vitest';
import type { Alert } from '../shared/contracts/monitoring-api';
import {
  alertRoute,
  decideNotification,
  hourLabel,
  PAUSE_MS,
  type NotificationInput,
} from './notification-decisions';

const alert: Alert = {
  id: 7,
  device_id: 'dev 1',
  user_id: 'u1',
  hour_start: '2026-01-31T23:00:00+02:00',
  tz: 'Europe/Bucharest',
  kwh: 3.2,
  max_hourly_kwh: 2.5,
  raised_at: '2026-01-31T23:40:00+02:00',
  acknowledged_at: null,
};
const NOW = Date.parse('2026-01-31T21:40:00Z');
const input: NotificationInput = {
  alert,
  deviceName: 'Heat pump',
  enabled: true,
  pausedUntil: null,
  now: NOW,
  shown: false,
};

describe('notification decisions', () => {
  it('notify a new alert with the device, the hour and kWh against the limit', () => {
    expect(decideNotification(input)).toEqual({
      notify: true,
      title: 'Over limit: Heat pump',
      body: 'Heat pump — 23:00–00:00: 3.2 kWh of 2.5 kWh',
      route: '/devices/dev%201?date=2026-01-31',
    });
    expect(decideNotification({ ...input, deviceName: null })).toMatchObject({
      title: 'Over limit: dev 1',
    });
  });

  it('stay quiet when notifications are off, paused, the alert is acknowledged or was shown', () => {
    expect(decideNotification({ ...input, enabled: false })).toEqual({ notify: false, reason: 'off' });
    expect(decideNotification({ ...input, pausedUntil: NOW + PAUSE_MS })).toEqual({
      notify: false,
      reason: 'paused',
    });
    expect(decideNotification({ ...input, pausedUntil: NOW }).notify).toBe(true);
    expect(
      decideNotification({ ...input, alert: { ...alert, acknowledged_at: '2026-01-31T23:50:00+02:00' } }),
    ).toEqual({ notify: false, reason: 'acknowledged' });
    expect(decideNotification({ ...input, shown: true })).toEqual({ notify: false, reason: 'shown' });
  });

  it('open the day of the hour in the site zone, not in UTC', () => {
    // 23:00 in Bucharest is 21:00 UTC the same day; 01:00 on Feb 1 there is still Jan 31 in UTC.
    expect(alertRoute({ ...alert, hour_start: '2026-02-01T01:00:00+02:00' })).toBe(
      '/devices/dev%201?date=2026-02-01',
    );
  });

  it('name the hour by the local clock, across a daylight-saving change', () => {
    // 2026-10-25 in Bucharest: 04:00 EEST is followed by 03:00 EET, so there are two 03:00 hours.
    expect(hourLabel({ ...alert, hour_start: '2026-10-25T03:00:00+03:00' })).toBe('03:00–04:00');
    expect(hourLabel({ ...alert, hour_start: '2026-10-25T03:00:00+02:00' })).toBe('03:00–04:00');
    // 2026-03-29: 03:00 EET jumps to 04:00 EEST.
    expect(hourLabel({ ...alert, hour_start: '2026-03-29T02:00:00+02:00' })).toBe('02:00–03:00');
    expect(hourLabel({ ...alert, hour_start: '2026-03-29T04:00:00+03:00' })).toBe('04:00–05:00');
    expect(PAUSE_MS).toBe(3_600_000);
  });
});
