// Hands the one `api` to every component; which transport it is gets decided once, here, at start-up.
import { createContext, useContext, type ReactNode } from 'react';
import type { Api } from '../../../shared/contracts/api';
import { createHttpApi } from './http-api';
import { createIpcApi } from './ipc-api';

const ApiContext = createContext<Api | null>(null);

/** IPC inside Electron (the preload set `window.wattdesk`), HTTP + WebSocket in a browser. */
export function createApi(): Api {
  return window.wattdesk ? createIpcApi(window.wattdesk) : createHttpApi();
}

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiProvider> above it');
  return api;
}
