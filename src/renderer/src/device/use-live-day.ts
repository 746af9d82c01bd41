// A device's hours on a date, loaded and then kept current by the live feed.
import { useEffect } from 'react';
import type { HourlyResponse } from '../../../shared/contracts/monitoring-api';
import { useApi } from '../api/api-context';
import { useLoad, type Loaded } from '../hooks/use-load';
import { applyHourlyChange } from '../live/live-reducer';
import { useLive } from '../live/LiveProvider';

/** After a push, the day is fetched again this much later (once for a burst of pushes), ms. */
const RECOUNT_AFTER_MS = 2_000;

export function useLiveDay(deviceId: string, date: string, tz: string): Loaded<HourlyResponse> {
  const api = useApi();
  const { resyncs } = useLive();
  const day = useLoad(
    () => api.invoke('hourly-get', { device_id: deviceId, date, tz }),
    [api, deviceId, date, tz, resyncs],
  );
  const { update, reload } = day;
  useEffect(() => {
    let recount: ReturnType<typeof setTimeout> | undefined;
    const off = api.on('hourly-changed', (change) => {
      update((old) => applyHourlyChange(old, change));
      // Pushes carry totals only: fetch the day again soon for its counts of readings.
      if (change.device_id !== deviceId || recount) return;
      recount = setTimeout(() => {
        recount = undefined;
        reload();
      }, RECOUNT_AFTER_MS);
    });
    return () => {
      off();
      clearTimeout(recount);
    };
  }, [api, update, reload, deviceId]);
  return day;
}
