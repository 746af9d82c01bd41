import { describe, expect, it } from 'vitest';
import type { Alert, HourlyResponse } from '../../../shared/contracts/monitoring-api';
import { alertsReducer, applyHourlyChange, MAX_TOASTS, noAlerts, type AlertsState } from './live-reducer';

const day: HourlyResponse = {
  device_id: 'd1',
  date: '2026-03-29',
  tz: 'Europe/Helsinki',
  max_hourly_kwh: 1,
  hours: [
    { start: '2026-03-29T00:00:00+02:00', kwh: 0.2, readings: 4 },
    { start: '2026-03-29T02:00:00+02:00', kwh: 0, readings: 0 },
    { start: '2026-03-29T04:00:00+03:00', kwh: 0.1, readings: 2 },
  ],
};

describe('a pushed hour total', () => {
  it('replaces the total of its hour, matched by instant whatever offset it is written with', () => {
    const next = applyHourlyChange(day, { device_id: 'd1', start: '2026-03-29T01:00:00Z', kwh: 0.9 });
    expect(next.hours[2]).toEqual({ start: '2026-03-29T04:00:00+03:00', kwh: 0.9, readings: 2 });
    expect(day.hours[2]!.kwh).toBe(0.1);
  });

  it('keeps the count of readings, which a push does not carry', () => {
    const next = applyHourlyChange(day, { device_id: 'd1', start: '2026-03-29T02:00:00+02:00', kwh: 0.3 });
    expect(next.hours[1]).toEqual({ start: '2026-03-29T02:00:00+02:00', kwh: 0.3, readings: 0 });
  });

  it('is the same day when the total did not change', () => {
    expect(applyHourlyChange(day, { device_id: 'd1', start: '2026-03-29T00:00:00+02:00', kwh: 0.2 })).toBe(
      day,
    );
  });

  it('adds an hour the day did not list yet, in order, in the day zone', () => {
    const next = applyHourlyChange(day, { device_id: 'd1', start: '2026-03-28T23:00:00Z', kwh: 0.5 });
    expect(next.hours.map((h) => h.start)).toEqual([
      '2026-03-29T00:00:00+02:00',
      '2026-03-29T01:00:00+02:00',
      '2026-03-29T02:00:00+02:00',
      '2026-03-29T04:00:00+03:00',
    ]);
  });

  it('leaves the day alone for another device or another day', () => {
    expect(applyHourlyChange(day, { device_id: 'd2', start: '2026-03-29T00:00:00+02:00', kwh: 5 })).toBe(day);
    expect(applyHourlyChange(day, { device_id: 'd1', start: '2026-03-30T00:00:00+03:00', kwh: 5 })).toBe(day);
    expect(applyHourlyChange(day, { device_id: 'd1', start: '2026-03-28T23:00:00+02:00', kwh: 5 })).toBe(day);
  });

  it('ends the day at the next local midnight, after 23 hours on the spring-forward day', () => {
    const lastHour = '2026-03-29T23:00:00+03:00';
    expect(applyHourlyChange(day, { device_id: 'd1', start: lastHour, kwh: 1 }).hours.at(-1)!.start).toBe(
      lastHour,
    );
  });
});

function alert(id: number, changes: Partial<Alert> = {}): Alert {
  return {
    id,
    device_id: 'd1',
    user_id: 'u1',
    hour_start: '2026-01-15T14:00:00+02:00',
    tz: 'Europe/Helsinki',
    kwh: 1.2,
    max_hourly_kwh: 1,
    raised_at: `2026-01-15T12:${String(id).padStart(2, '0')}:00Z`,
    acknowledged_at: null,
    ...changes,
  };
}

describe('alerts as they arrive', () => {
  it('a raised alert becomes an open alert and a toast', () => {
    const state = alertsReducer(noAlerts, { type: 'raised', alert: alert(1) });
    expect(state.open.map((a) => a.id)).toEqual([1]);
    expect(state.toasts.map((a) => a.id)).toEqual([1]);
  });

  it('an alert delivered twice is shown once', () => {
    const once = alertsReducer(noAlerts, { type: 'raised', alert: alert(1) });
    expect(alertsReducer(once, { type: 'raised', alert: alert(1) })).toBe(once);
  });

  it('keeps only the newest toasts on screen, but counts every open alert', () => {
    let state: AlertsState = noAlerts;
    for (let id = 1; id <= MAX_TOASTS + 2; id++)
      state = alertsReducer(state, { type: 'raised', alert: alert(id) });
    expect(state.toasts.map((a) => a.id)).toEqual([5, 4, 3]);
    expect(state.open).toHaveLength(MAX_TOASTS + 2);
  });

  it('acknowledging removes the alert from the count and its toast', () => {
    let state = alertsReducer(noAlerts, { type: 'raised', alert: alert(1) });
    state = alertsReducer(state, { type: 'raised', alert: alert(2) });
    state = alertsReducer(state, {
      type: 'acknowledged',
      alert: alert(1, { acknowledged_at: '2026-01-15T13:00:00Z' }),
    });
    expect(state.open.map((a) => a.id)).toEqual([2]);
    expect(state.toasts.map((a) => a.id)).toEqual([2]);
  });

  it('dismissing a toast keeps the alert open', () => {
    const state = alertsReducer(alertsReducer(noAlerts, { type: 'raised', alert: alert(1) }), {
      type: 'toast-dismissed',
      id: 1,
    });
    expect(state.toasts).toEqual([]);
    expect(state.open).toHaveLength(1);
  });

  it('the loaded list joins the alerts pushed while it loaded, without toasts for old ones', () => {
    const pushed = alertsReducer(noAlerts, { type: 'raised', alert: alert(5) });
    const state = alertsReducer(pushed, { type: 'loaded', alerts: [alert(3), alert(5), alert(4)] });
    expect(state.open.map((a) => a.id)).toEqual([5, 4, 3]);
    expect(state.toasts.map((a) => a.id)).toEqual([5]);
  });

  it('an alert that arrives acknowledged is not counted', () => {
    const state = alertsReducer(noAlerts, {
      type: 'raised',
      alert: alert(1, { acknowledged_at: '2026-01-15T13:00:00Z' }),
    });
    expect(state).toBe(noAlerts);
  });
});
