// The one contract between the UI and its host. The renderer talks to an `Api`; in Electron it travels
// over IPC (preload), in a browser over HTTP + WebSocket to `npm run serve`. Names are kebab-case nouns
// and verbs. Tokens never reach UI code: the transport keeps the session.
import type { AuthUser, LoginRequest } from './auth';
import type { CreateDeviceRequest, DeviceView, UpdateDeviceRequest } from './devices-api';
import type { FirstRun, HostStatus } from './host-api';
import type { Alert, DailyResponse, HourlyResponse, QualityResponse } from './monitoring-api';
import type { Settings } from './settings';
import type { SimulatorStartRequest, SimulatorState } from './simulator-api';
import type { CreateUserRequest, UpdateUserRequest, User } from './users-api';

/** Each request: its argument and its result. */
export interface ApiRequests {
  /** The signed-in user, restoring a kept session (refreshing it if needed); null when signed out. */
  'session-get': { args: void; result: AuthUser | null };
  'session-login': { args: LoginRequest; result: AuthUser };
  'session-logout': { args: void; result: void };
  'first-run-get': { args: void; result: FirstRun };
  /** After the first admin set a new password: the generated one is not shown again. */
  'first-run-complete': { args: void; result: void };
  'status-get': { args: void; result: HostStatus };

  'users-list': { args: void; result: User[] };
  'user-create': { args: CreateUserRequest; result: User };
  'user-update': { args: { id: string; changes: UpdateUserRequest }; result: User };
  'user-delete': { args: { id: string }; result: void };
  'user-password-set': { args: { id: string; password: string }; result: void };

  /** Admin: every device; client: its own. */
  'devices-list': { args: void; result: DeviceView[] };
  'device-create': { args: CreateDeviceRequest; result: DeviceView };
  'device-update': { args: { id: string; changes: UpdateDeviceRequest }; result: DeviceView };
  'device-delete': { args: { id: string }; result: void };

  'hourly-get': { args: { device_id: string; date: string; tz?: string }; result: HourlyResponse };
  'daily-get': { args: { device_id: string; month: string; tz?: string }; result: DailyResponse };
  'quality-get': { args: { device_id: string }; result: QualityResponse };
  'alerts-list': {
    args: { device_id?: string; since?: string; acknowledged?: boolean; limit?: number };
    result: { alerts: Alert[] };
  };
  'alert-ack': { args: { id: number }; result: Alert };
  /** Follow these devices on the live feed (replaces the previous set). */
  'live-subscribe': { args: { device_ids: string[] }; result: void };

  'simulator-get': { args: void; result: SimulatorState };
  'simulator-start': { args: SimulatorStartRequest; result: SimulatorState };
  'simulator-pause': { args: void; result: SimulatorState };
  'simulator-resume': { args: void; result: SimulatorState };
  'simulator-stop': { args: void; result: SimulatorState };

  /** Desktop only: the app's settings. A browser host has none and answers 404. */
  'settings-get': { args: void; result: Settings };
  /** Desktop only: saves them. Services, broker and zone take effect after a restart, which the app offers. */
  'settings-set': { args: Settings; result: Settings };
}

export type LiveFeedState =
  | { state: 'connecting' }
  | { state: 'connected' }
  /** Next attempt at this wall time (epoch ms). */
  | { state: 'reconnecting'; retry_at: number };

/** Each pushed event and its payload. */
export interface ApiEvents {
  'hourly-changed': { device_id: string; start: string; kwh: number };
  'alert-raised': Alert;
  'feed-state': LiveFeedState;
  'simulator-progress': SimulatorState;
  /** The session ended (expired, revoked, or signed out elsewhere). */
  'session-ended': { reason: string };
  /** Desktop only: the host asks the UI to open a route, e.g. `/devices/<id>?date=YYYY-MM-DD` from a notification. */
  navigate: { path: string };
}

export type ApiRequestName = keyof ApiRequests;
export type ApiEventName = keyof ApiEvents;

/** A failed request: `status` as HTTP means it, `fields` naming what was wrong with the arguments. */
export interface ApiFailure {
  status: number;
  error: string;
  fields?: Record<string, string>;
}

export interface Api {
  invoke<K extends ApiRequestName>(name: K, args: ApiRequests[K]['args']): Promise<ApiRequests[K]['result']>;
  /** Returns the function that stops listening. */
  on<K extends ApiEventName>(event: K, listener: (payload: ApiEvents[K]) => void): () => void;
}

/** Thrown by `Api.invoke` when the request failed; UI code shows `fields` next to their inputs. */
export class ApiError extends Error implements ApiFailure {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly fields?: Record<string, string>,
  ) {
    super(error);
    this.name = 'ApiError';
  }
}
