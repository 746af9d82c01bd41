// The defaults of a replay, and the check of options no caller should pass.
import type { ReplayOptions } from './replay-types';

export const DEFAULT_INTERVAL_MS = 10 * 60_000;
export const DEFAULT_QUEUE = 'consumptions';
/** The broker the app itself tries first (see src/services/config). */
export const DEFAULT_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';
/** Messages awaiting confirmation at once: enough to keep the broker busy, few enough to resend quickly. */
export const DEFAULT_MAX_IN_FLIGHT = 1000;

/** Refuses options no caller should pass (a CLI validates what people type before this). */
export function checkReplayOptions(o: ReplayOptions): void {
  const positiveInt = (v: number | undefined, name: string): void => {
    if (v !== undefined && !(Number.isSafeInteger(v) && v > 0))
      throw new RangeError(`${name} must be a positive integer`);
  };
  positiveInt(o.intervalMs, 'intervalMs');
  positiveInt(o.fromLine, 'fromLine');
  positiveInt(o.fromPass, 'fromPass');
  positiveInt(o.maxInFlight, 'maxInFlight');
  if (o.speed !== undefined && o.speed !== 'max' && !(Number.isFinite(o.speed) && o.speed > 0))
    throw new RangeError("speed must be a positive number or 'max'");
  if ((o.fromPass ?? 1) > 1 && !o.loop) throw new RangeError('fromPass needs loop');
  if (o.devices && new Set(o.devices).size !== o.devices.length)
    throw new RangeError('devices must be distinct');
}
