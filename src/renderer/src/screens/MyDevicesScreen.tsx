// "My devices": every device the user may see, with today's energy and its state at a glance.
import { Skeleton } from '../components/Skeleton';
import { todayIn } from '../format/calendar-dates';
import { longDate } from '../format/format-time';
import { useHostStatus } from '../app/HostStatusProvider';
import { useNow } from '../hooks/use-now';
import { useLive } from '../live/LiveProvider';
import { useUser } from '../session/SessionProvider';
import { PageHeading } from '../app/PageHeading';
import { routeHref } from '../routing/routes';
import { DeviceCard } from './DeviceCard';

export function MyDevicesScreen() {
  const user = useUser();
  const { devices } = useLive();
  const status = useHostStatus();
  const now = useNow(30_000);
  const admin = user.role === 'admin';
  const today = status ? todayIn(status.site_tz, now) : null;
  return (
    <div className="page">
      <PageHeading
        title={admin ? 'Devices' : 'My devices'}
        subtitle={today ? `Today, ${longDate(today)}. Totals update live.` : 'Today. Totals update live.'}
      />
      {!devices || !status || !today ? (
        <ul className="device-grid" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <li key={i} className="device-card">
              <Skeleton width="60%" height={22} />
              <Skeleton width="40%" />
              <Skeleton height={64} />
            </li>
          ))}
        </ul>
      ) : devices.length === 0 ? (
        <div className="panel empty-state">
          <h2>No devices yet</h2>
          {admin ? (
            <p>
              Add a meter under <a href={routeHref({ name: 'admin-devices' })}>Manage devices</a> and assign
              it to a user.
            </p>
          ) : (
            <p>An administrator has not assigned any meter to you yet.</p>
          )}
        </div>
      ) : (
        <ul className="device-grid">
          {devices.map((device) => (
            <DeviceCard key={device.id} device={device} today={today} tz={status.site_tz} now={now} />
          ))}
        </ul>
      )}
    </div>
  );
}
