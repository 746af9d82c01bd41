// One month of a device: a bar per day, the month's total, and its export; a day opens from its bar.
import { useEffect } from 'react';
import { monthBars, totalKwh } from '../charts/chart-data';
import { MonthChart } from '../charts/MonthChart';
import { ChartSkeleton, Skeleton } from '../components/Skeleton';
import { addMonths } from '../format/calendar-dates';
import { formatKwh } from '../format/format-energy';
import { monthName } from '../format/format-time';
import { useApi } from '../api/api-context';
import { useLoad } from '../hooks/use-load';
import { useLive } from '../live/LiveProvider';
import { routeHref } from '../routing/routes';
import { csvFileName, downloadCsv, toCsv } from './csv-export';
import { LoadFailure } from './LoadFailure';

/** Pushed hour totals change a day's sum: reload the month at most this often, ms. */
const RELOAD_AFTER_PUSH_MS = 3_000;

export function MonthView({
  deviceId,
  name,
  month,
  thisMonth,
  tz,
  onMonth,
}: {
  deviceId: string;
  name: string;
  month: string;
  thisMonth: string;
  tz: string;
  onMonth: (month: string) => void;
}) {
  const api = useApi();
  const { resyncs } = useLive();
  const daily = useLoad(
    () => api.invoke('daily-get', { device_id: deviceId, month, tz }),
    [api, deviceId, month, tz, resyncs],
  );
  const { reload } = daily;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.on('hourly-changed', (change) => {
      if (change.device_id !== deviceId || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        reload();
      }, RELOAD_AFTER_PUSH_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [api, deviceId, reload]);

  const bars = daily.data ? monthBars(daily.data) : null;
  const dayHref = (date: string) => routeHref({ name: 'device', id: deviceId, view: 'day', date });
  const exportCsv = () => {
    if (!daily.data) return;
    const rows = daily.data.days.map((d) => ({ start: d.start, kwh: d.kwh, readings: d.readings }));
    downloadCsv(csvFileName('wattdesk', name, month), toCsv(rows));
  };

  return (
    <>
      <div className="device-toolbar">
        <div className="day-nav" role="group" aria-label="Month">
          <button type="button" className="button" onClick={() => onMonth(addMonths(month, -1))}>
            ‹ Previous month
          </button>
          <span className="month-label">{monthName(month)}</span>
          <button type="button" className="button" onClick={() => onMonth(addMonths(month, 1))}>
            Next month ›
          </button>
          <button
            type="button"
            className="button"
            onClick={() => onMonth(thisMonth)}
            disabled={month === thisMonth}
          >
            This month
          </button>
        </div>
        <button type="button" className="button" onClick={exportCsv} disabled={!daily.data}>
          Export CSV
        </button>
      </div>
      {daily.error && !daily.loading ? (
        <LoadFailure error={daily.error} retry={daily.reload} />
      ) : (
        <>
          <dl className="stats" aria-busy={!bars}>
            <div>
              <dt>Month total</dt>
              <dd>{bars ? formatKwh(totalKwh(bars)) : <Skeleton width={90} height={24} />}</dd>
            </div>
            <div>
              <dt>Days with readings</dt>
              <dd>
                {bars ? bars.filter((b) => b.readings > 0).length : <Skeleton width={30} height={24} />}
              </dd>
            </div>
          </dl>
          {bars ? (
            <MonthChart title={`Energy per day, ${monthName(month)}`} bars={bars} dayHref={dayHref} />
          ) : (
            <ChartSkeleton />
          )}
        </>
      )}
    </>
  );
}
