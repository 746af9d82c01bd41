// A device at a glance: over its limit this hour, quiet for too long, or fine.
import { isOverLimit } from '../../../shared/alerts/over-limit';
import { hourAt, type HourBar } from '../charts/chart-data';

/** Longer than this without data and a device counts as silent, ms. */
export const NO_DATA_AFTER_MS = 30 * 60_000;

export type DeviceStatus = 'ok' | 'over' | 'no-data';

export interface DeviceGlance {
  status: DeviceStatus;
  /** Energy of the current hour so far, kWh. */
  hourKwh: number;
}

/**
 * The API gives readings per hour, not the time of the last one, so the latest data is taken as late as
 * its hour allows (the end of the last hour with readings, or now within it); a live total pushed for the
 * device (`lastPushAt`) counts too. With nothing today, data may have run until midnight.
 */
export function deviceGlance(
  bars: HourBar[],
  limitKwh: number,
  now: number,
  lastPushAt: number | null = null,
): DeviceGlance {
  const hourKwh = hourAt(bars, now)?.kwh ?? 0;
  if (isOverLimit(hourKwh, limitKwh)) return { status: 'over', hourKwh };
  const withData = bars.filter((b) => b.readings > 0 && b.start <= now);
  const last = withData.at(-1);
  const dayStart = bars[0]?.start ?? now;
  const latest = Math.max(last ? Math.min(last.end, now) : dayStart, lastPushAt ?? -Infinity);
  return { status: now - latest > NO_DATA_AFTER_MS ? 'no-data' : 'ok', hourKwh };
}
