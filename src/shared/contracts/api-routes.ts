// How each request of the Api travels over HTTP: which service, method, path and body. Pure data, used by
// both transports (the browser's HTTP client and the desktop main process) and by the headless gateway.
import type { ApiRequestName, ApiRequests } from './api';

export type ServiceName = 'users' | 'devices' | 'monitoring' | 'host';
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface HttpCall {
  service: ServiceName;
  method: HttpMethod;
  /** Path with its query string, e.g. `/api/devices/abc/hourly?date=2026-01-01`. */
  path: string;
  body?: unknown;
}

/**
 * Requests whose HTTP form is plain; the session ones and `live-subscribe` are the transport's own, and the
 * settings belong to the desktop host alone.
 */
export type RoutedRequest = Exclude<
  ApiRequestName,
  `session-${string}` | 'live-subscribe' | `settings-${string}`
>;

const id = encodeURIComponent;

function query(params: Record<string, string | number | boolean | undefined>): string {
  const pairs = Object.entries(params).filter(
    (p): p is [string, string | number | boolean] => p[1] !== undefined,
  );
  return pairs.length
    ? `?${new URLSearchParams(pairs.map(([k, v]): [string, string] => [k, String(v)])).toString()}`
    : '';
}

export const apiRoutes: { [K in RoutedRequest]: (args: ApiRequests[K]['args']) => HttpCall } = {
  'first-run-get': () => ({ service: 'host', method: 'GET', path: '/api/host/first-run' }),
  'first-run-complete': () => ({ service: 'host', method: 'POST', path: '/api/host/first-run/complete' }),
  'status-get': () => ({ service: 'host', method: 'GET', path: '/api/host/status' }),

  'users-list': () => ({ service: 'users', method: 'GET', path: '/api/users' }),
  'user-create': (a) => ({ service: 'users', method: 'POST', path: '/api/users', body: a }),
  'user-update': (a) => ({
    service: 'users',
    method: 'PATCH',
    path: `/api/users/${id(a.id)}`,
    body: a.changes,
  }),
  'user-delete': (a) => ({ service: 'users', method: 'DELETE', path: `/api/users/${id(a.id)}` }),
  'user-password-set': (a) => ({
    service: 'users',
    method: 'PUT',
    path: `/api/users/${id(a.id)}/password`,
    body: { password: a.password },
  }),

  'devices-list': () => ({ service: 'devices', method: 'GET', path: '/api/devices' }),
  'device-create': (a) => ({ service: 'devices', method: 'POST', path: '/api/devices', body: a }),
  'device-update': (a) => ({
    service: 'devices',
    method: 'PATCH',
    path: `/api/devices/${id(a.id)}`,
    body: a.changes,
  }),
  'device-delete': (a) => ({ service: 'devices', method: 'DELETE', path: `/api/devices/${id(a.id)}` }),

  'hourly-get': (a) => ({
    service: 'monitoring',
    method: 'GET',
    path: `/api/devices/${id(a.device_id)}/hourly${query({ date: a.date, tz: a.tz })}`,
  }),
  'daily-get': (a) => ({
    service: 'monitoring',
    method: 'GET',
    path: `/api/devices/${id(a.device_id)}/daily${query({ month: a.month, tz: a.tz })}`,
  }),
  'quality-get': (a) => ({
    service: 'monitoring',
    method: 'GET',
    path: `/api/devices/${id(a.device_id)}/quality`,
  }),
  'alerts-list': (a) => ({ service: 'monitoring', method: 'GET', path: `/api/alerts${query(a)}` }),
  'alert-ack': (a) => ({ service: 'monitoring', method: 'POST', path: `/api/alerts/${a.id}/ack` }),

  'simulator-get': () => ({ service: 'host', method: 'GET', path: '/api/simulator' }),
  'simulator-start': (a) => ({ service: 'host', method: 'POST', path: '/api/simulator/start', body: a }),
  'simulator-pause': () => ({ service: 'host', method: 'POST', path: '/api/simulator/pause' }),
  'simulator-resume': () => ({ service: 'host', method: 'POST', path: '/api/simulator/resume' }),
  'simulator-stop': () => ({ service: 'host', method: 'POST', path: '/api/simulator/stop' }),
};

/**
 * Which service answers a path, for a gateway that serves them all on one origin. Monitoring owns the
 * per-device energy routes, alerts and the live feed; devices the rest of /api/devices; users the
 * accounts, sign-in and keys; the host its own /api/host and /api/simulator.
 */
export function serviceOfPath(path: string): ServiceName | null {
  if (/^\/api\/devices\/[^/]+\/(hourly|daily|quality)(\?|$)/.test(path)) return 'monitoring';
  if (/^\/api\/alerts(\/|\?|$)/.test(path) || /^\/ws(\?|$)/.test(path)) return 'monitoring';
  if (/^\/api\/devices(\/|\?|$)/.test(path)) return 'devices';
  if (/^\/api\/(auth|users|me)(\/|\?|$)/.test(path) || path.startsWith('/.well-known/')) return 'users';
  if (/^\/api\/(host|simulator)(\/|\?|$)/.test(path)) return 'host';
  return null;
}
