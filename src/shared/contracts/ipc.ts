// The Api over Electron IPC: one channel per request and per event, named as in the contract, and the
// envelope a request's answer travels in (an ApiError's status and fields do not survive a thrown error).
import type { ApiEventName, ApiFailure, ApiRequestName } from './api';

const requests: Record<ApiRequestName, true> = {
  'session-get': true,
  'session-login': true,
  'session-logout': true,
  'first-run-get': true,
  'first-run-complete': true,
  'status-get': true,
  'users-list': true,
  'user-create': true,
  'user-update': true,
  'user-delete': true,
  'user-password-set': true,
  'devices-list': true,
  'device-create': true,
  'device-update': true,
  'device-delete': true,
  'hourly-get': true,
  'daily-get': true,
  'quality-get': true,
  'alerts-list': true,
  'alert-ack': true,
  'live-subscribe': true,
  'simulator-get': true,
  'simulator-start': true,
  'simulator-pause': true,
  'simulator-resume': true,
  'simulator-stop': true,
  'settings-get': true,
  'settings-set': true,
};

const events: Record<ApiEventName, true> = {
  'hourly-changed': true,
  'alert-raised': true,
  'feed-state': true,
  'simulator-progress': true,
  'session-ended': true,
  navigate: true,
};

/** Every request name, which is also its IPC channel. */
export const IPC_REQUEST_CHANNELS = Object.keys(requests) as ApiRequestName[];
/** Every event name, which is also its IPC channel. */
export const IPC_EVENT_CHANNELS = Object.keys(events) as ApiEventName[];

export function isRequestChannel(name: unknown): name is ApiRequestName {
  return typeof name === 'string' && Object.hasOwn(requests, name);
}

export function isEventChannel(name: unknown): name is ApiEventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/**
 * What the main process answers on a request channel. The preload rejects with the failure as a plain
 * object: an Error crossing the context bridge keeps its message only, not `status` and `fields`.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };
