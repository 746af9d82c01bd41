// A device: its day (or month) as a chart, kept live, with the calendar, export and data quality.
import { useHostStatus } from '../app/HostStatusProvider';
import { PageHeading } from '../app/PageHeading';
import { DevicePageSkeleton } from '../components/Skeleton';
import { DayView } from '../device/DayView';
import { MonthView } from '../device/MonthView';
import { QualityPanel } from '../device/QualityPanel';
import { monthOf, todayIn } from '../format/calendar-dates';
import { formatKwh } from '../format/format-energy';
import { useNow } from '../hooks/use-now';
import { deviceName, useLive } from '../live/LiveProvider';
import { routeHref, type Route } from '../routing/routes';
import { navigate } from '../routing/use-route';
import { useUser } from '../session/SessionProvider';

type DeviceRoute = Extract<Route, { name: 'device' }>;

export function DeviceScreen({ route }: { route: DeviceRoute }) {
  const user = useUser();
  const status = useHostStatus();
  const { devices } = useLive();
  const now = useNow(60_000);
  const device = devices?.find((d) => d.id === route.id);
  const backLabel = user.role === 'admin' ? 'Devices' : 'My devices';
  const breadcrumb = (
    <p className="breadcrumb">
      <a href={routeHref({ name: 'devices' })}>‹ {backLabel}</a>
    </p>
  );

  if (!status || !devices) return <DevicePageSkeleton />;

  if (!device) {
    // The list holds every device the user may see: a client's own, an admin's all.
    const client = user.role !== 'admin';
    return (
      <div className="page">
        <PageHeading before={breadcrumb} title={client ? 'Not one of your devices' : 'No such device'} />
        <div className="panel empty-state" role="alert">
          <p>
            {client
              ? 'This device is not assigned to you, so its readings are not shown. Ask an administrator if it should be.'
              : 'There is no device with this id. It may have been deleted.'}
          </p>
          <a className="button" href={routeHref({ name: 'devices' })}>
            Back to {backLabel.toLowerCase()}
          </a>
        </div>
      </div>
    );
  }

  const tz = status.site_tz;
  const today = todayIn(tz, now);
  const date = route.date ?? today;
  const month = route.month ?? monthOf(date);
  const name = deviceName(device, device.id);
  const go = (changes: Partial<DeviceRoute>) => navigate({ ...route, ...changes }, { replace: true });

  return (
    <div className="page">
      <PageHeading
        before={breadcrumb}
        title={name}
        subtitle={`${device.address ? `${device.address} · ` : ''}Limit ${formatKwh(device.max_hourly_kwh)} per hour · Times in ${tz}`}
        actions={
          <div className="segmented" role="group" aria-label="View">
            <button
              type="button"
              aria-pressed={route.view === 'day'}
              onClick={() => go({ view: 'day', date, month: undefined })}
            >
              Day
            </button>
            <button
              type="button"
              aria-pressed={route.view === 'month'}
              onClick={() => go({ view: 'month', month: monthOf(date), date: undefined })}
            >
              Month
            </button>
          </div>
        }
      />
      {route.view === 'day' ? (
        <DayView
          deviceId={device.id}
          name={name}
          date={date}
          today={today}
          tz={tz}
          onDate={(d) => go({ date: d })}
        />
      ) : (
        <MonthView
          deviceId={device.id}
          name={name}
          month={month}
          thisMonth={monthOf(today)}
          tz={tz}
          onMonth={(m) => go({ month: m })}
        />
      )}
      <QualityPanel deviceId={device.id} />
    </div>
  );
}
