// Alerts: every over-limit hour the user may see, filtered by device and state, acknowledged one by one.
import { useEffect, useState } from 'react';
import type { Alert } from '../../../shared/contracts/monitoring-api';
import { useApi } from '../api/api-context';
import { PageHeading } from '../app/PageHeading';
import { alertDate, alertHour } from '../components/alert-text';
import { Skeleton } from '../components/Skeleton';
import { wallTimeToInstant } from '../format/calendar-dates';
import { formatKwh } from '../format/format-energy';
import { dateTime, shortDate } from '../format/format-time';
import { useHostStatus } from '../app/HostStatusProvider';
import { useLoad } from '../hooks/use-load';
import { deviceName, useLive } from '../live/LiveProvider';
import { routeHref } from '../routing/routes';

type StateFilter = 'open' | 'acknowledged' | 'all';

const LIMIT = 500;

export function AlertsScreen() {
  const api = useApi();
  const status = useHostStatus();
  const { devices, acknowledge, resyncs, openAlerts } = useLive();
  const [device, setDevice] = useState('');
  const [state, setState] = useState<StateFilter>('open');
  const [since, setSince] = useState('');
  const [acking, setAcking] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const tz = status?.site_tz;

  const list = useLoad(
    () =>
      api.invoke('alerts-list', {
        device_id: device || undefined,
        acknowledged: state === 'all' ? undefined : state === 'acknowledged',
        since: since && tz ? String(wallTimeToInstant(`${since}T00:00`, tz)) : undefined,
        limit: LIMIT,
      }),
    [api, device, state, since, tz, resyncs],
  );
  const { reload } = list;
  // A new alert may belong in the list: the open count grows when one arrives.
  const newest = openAlerts[0]?.id;
  useEffect(() => {
    if (newest !== undefined) reload();
  }, [newest, reload]);

  const ack = async (alert: Alert) => {
    setAcking(alert.id);
    setFailure(null);
    try {
      const done = await acknowledge(alert.id);
      list.update((old) => ({
        alerts:
          state === 'open'
            ? old.alerts.filter((a) => a.id !== done.id)
            : old.alerts.map((a) => (a.id === done.id ? done : a)),
      }));
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setAcking(null);
    }
  };

  const nameOf = (id: string) =>
    deviceName(
      devices?.find((d) => d.id === id),
      id,
    );
  const alerts = list.data?.alerts;

  return (
    <div className="page">
      <PageHeading
        title="Alerts"
        subtitle={`An alert is raised once for each hour a device uses more than its limit. ${openAlerts.length} unacknowledged.`}
      />
      <form
        className="filters panel"
        role="search"
        aria-label="Filter alerts"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="filter-device">Device</label>
          <select id="filter-device" value={device} onChange={(e) => setDevice(e.target.value)}>
            <option value="">All devices</option>
            {devices?.map((d) => (
              <option key={d.id} value={d.id}>
                {nameOf(d.id)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-state">State</label>
          <select id="filter-state" value={state} onChange={(e) => setState(e.target.value as StateFilter)}>
            <option value="open">Unacknowledged</option>
            <option value="acknowledged">Acknowledged</option>
            <option value="all">All</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-since">From day</label>
          <input id="filter-since" type="date" value={since} onChange={(e) => setSince(e.target.value)} />
        </div>
      </form>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {list.error ? (
        <div className="panel empty-state" role="alert">
          <p>{list.error.error}</p>
          <button type="button" className="button" onClick={list.reload}>
            Try again
          </button>
        </div>
      ) : !alerts || !tz ? (
        <div className="table-wrap" aria-busy="true">
          <div className="loading alerts-skeleton">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} height={28} />
            ))}
          </div>
        </div>
      ) : alerts.length === 0 ? (
        <div className="panel empty-state">
          <h2>No alerts</h2>
          <p>
            {state === 'open'
              ? 'Nothing is waiting for you: every alert is acknowledged.'
              : 'No alert matches the filter.'}
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Alerts, newest hour first</caption>
            <thead>
              <tr>
                <th scope="col">Hour</th>
                <th scope="col">Device</th>
                <th scope="col" className="num">
                  Energy
                </th>
                <th scope="col" className="num">
                  Limit
                </th>
                <th scope="col">Raised</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((a) => (
                <tr key={a.id} data-testid="alert-row">
                  <th scope="row">
                    {shortDate(alertDate(a))}, {alertHour(a)}
                  </th>
                  <td>
                    <a href={routeHref({ name: 'device', id: a.device_id, view: 'day', date: alertDate(a) })}>
                      {nameOf(a.device_id)}
                    </a>
                  </td>
                  <td className="num alert-kwh">{formatKwh(a.kwh)}</td>
                  <td className="num">{formatKwh(a.max_hourly_kwh)}</td>
                  <td>{dateTime(Date.parse(a.raised_at), tz)}</td>
                  <td>
                    {a.acknowledged_at ? (
                      <span className="badge badge-ok">Acknowledged</span>
                    ) : (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => void ack(a)}
                        disabled={acking === a.id}
                        aria-label={`Acknowledge the alert for ${nameOf(a.device_id)}, ${alertHour(a)}`}
                      >
                        Acknowledge
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
