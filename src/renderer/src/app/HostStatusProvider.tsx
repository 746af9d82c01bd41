// What the host says about itself (bus, site time zone), refreshed now and then for the status bar.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { HostStatus } from '../../../shared/contracts/host-api';
import { useApi } from '../api/api-context';

const REFRESH_MS = 10_000;

const HostStatusContext = createContext<HostStatus | null>(null);

export function HostStatusProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [status, setStatus] = useState<HostStatus | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api.invoke('status-get', undefined).then(
        (s) => live && setStatus(s),
        () => live && setStatus((old) => (old ? { ...old, bus: { ...old.bus, connected: false } } : old)),
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api]);
  return <HostStatusContext.Provider value={status}>{children}</HostStatusContext.Provider>;
}

/** Null until the host has answered. */
export function useHostStatus(): HostStatus | null {
  return useContext(HostStatusContext);
}
