// Preload bridge: exposes the typed `api` to the page as window.wattdesk, and nothing else. One IPC channel
// per request and per event (src/shared/contracts/ipc.ts); the page never sees ipcRenderer or an event object.
// A failed request rejects with a plain ApiFailure (an Error would lose its status and fields crossing the
// context bridge); the page's IPC transport (src/renderer/src/api/ipc-api.ts) makes it an ApiError again.
import { contextBridge, ipcRenderer } from 'electron';
import type { Api, ApiEvents, ApiFailure } from '../shared/contracts/api';
import { isEventChannel, isRequestChannel, type IpcResult } from '../shared/contracts/ipc';

const api = {
  async invoke(name, args) {
    if (!isRequestChannel(name))
      throw { status: 400, error: `no request named ${String(name)}` } satisfies ApiFailure;
    const result = (await ipcRenderer.invoke(name, args)) as IpcResult<never>;
    if (result.ok) return result.value;
    throw result.failure;
  },
  on(event, listener) {
    if (!isEventChannel(event)) throw new Error(`no event named ${String(event)}`);
    const relay = (_event: Electron.IpcRendererEvent, payload: ApiEvents[typeof event]) => listener(payload);
    ipcRenderer.on(event, relay);
    return () => {
      ipcRenderer.removeListener(event, relay);
    };
  },
} satisfies Api;

contextBridge.exposeInMainWorld('wattdesk', api);
