// One device on "My devices": today's energy, this hour against the limit, and whether all is well.
import type { DeviceView } from '../../../shared/contracts/devices-api';
import { Skeleton } from '../components/Skeleton';
import { StatusBadge } from '../components/StatusBadge';
import { UsageBar } from '../components/UsageBar';
import { dayBars, totalKwh } from '../charts/chart-data';
import { deviceGlance } from '../device/device-status';
import { useLiveDay } from '../device/use-live-day';
import { formatKwh } from '../format/format-energy';
import { deviceName, useLive } from '../live/LiveProvider';
import { routeHref } from '../routing/routes';

export function DeviceCard({
  device,
  today,
  tz,
  now,
}: {
  device: DeviceView;
  today: string;
  tz: string;
  now: number;
}) {
  const day = useLiveDay(device.id, today, tz);
  const { lastPushAt } = useLive();
  const name = deviceName(device, device.id);
  const bars = day.data ? dayBars(day.data, now) : null;
  const glance = bars ? deviceGlance(bars, device.max_hourly_kwh, now, lastPushAt(device.id)) : null;
  return (
    <li className={`device-card${glance?.status === 'over' ? ' device-card-over' : ''}`}>
      <div className="device-card-head">
        <h2>
          <a href={routeHref({ name: 'device', id: device.id, view: 'day' })}>{name}</a>
        </h2>
        {glance ? <StatusBadge status={glance.status} /> : <Skeleton width={90} height={22} />}
      </div>
      <p className="muted device-card-address">{device.address || 'No address'}</p>
      <dl className="device-card-figures">
        <div>
          <dt>Today</dt>
          <dd className="numeric device-card-today">
            {bars ? formatKwh(totalKwh(bars)) : <Skeleton width={80} height={26} />}
          </dd>
        </div>
        <div className="device-card-hour">
          <dt>This hour</dt>
          <dd>
            {glance ? (
              <UsageBar
                kwh={glance.hourKwh}
                limit={device.max_hourly_kwh}
                label={`${name}: this hour against the limit`}
              />
            ) : (
              <Skeleton height={36} />
            )}
          </dd>
        </div>
      </dl>
      {day.error && (
        <p className="field-error" role="alert">
          {day.error.error}
        </p>
      )}
    </li>
  );
}
