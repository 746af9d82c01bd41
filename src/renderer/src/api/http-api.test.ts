// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/contracts/api';
import type { TokenResponse } from '../../../shared/contracts/auth';
import { HttpApi, REFRESH_TOKEN_KEY } from './http-api';

const ORIGIN = 'http://wattdesk.test';
const alice = { id: 'u1', username: 'alice', display_name: 'Alice', role: 'client' as const };

function tokens(n: number, expiresIn = 900): TokenResponse {
  return { access_token: `access-${n}`, refresh_token: `refresh-${n}`, expires_in: expiresIn, user: alice };
}

type Handler = (request: {
  method: string;
  path: string;
  body: unknown;
  token: string | null;
}) => Response | Promise<Response>;

function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** A fetch that answers from `handler` and records each request. */
function fakeFetch(handler: Handler) {
  const requests: Array<{ method: string; path: string; body: unknown; token: string | null }> = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const request = {
      method: init?.method ?? 'GET',
      path: String(url).slice(ORIGIN.length),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      token: headers.Authorization?.replace(/^Bearer /, '') ?? null,
    };
    requests.push(request);
    return handler(request);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

/** A WebSocket the test drives: it opens, answers and closes when told to. */
class FakeSocket {
  static all: FakeSocket[] = [];
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.onclose?.({ code });
  }
}

function newApi(handler: Handler) {
  const { fetch, requests } = fakeFetch(handler);
  const api = new HttpApi({
    origin: ORIGIN,
    storage: window.localStorage,
    fetch,
    WebSocket: FakeSocket as unknown as typeof WebSocket,
  });
  return { api, requests };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  window.localStorage.clear();
  FakeSocket.all = [];
});
afterEach(() => vi.useRealTimers());

describe('the browser session', () => {
  it('keeps the refresh token for the next visit, and the access token in memory only', async () => {
    const { api, requests } = newApi(({ path }) =>
      path === '/api/auth/login' ? json(200, tokens(1)) : json(200, []),
    );
    expect(await api.invoke('session-login', { username: 'alice', password: 'secret-1' })).toEqual({
      id: 'u1',
      username: 'alice',
      role: 'client',
    });
    expect(window.localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('access-1');
    await api.invoke('devices-list', undefined);
    expect(requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/devices', token: 'access-1' });
  });

  it('restores a kept session in a new page by refreshing it', async () => {
    window.localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');
    const { api, requests } = newApi(() => json(200, tokens(2)));
    expect(await api.invoke('session-get', undefined)).toMatchObject({ username: 'alice' });
    expect(requests).toEqual([
      { method: 'POST', path: '/api/auth/refresh', body: { refresh_token: 'refresh-1' }, token: null },
    ]);
    expect(window.localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');
  });

  it('is signed out without asking the host when nothing is kept', async () => {
    const { api, requests } = newApi(() => json(500));
    expect(await api.invoke('session-get', undefined)).toBeNull();
    expect(requests).toEqual([]);
  });

  it('refreshes once for requests that all meet an expired token, then repeats each of them', async () => {
    let release!: () => void;
    const refreshed = new Promise<void>((resolve) => (release = resolve));
    const { api, requests } = newApi(async ({ path, token }) => {
      if (path === '/api/auth/login') return json(200, tokens(1));
      if (path === '/api/auth/refresh') {
        await refreshed;
        return json(200, tokens(2));
      }
      return token === 'access-2' ? json(200, { ok: path }) : json(401, { error: 'token expired' });
    });
    await api.invoke('session-login', { username: 'alice', password: 'secret-1' });
    const answers = Promise.all([
      api.invoke('devices-list', undefined),
      api.invoke('users-list', undefined),
      api.invoke('quality-get', { device_id: 'd1' }),
    ]);
    await settle();
    release();
    expect(await answers).toEqual([
      { ok: '/api/devices' },
      { ok: '/api/users' },
      { ok: '/api/devices/d1/quality' },
    ]);
    expect(requests.filter((r) => r.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('ends the session, and says so, when the refresh token is refused', async () => {
    const { api } = newApi(({ path }) => {
      if (path === '/api/auth/login') return json(200, tokens(1));
      if (path === '/api/auth/refresh') return json(401, { error: 'refresh token reused' });
      return json(401, { error: 'token expired' });
    });
    const ended = vi.fn();
    api.on('session-ended', ended);
    await api.invoke('session-login', { username: 'alice', password: 'secret-1' });
    await expect(api.invoke('devices-list', undefined)).rejects.toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledWith({ reason: 'Your session has expired. Please sign in again.' });
    expect(window.localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('signs out by revoking the refresh token', async () => {
    const { api, requests } = newApi(({ path }) =>
      path === '/api/auth/login' ? json(200, tokens(1)) : json(204),
    );
    await api.invoke('session-login', { username: 'alice', password: 'secret-1' });
    await api.invoke('session-logout', undefined);
    expect(requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/auth/logout',
      body: { refresh_token: 'refresh-1' },
    });
    expect(window.localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(await api.invoke('session-get', undefined)).toBeNull();
  });

  it('turns a refused request into an ApiError that names the fields', async () => {
    const { api } = newApi(({ path }) =>
      path === '/api/auth/login'
        ? json(200, tokens(1))
        : json(400, { error: 'invalid username', fields: { username: 'is required' } }),
    );
    await api.invoke('session-login', { username: 'alice', password: 'secret-1' });
    const failure = await api
      .invoke('user-create', { username: '', display_name: 'A', role: 'client', password: 'long enough' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      status: 400,
      error: 'invalid username',
      fields: { username: 'is required' },
    });
  });
});

describe('the live feed in a browser', () => {
  async function signedIn() {
    const { api, requests } = newApi(({ path }) =>
      path === '/api/auth/login' ? json(200, tokens(1)) : json(200, {}),
    );
    await api.invoke('session-login', { username: 'alice', password: 'secret-1' });
    return { api, requests };
  }

  it('signs in with its first message, then follows the devices asked for', async () => {
    const { api } = await signedIn();
    const states: unknown[] = [];
    api.on('feed-state', (s) => states.push(s));
    await api.invoke('live-subscribe', { device_ids: ['d1', 'd2'] });
    const socket = FakeSocket.all[0]!;
    expect(socket.url).toBe('ws://wattdesk.test/ws');
    socket.open();
    await settle();
    expect(socket.sent).toEqual([{ type: 'auth', token: 'access-1' }]);
    socket.receive({ type: 'authenticated', user: alice });
    expect(socket.sent[1]).toEqual({ type: 'subscribe', device_ids: ['d1', 'd2'] });
    expect(states.at(-1)).toEqual({ state: 'connected' });
  });

  it('passes on pushed totals and alerts as events', async () => {
    const { api } = await signedIn();
    const hourly = vi.fn();
    const alerts = vi.fn();
    api.on('hourly-changed', hourly);
    api.on('alert-raised', alerts);
    const socket = FakeSocket.all[0]!;
    socket.open();
    await settle();
    socket.receive({ type: 'authenticated', user: alice });
    socket.receive({ type: 'hourly', device_id: 'd1', start: '2026-01-15T14:00:00+02:00', kwh: 0.7 });
    const alert = {
      id: 4,
      device_id: 'd1',
      user_id: 'u1',
      hour_start: '2026-01-15T14:00:00+02:00',
      tz: 'Europe/Helsinki',
      kwh: 0.7,
      max_hourly_kwh: 0.5,
      raised_at: '2026-01-15T12:40:00.000Z',
      acknowledged_at: null,
    };
    socket.receive({ type: 'alert', ...alert });
    expect(hourly).toHaveBeenCalledWith({ device_id: 'd1', start: '2026-01-15T14:00:00+02:00', kwh: 0.7 });
    expect(alerts).toHaveBeenCalledWith(alert);
  });

  it('reconnects after a drop with growing delays, counting down, and follows the same devices again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { api } = await signedIn();
    const states: Array<{ state: string; retry_at?: number }> = [];
    api.on('feed-state', (s) => states.push(s));
    await api.invoke('live-subscribe', { device_ids: ['d1'] });

    FakeSocket.all[0]!.drop();
    const first = states.at(-1)!;
    expect(first.state).toBe('reconnecting');
    const firstDelay = first.retry_at! - Date.now();
    expect(firstDelay).toBeGreaterThanOrEqual(800);
    await vi.advanceTimersByTimeAsync(firstDelay);
    expect(FakeSocket.all).toHaveLength(2);

    FakeSocket.all[1]!.drop();
    const secondDelay = states.at(-1)!.retry_at! - Date.now();
    expect(secondDelay).toBeGreaterThan(firstDelay);
    await vi.advanceTimersByTimeAsync(secondDelay);

    const socket = FakeSocket.all[2]!;
    socket.open();
    await vi.advanceTimersByTimeAsync(0);
    socket.receive({ type: 'authenticated', user: alice });
    expect(socket.sent).toEqual([
      { type: 'auth', token: 'access-1' },
      { type: 'subscribe', device_ids: ['d1'] },
    ]);
    expect(states.at(-1)).toEqual({ state: 'connected' });
  });

  it('starts a fresh socket to stop following a device, the server only adding to a subscription', async () => {
    const { api } = await signedIn();
    const socket = FakeSocket.all[0]!;
    await api.invoke('live-subscribe', { device_ids: ['d1', 'd2'] });
    socket.open();
    await settle();
    socket.receive({ type: 'authenticated', user: alice });
    await api.invoke('live-subscribe', { device_ids: ['d1', 'd2', 'd3'] });
    expect(socket.sent.at(-1)).toEqual({ type: 'subscribe', device_ids: ['d3'] });
    await api.invoke('live-subscribe', { device_ids: ['d1'] });
    expect(socket.closed).toBe(true);
    expect(FakeSocket.all).toHaveLength(2);
  });
});

describe('the simulator over HTTP', () => {
  it('polls the simulator every second while someone listens, and stops after', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const state = { phase: 'running', sent: 5 };
    const { api, requests } = newApi(({ path }) =>
      path === '/api/auth/login' ? json(200, tokens(1)) : json(200, state),
    );
    await api.invoke('session-login', { username: 'admin', password: 'secret-1' });
    const progress = vi.fn();
    const off = api.on('simulator-progress', progress);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(progress).toHaveBeenCalledWith(state));
    off();
    const polls = requests.filter((r) => r.path === '/api/simulator').length;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(requests.filter((r) => r.path === '/api/simulator')).toHaveLength(polls);
  });
});
