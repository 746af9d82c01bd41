// A device's state in words and colour: never colour alone.
import type { DeviceStatus } from '../device/device-status';

const LOOK: Record<DeviceStatus, { className: string; text: string }> = {
  ok: { className: 'badge badge-ok', text: 'OK' },
  over: { className: 'badge badge-over', text: 'Over the limit' },
  'no-data': { className: 'badge badge-quiet', text: 'No data for 30+ min' },
};

export function StatusBadge({ status }: { status: DeviceStatus }) {
  const look = LOOK[status];
  return <span className={look.className}>{look.text}</span>;
}
