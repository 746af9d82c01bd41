// Catches a new monitoring instance up on every device, from the devices service's snapshot.
// Versions make it safe to mix with the queue: whichever arrives second and is not newer is ignored.
import type { DeviceEvent } from '../../../shared/contracts/device-event';
import type { Logger } from '../../log/logger';
import type { MonitoringStore } from '../store/monitoring-store';

const MIN_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

export type DeviceSnapshotSource = () => Promise<DeviceEvent[]>;

/** Applies the snapshot once, retrying with backoff until it succeeds or `stop` is called. */
export function startDeviceResync(
  source: DeviceSnapshotSource,
  store: MonitoringStore,
  log: Logger,
  onApplied: () => void,
): { done: Promise<void>; stop(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const done = (async () => {
    for (let delay = MIN_RETRY_MS; !stopped; delay = Math.min(delay * 2, MAX_RETRY_MS)) {
      try {
        const events = await source();
        const applied = store.db.transaction(() => events.filter((e) => store.devices.apply(e)).length)();
        log.info({ devices: events.length, applied }, 'device snapshot applied');
        onApplied();
        return;
      } catch (err) {
        log.warn({ err: String(err), retryInMs: delay }, 'device snapshot unavailable; retrying');
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, delay);
        });
      }
    }
  })();
  return {
    done,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      wake?.();
    },
  };
}

/** The snapshot over HTTP, with a service token. */
export function httpDeviceSnapshot(devicesUrl: string, token: () => Promise<string>): DeviceSnapshotSource {
  return async () => {
    const res = await fetch(`${devicesUrl}/api/devices/snapshot`, {
      headers: { authorization: `Bearer ${await token()}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`snapshot: HTTP ${res.status}`);
    const body = (await res.json()) as { events: DeviceEvent[] };
    return body.events;
  };
}
