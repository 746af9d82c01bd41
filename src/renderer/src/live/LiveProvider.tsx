// The signed-in app's live state: the devices the user may see (all followed on the live feed), open
// alerts and their toasts, and the feed's state. Screens read it; pushed events change it.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { LiveFeedState } from '../../../shared/contracts/api';
import type { DeviceView } from '../../../shared/contracts/devices-api';
import type { Alert } from '../../../shared/contracts/monitoring-api';
import { useApi } from '../api/api-context';
import { alertsReducer, noAlerts } from './live-reducer';

interface LiveValue {
  /** Null while loading. */
  devices: DeviceView[] | null;
  reloadDevices(): void;
  /** Unacknowledged alerts, newest first. */
  openAlerts: Alert[];
  toasts: Alert[];
  acknowledge(id: number): Promise<Alert>;
  dismissToast(id: number): void;
  feed: LiveFeedState;
  /** Grows each time the feed reconnects: what was pushed meanwhile is lost, so screens load again. */
  resyncs: number;
  /** When the feed last pushed a total for the device, epoch ms. */
  lastPushAt(deviceId: string): number | null;
  /** Grows on every pushed total, so readers of lastPushAt re-render. */
  pushes: number;
}

const LiveContext = createContext<LiveValue | null>(null);

export function LiveProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [devices, setDevices] = useState<DeviceView[] | null>(null);
  const [devicesVersion, setDevicesVersion] = useState(0);
  const [alerts, dispatch] = useReducer(alertsReducer, noAlerts);
  const [feed, setFeed] = useState<LiveFeedState>({ state: 'connecting' });
  const [resyncs, setResyncs] = useState(0);
  const [pushes, setPushes] = useState(0);
  const pushedAt = useRef(new Map<string, number>());
  const wasConnected = useRef(false);

  const reloadDevices = useCallback(() => setDevicesVersion((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    api.invoke('devices-list', undefined).then(
      (list) => {
        if (!live) return;
        setDevices(list);
        void api.invoke('live-subscribe', { device_ids: list.map((d) => d.id) });
      },
      () => live && setDevices((old) => old ?? []),
    );
    return () => {
      live = false;
    };
  }, [api, devicesVersion, resyncs]);

  useEffect(() => {
    let live = true;
    api.invoke('alerts-list', { acknowledged: false, limit: 500 }).then(
      ({ alerts: list }) => live && dispatch({ type: 'loaded', alerts: list }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, resyncs]);

  useEffect(() => {
    const offs = [
      api.on('alert-raised', (alert) => dispatch({ type: 'raised', alert })),
      api.on('hourly-changed', ({ device_id }) => {
        pushedAt.current.set(device_id, Date.now());
        setPushes((n) => n + 1);
      }),
      api.on('feed-state', (state) => {
        setFeed(state);
        if (state.state === 'connected') {
          if (wasConnected.current) setResyncs((n) => n + 1);
          wasConnected.current = true;
        }
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [api]);

  // An alert for a device not in the list: it was just assigned to this user.
  const knownIds = useMemo(() => new Set(devices?.map((d) => d.id)), [devices]);
  const newest = alerts.toasts[0];
  useEffect(() => {
    if (devices && newest && !knownIds.has(newest.device_id)) reloadDevices();
  }, [devices, newest, knownIds, reloadDevices]);

  const acknowledge = useCallback(
    async (id: number) => {
      const alert = await api.invoke('alert-ack', { id });
      dispatch({ type: 'acknowledged', alert });
      return alert;
    },
    [api],
  );
  const dismissToast = useCallback((id: number) => dispatch({ type: 'toast-dismissed', id }), []);
  const lastPushAt = useCallback((deviceId: string) => pushedAt.current.get(deviceId) ?? null, []);

  const value = useMemo(
    () => ({
      devices,
      reloadDevices,
      openAlerts: alerts.open,
      toasts: alerts.toasts,
      acknowledge,
      dismissToast,
      feed,
      resyncs,
      lastPushAt,
      pushes,
    }),
    [devices, reloadDevices, alerts, acknowledge, dismissToast, feed, resyncs, lastPushAt, pushes],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive needs a <LiveProvider> above it');
  return value;
}

/** The device's name as people know it: its description, else its address, else its id. */
export function deviceName(device: DeviceView | undefined, id: string): string {
  return device?.description || device?.address || id;
}
