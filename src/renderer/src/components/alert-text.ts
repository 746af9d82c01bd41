// How an alert reads in a toast, a table or a screen reader.
import type { Alert } from '../../../shared/contracts/monitoring-api';
import { formatKwh } from '../format/format-energy';
import { clockTime, shortDate } from '../format/format-time';

/** "14:00–15:00" in the alert's zone. */
export function alertHour(alert: Alert): string {
  const start = Date.parse(alert.hour_start);
  return `${clockTime(start, alert.tz)}–${clockTime(start + 3_600_000, alert.tz)}`;
}

/** The local date of the alert's hour, YYYY-MM-DD. */
export function alertDate(alert: Alert): string {
  return alert.hour_start.slice(0, 10);
}

export function alertSummary(alert: Alert, deviceName: string): string {
  return (
    `${deviceName} used ${formatKwh(alert.kwh)} between ${alertHour(alert)} on ${shortDate(alertDate(alert))}, ` +
    `over its limit of ${formatKwh(alert.max_hourly_kwh)}.`
  );
}

/** The short form for a toast: "0.66 kWh in 19:00–20:00, Thu 26 Nov (limit 0.60 kWh)". */
export function alertBrief(alert: Alert): string {
  return `${formatKwh(alert.kwh)} in ${alertHour(alert)}, ${shortDate(alertDate(alert))} (limit ${formatKwh(alert.max_hourly_kwh)})`;
}
