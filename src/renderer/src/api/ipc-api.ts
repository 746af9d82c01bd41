// The Electron transport of the Api: the preload exposes `window.wattdesk = { invoke, on }` over IPC, and this
// file is the only renderer code that knows it. Failures cross IPC as plain objects (Electron drops the class
// of a thrown error), so they are turned back into ApiError here.
import { ApiError, type Api, type ApiFailure } from '../../../shared/contracts/api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    wattdesk?: Api;
  }
}

function isFailure(value: unknown): value is ApiFailure {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiFailure).status === 'number' &&
    typeof (value as ApiFailure).error === 'string'
  );
}

/** An ApiError from whatever the bridge rejected with: an ApiFailure, or an Error carrying one as JSON. */
export function toApiError(reason: unknown): unknown {
  if (reason instanceof ApiError) return reason;
  if (isFailure(reason)) return new ApiError(reason.status, reason.error, reason.fields);
  if (reason instanceof Error) {
    // ipcRenderer.invoke rejects with "Error invoking remote method '…': Error: <message>".
    const json = /\{.*\}$/s.exec(reason.message)?.[0];
    if (json) {
      try {
        const parsed: unknown = JSON.parse(json);
        if (isFailure(parsed)) return new ApiError(parsed.status, parsed.error, parsed.fields);
      } catch {
        // not a serialised failure: fall through
      }
    }
  }
  return reason;
}

export function createIpcApi(bridge: Api): Api {
  return {
    invoke: (name, args) =>
      bridge.invoke(name, args).catch((reason: unknown) => Promise.reject(toApiError(reason))),
    on: (event, listener) => bridge.on(event, listener),
  };
}
