// How pushed events change what is on screen: an hour's new total lands in the day it belongs to, and a raised
// alert becomes an open alert and a toast, once, however often it is delivered.
import type { ApiEvents } from '../../../shared/contracts/api';
import type { Alert, HourlyResponse } from '../../../shared/contracts/monitoring-api';
import { dayBounds, formatLocal } from '../../../shared/time/local-time';

export type HourlyChange = ApiEvents['hourly-changed'];

/** The day with the hour's new total; the same object when the change is for another device or day. */
export function applyHourlyChange(day: HourlyResponse, change: HourlyChange): HourlyResponse {
  if (change.device_id !== day.device_id) return day;
  const start = Date.parse(change.start);
  const bounds = dayBounds(day.date, day.tz);
  if (!(start >= bounds.start && start < bounds.end)) return day;
  const i = day.hours.findIndex((h) => Date.parse(h.start) === start);
  const hours = [...day.hours];
  if (i >= 0) {
    const old = hours[i]!;
    if (old.kwh === change.kwh) return day;
    // A push carries no count of readings (energy may be spread into an hour that has none): the count
    // comes with the next fetch.
    hours[i] = { ...old, kwh: change.kwh };
  } else {
    hours.push({ start: formatLocal(start, day.tz), kwh: change.kwh, readings: 0 });
    hours.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }
  return { ...day, hours };
}

/** Toasts on screen at once; older ones give way. */
export const MAX_TOASTS = 3;

export interface AlertsState {
  /** Unacknowledged alerts, newest first. */
  open: Alert[];
  toasts: Alert[];
}

export type AlertsAction =
  | { type: 'loaded'; alerts: Alert[] }
  | { type: 'raised'; alert: Alert }
  | { type: 'acknowledged'; alert: Alert }
  | { type: 'toast-dismissed'; id: number }
  | { type: 'cleared' };

export const noAlerts: AlertsState = { open: [], toasts: [] };

function newestFirst(a: Alert, b: Alert): number {
  return Date.parse(b.raised_at) - Date.parse(a.raised_at) || b.id - a.id;
}

export function alertsReducer(state: AlertsState, action: AlertsAction): AlertsState {
  switch (action.type) {
    case 'loaded': {
      // Keep alerts pushed while the list was loading; the list itself may be older than they are.
      const loaded = action.alerts.filter((a) => a.acknowledged_at === null);
      const ids = new Set(loaded.map((a) => a.id));
      return { ...state, open: [...loaded, ...state.open.filter((a) => !ids.has(a.id))].sort(newestFirst) };
    }
    case 'raised': {
      const { alert } = action;
      if (alert.acknowledged_at !== null || state.open.some((a) => a.id === alert.id)) return state;
      return {
        open: [alert, ...state.open].sort(newestFirst),
        toasts: [alert, ...state.toasts].slice(0, MAX_TOASTS),
      };
    }
    case 'acknowledged':
      return {
        open: state.open.filter((a) => a.id !== action.alert.id),
        toasts: state.toasts.filter((a) => a.id !== action.alert.id),
      };
    case 'toast-dismissed':
      return { ...state, toasts: state.toasts.filter((a) => a.id !== action.id) };
    case 'cleared':
      return noAlerts;
  }
}
