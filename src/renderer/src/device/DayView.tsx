// One day of a device: the navigator, the day's figures, the hourly chart, kept live, and its export.
import { dayBars, totalKwh } from '../charts/chart-data';
import { DayChart } from '../charts/DayChart';
import { ChartSkeleton, Skeleton } from '../components/Skeleton';
import { formatKwh } from '../format/format-energy';
import { longDate } from '../format/format-time';
import { useNow } from '../hooks/use-now';
import { formatLocal } from '../../../shared/time/local-time';
import { csvFileName, downloadCsv, toCsv } from './csv-export';
import { DayNavigator } from './DayNavigator';
import { LoadFailure } from './LoadFailure';
import { useLiveDay } from './use-live-day';

export function DayView({
  deviceId,
  name,
  date,
  today,
  tz,
  onDate,
}: {
  deviceId: string;
  name: string;
  date: string;
  today: string;
  tz: string;
  onDate: (date: string) => void;
}) {
  const day = useLiveDay(deviceId, date, tz);
  const now = useNow(60_000);
  // Keep showing the last day while the next loads: the chart keeps its place.
  const bars = day.data ? dayBars(day.data, now) : null;
  const limit = day.data?.max_hourly_kwh ?? null;
  const peak = bars?.reduce((p, b) => (b.kwh > p.kwh ? b : p), bars[0]!);
  const over = bars?.filter((b) => b.over).length ?? 0;
  const missing = bars?.filter((b) => b.missing).length ?? 0;

  const exportCsv = () => {
    if (!bars) return;
    const rows = bars.map((b) => ({ start: formatLocal(b.start, tz), kwh: b.kwh, readings: b.readings }));
    downloadCsv(csvFileName('wattdesk', name, date), toCsv(rows));
  };

  return (
    <>
      <div className="device-toolbar">
        <DayNavigator date={date} today={today} onChange={onDate} />
        <button type="button" className="button" onClick={exportCsv} disabled={!bars}>
          Export CSV
        </button>
      </div>
      {day.error && !day.loading ? (
        <LoadFailure error={day.error} retry={day.reload} />
      ) : (
        <>
          <dl className="stats" aria-busy={!bars}>
            <div>
              <dt>Total</dt>
              <dd data-testid="day-total">
                {bars ? formatKwh(totalKwh(bars)) : <Skeleton width={90} height={24} />}
              </dd>
            </div>
            <div>
              <dt>Highest hour</dt>
              <dd>
                {bars && peak ? (
                  peak.kwh > 0 ? (
                    `${formatKwh(peak.kwh)}, ${peak.label}`
                  ) : (
                    'None yet'
                  )
                ) : (
                  <Skeleton width={140} height={24} />
                )}
              </dd>
            </div>
            <div>
              <dt>Hours over the limit</dt>
              <dd className={over ? 'stat-over' : undefined} data-testid="hours-over">
                {bars ? over : <Skeleton width={30} height={24} />}
              </dd>
            </div>
            <div>
              <dt>Hours without readings</dt>
              <dd>{bars ? missing : <Skeleton width={30} height={24} />}</dd>
            </div>
          </dl>
          {bars ? (
            <DayChart title={`Energy per hour, ${longDate(date)}`} bars={bars} limit={limit} />
          ) : (
            <ChartSkeleton />
          )}
        </>
      )}
    </>
  );
}
