// Device events as the devices service publishes them on the `devices` queue (docs/contracts.md), for tests
// that give devices owners and limits without going through the devices API.
import type { DeviceEvent } from '../../src/shared/contracts/device-event';

/** `device.upserted` of a device owned by `userId` (null: unassigned) with an hourly limit in kWh. */
export function deviceUpserted(id: string, userId: string | null, maxHourlyKwh: number, version = 1): string {
  const event: DeviceEvent = {
    type: 'device.upserted',
    version,
    device: {
      id,
      user_id: userId,
      description: `fault test ${id}`,
      address: 'test bench',
      max_hourly_kwh: maxHourlyKwh,
    },
  };
  return JSON.stringify(event);
}
