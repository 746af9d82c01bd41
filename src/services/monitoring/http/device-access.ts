// Who may see what: admins and services everything, a client only the devices it owns now
// and the alerts raised while it owned them. Ownership comes from the device events.
import type { AuthUser } from '../../../shared/contracts/auth';
import type { Alert } from '../../../shared/contracts/monitoring-api';
import type { DeviceRecord } from '../store/device-directory';

export function seesEverything(user: AuthUser): boolean {
  return user.role === 'admin' || user.role === 'service';
}

export function canReadDevice(user: AuthUser, device: DeviceRecord | undefined): boolean {
  if (seesEverything(user)) return true;
  return device !== undefined && device.deleted === 0 && device.user_id === user.id;
}

export function canReadAlert(user: AuthUser, alert: Alert): boolean {
  return seesEverything(user) || alert.user_id === user.id;
}
