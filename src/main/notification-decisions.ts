// Which over-limit alerts become a native notification, what it says, and where clicking it leads.
import type { Alert } from '../shared/contracts/monitoring-api';
import { formatLocal, localDateOf, MS_PER_HOUR } from '../shared/time/local-time';

/** "Pause notifications for 1 hour". */
export const PAUSE_MS = MS_PER_HOUR;

export interface NotificationInput {
  alert: Alert;
  /** The device's description, when known. */
  deviceName: string | null;
  /** The notifications setting. */
  enabled: boolean;
  /** Epoch ms until which notifications are paused, or null. */
  pausedUntil: number | null;
  now: number;
  /** This alert was shown already (the feed can bring it twice, e.g. to an owner who is also watching). */
  shown: boolean;
}

export type NotificationDecision =
  | { notify: false; reason: 'off' | 'paused' | 'acknowledged' | 'shown' }
  | { notify: true; title: string; body: string; route: string };

export function decideNotification(input: NotificationInput): NotificationDecision {
  if (!input.enabled) return { notify: false, reason: 'off' };
  if (input.pausedUntil !== null && input.now < input.pausedUntil) return { notify: false, reason: 'paused' };
  if (input.alert.acknowledged_at !== null) return { notify: false, reason: 'acknowledged' };
  if (input.shown) return { notify: false, reason: 'shown' };
  const { alert } = input;
  const name = input.deviceName ?? alert.device_id;
  return {
    notify: true,
    title: `Over limit: ${name}`,
    body: `${name} — ${hourLabel(alert)}: ${kwh(alert.kwh)} kWh of ${kwh(alert.max_hourly_kwh)} kWh`,
    route: alertRoute(alert),
  };
}

/** The device's chart on the alert's day, in the site zone the alert was raised in. */
export function alertRoute(alert: Alert): string {
  const date = localDateOf(Date.parse(alert.hour_start), alert.tz);
  return `/devices/${encodeURIComponent(alert.device_id)}?date=${date}`;
}

/**
 * "14:00–15:00" by the clock of the alert's zone. The end is the next hour on the dial, as people name an
 * hour, even where daylight saving moves the clock (the 02:00 hour is 02:00–03:00 on both change days).
 */
export function hourLabel(alert: Alert): string {
  const start = formatLocal(Date.parse(alert.hour_start), alert.tz).slice(11, 16);
  const [hour = 0, minute = 0] = start.split(':').map(Number);
  const end = `${String((hour + 1) % 24).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return `${start}–${end}`;
}

/** At most two decimals, no trailing zeros: 3.2, 2.5, 10. */
function kwh(value: number): string {
  return String(Math.round(value * 100) / 100);
}
