// The browser transport of the Api, against `npm run serve` on the page's own origin: fetch for requests (their
// routes from `apiRoutes`), a WebSocket on /ws for the live feed. The only renderer file that knows HTTP.
//
// Session: the access token stays in memory; the refresh token is kept in localStorage so that a reload or a
// new tab stays signed in. Refresh tokens are single use and a reused one revokes the whole session, so every
// refresh runs alone: one promise per tab, and a Web Lock across tabs, reading the newest token inside it.
//
// Simulator: the host pushes no simulator events over HTTP; while anyone listens to 'simulator-progress'
// (the simulator screen is open), this transport polls GET /api/simulator every second and emits the answer.
import {
  ApiError,
  type Api,
  type ApiEventName,
  type ApiEvents,
  type ApiRequestName,
  type ApiRequests,
  type LiveFeedState,
} from '../../../shared/contracts/api';
import { apiRoutes, type HttpCall, type RoutedRequest } from '../../../shared/contracts/api-routes';
import type { AuthUser, LoginRequest, TokenResponse } from '../../../shared/contracts/auth';
import { CLOSE_UNAUTHENTICATED, type ServerMessage } from '../../../shared/contracts/live-feed';
import { EventHub } from './event-hub';
import { reconnectDelay } from './reconnect-delay';

export const REFRESH_TOKEN_KEY = 'wattdesk.refresh-token';
/** Refresh this long before the access token expires, ms. */
const REFRESH_AHEAD_MS = 60_000;
const REFRESH_RETRY_MS = 10_000;
const SIMULATOR_POLL_MS = 1_000;

export interface HttpApiOptions {
  /** Origin of the host, e.g. http://127.0.0.1:3000; default the page's own. */
  origin?: string;
  storage?: Storage;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
}

interface Session {
  access: string;
  expiresAt: number;
  user: AuthUser;
}

export class HttpApi implements Api {
  private readonly hub = new EventHub();
  private readonly origin: string;
  private readonly storage: Storage;
  private readonly fetch: typeof fetch;
  private readonly Socket: typeof WebSocket;

  private session: Session | null = null;
  private refreshing: Promise<boolean> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  private socket: WebSocket | null = null;
  private socketReady = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private feedState: LiveFeedState = { state: 'connecting' };
  private following: string[] = [];

  private simulatorPoll: ReturnType<typeof setInterval> | undefined;

  constructor(options: HttpApiOptions = {}) {
    this.origin = options.origin ?? window.location.origin;
    this.storage = options.storage ?? window.localStorage;
    this.fetch = options.fetch ?? window.fetch.bind(window);
    this.Socket = options.WebSocket ?? window.WebSocket;
    window.addEventListener('storage', (e) => {
      if (e.key === REFRESH_TOKEN_KEY && e.newValue === null && this.session) {
        this.end('You signed out in another window.');
      }
    });
  }

  async invoke<K extends ApiRequestName>(
    name: K,
    args: ApiRequests[K]['args'],
  ): Promise<ApiRequests[K]['result']> {
    type Result = ApiRequests[K]['result'];
    switch (name) {
      case 'session-get':
        return (await this.restore()) as Result;
      case 'session-login':
        return (await this.login(args as LoginRequest)) as Result;
      case 'session-logout':
        return (await this.logout()) as Result;
      case 'live-subscribe':
        this.follow((args as ApiRequests['live-subscribe']['args']).device_ids);
        return undefined as Result;
      default: {
        const route = apiRoutes[name as RoutedRequest] as ((a: unknown) => HttpCall) | undefined;
        if (!route) throw new ApiError(404, `${name} is available in the desktop app only`);
        return (await this.request(route(args))) as Result;
      }
    }
  }

  on<K extends ApiEventName>(event: K, listener: (payload: ApiEvents[K]) => void): () => void {
    const off = this.hub.on(event, listener);
    if (event === 'feed-state' && this.session) {
      const current = this.feedState as ApiEvents[K];
      queueMicrotask(() => listener(current));
    }
    if (event === 'simulator-progress') this.pollSimulator();
    return () => {
      off();
      if (event === 'simulator-progress') this.pollSimulator();
    };
  }

  // --- session -------------------------------------------------------------------------------------------

  private async restore(): Promise<AuthUser | null> {
    if (this.session && this.session.expiresAt > Date.now()) return this.session.user;
    if (!this.storage.getItem(REFRESH_TOKEN_KEY)) return null;
    return (await this.refresh()) ? (this.session?.user ?? null) : null;
  }

  private async login(body: LoginRequest): Promise<AuthUser> {
    const res = await this.send({ method: 'POST', path: '/api/auth/login', body });
    if (res.status === 429) {
      const wait = Number(res.headers.get('Retry-After'));
      const when = Number.isFinite(wait) && wait > 0 ? ` Try again in ${Math.ceil(wait)} s.` : '';
      throw new ApiError(429, `Too many sign-in attempts.${when}`);
    }
    this.accept((await this.read(res)) as TokenResponse);
    return this.session!.user;
  }

  private async logout(): Promise<void> {
    const token = this.storage.getItem(REFRESH_TOKEN_KEY);
    this.clear();
    this.storage.removeItem(REFRESH_TOKEN_KEY);
    if (token) {
      await this.send({ method: 'POST', path: '/api/auth/logout', body: { refresh_token: token } }).catch(
        () => undefined,
      );
    }
  }

  private accept(tokens: TokenResponse): void {
    const { id, username, role } = tokens.user;
    if (this.session && this.session.user.id !== id) this.closeFeed();
    const lifetime = tokens.expires_in * 1000;
    this.session = {
      access: tokens.access_token,
      expiresAt: Date.now() + lifetime,
      user: { id, username, role },
    };
    this.storage.setItem(REFRESH_TOKEN_KEY, tokens.refresh_token);
    clearTimeout(this.refreshTimer);
    this.scheduleRefresh(Math.max(1_000, Math.min(lifetime - REFRESH_AHEAD_MS, lifetime * 0.8)));
    this.connectFeed();
  }

  private scheduleRefresh(delay: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refresh().catch(() => this.scheduleRefresh(REFRESH_RETRY_MS));
    }, delay);
  }

  /** True when a new token pair was obtained; false when the session is over. Throws when the host is unreachable. */
  private refresh(): Promise<boolean> {
    this.refreshing ??= this.exclusive(() => this.refreshOnce()).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async refreshOnce(): Promise<boolean> {
    // Read inside the lock: another tab may have just rotated the token.
    const token = this.storage.getItem(REFRESH_TOKEN_KEY);
    if (!token) {
      this.end('Your session has ended.');
      return false;
    }
    const res = await this.send({
      method: 'POST',
      path: '/api/auth/refresh',
      body: { refresh_token: token },
    });
    if (res.ok) {
      this.accept((await res.json()) as TokenResponse);
      return true;
    }
    if (res.status === 400 || res.status === 401) {
      if (this.storage.getItem(REFRESH_TOKEN_KEY) === token) this.storage.removeItem(REFRESH_TOKEN_KEY);
      this.end('Your session has expired. Please sign in again.');
      return false;
    }
    return this.read(res).then(() => false);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? (locks.request('wattdesk-session-refresh', task) as Promise<T>) : task();
  }

  /** Forgets the session and tells the UI why, if there was one. */
  private end(reason: string): void {
    const had = this.session !== null;
    this.clear();
    if (had) this.hub.emit('session-ended', { reason });
  }

  private clear(): void {
    this.session = null;
    this.following = [];
    clearTimeout(this.refreshTimer);
    this.closeFeed();
  }

  private async accessToken(): Promise<string | null> {
    if (this.session && this.session.expiresAt - Date.now() > 5_000) return this.session.access;
    if (!this.storage.getItem(REFRESH_TOKEN_KEY)) return this.session?.access ?? null;
    return (await this.refresh()) ? this.session!.access : null;
  }

  // --- requests ------------------------------------------------------------------------------------------

  private async request(call: HttpCall): Promise<unknown> {
    const token = await this.accessToken();
    let res = await this.send(call, token);
    if (res.status === 401 && this.storage.getItem(REFRESH_TOKEN_KEY) && (await this.refresh())) {
      res = await this.send(call, this.session!.access);
    }
    return this.read(res);
  }

  private async send(
    call: Pick<HttpCall, 'method' | 'path' | 'body'>,
    token?: string | null,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await this.fetch(this.origin + call.path, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      });
    } catch {
      throw new ApiError(0, 'WattDesk cannot be reached. Is `npm run serve` running?');
    }
  }

  private async read(res: Response): Promise<unknown> {
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: the status says enough
    }
    if (res.ok) return body;
    const failure = (body ?? {}) as { error?: unknown; fields?: Record<string, string> };
    const message = typeof failure.error === 'string' ? failure.error : `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, message, failure.fields);
  }

  // --- live feed -----------------------------------------------------------------------------------------

  private follow(deviceIds: string[]): void {
    const next = [...new Set(deviceIds)];
    const dropped = this.following.some((id) => !next.includes(id));
    const added = next.filter((id) => !this.following.includes(id));
    this.following = next;
    if (!this.socket || !this.socketReady) return;
    // The server only adds to a socket's subscriptions: to drop some, start a fresh socket.
    if (dropped) this.reconnectNow();
    else if (added.length) this.socket.send(JSON.stringify({ type: 'subscribe', device_ids: added }));
  }

  private setFeedState(state: LiveFeedState): void {
    this.feedState = state;
    this.hub.emit('feed-state', state);
  }

  private connectFeed(): void {
    if (!this.session || this.socket) return;
    clearTimeout(this.retryTimer);
    this.setFeedState({ state: 'connecting' });
    const url = `${this.origin.replace(/^http/, 'ws')}/ws`;
    const socket = new this.Socket(url);
    this.socket = socket;
    this.socketReady = false;
    socket.onopen = () => {
      void this.accessToken().then(
        (token) => {
          if (this.socket === socket && token) socket.send(JSON.stringify({ type: 'auth', token }));
        },
        () => socket.close(),
      );
    };
    socket.onmessage = (e: MessageEvent) => {
      if (this.socket === socket) this.onFeedMessage(JSON.parse(String(e.data)) as ServerMessage);
    };
    socket.onclose = (e: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.socketReady = false;
      if (!this.session) return;
      // Refused sign-in: the token may have just expired, so the next attempt refreshes it first.
      if (e.code === CLOSE_UNAUTHENTICATED) this.session.expiresAt = 0;
      const delay = reconnectDelay(this.attempt++);
      this.setFeedState({ state: 'reconnecting', retry_at: Date.now() + delay });
      this.retryTimer = setTimeout(() => this.connectFeed(), delay);
    };
  }

  private onFeedMessage(message: ServerMessage): void {
    switch (message.type) {
      case 'authenticated':
        this.attempt = 0;
        this.socketReady = true;
        if (this.following.length) {
          this.socket?.send(JSON.stringify({ type: 'subscribe', device_ids: this.following }));
        }
        this.setFeedState({ state: 'connected' });
        break;
      case 'hourly':
        this.hub.emit('hourly-changed', {
          device_id: message.device_id,
          start: message.start,
          kwh: message.kwh,
        });
        break;
      case 'alert': {
        const { type: _type, ...alert } = message;
        this.hub.emit('alert-raised', alert);
        break;
      }
      default:
        break;
    }
  }

  private reconnectNow(): void {
    const old = this.socket;
    this.socket = null;
    this.socketReady = false;
    old?.close();
    this.connectFeed();
  }

  private closeFeed(): void {
    clearTimeout(this.retryTimer);
    const old = this.socket;
    this.socket = null;
    this.socketReady = false;
    this.attempt = 0;
    old?.close();
  }

  // --- simulator -----------------------------------------------------------------------------------------

  private pollSimulator(): void {
    const wanted = this.hub.count('simulator-progress') > 0;
    if (wanted && !this.simulatorPoll) {
      this.simulatorPoll = setInterval(() => {
        this.invoke('simulator-get', undefined).then(
          (state) => this.hub.emit('simulator-progress', state),
          () => undefined,
        );
      }, SIMULATOR_POLL_MS);
    } else if (!wanted && this.simulatorPoll) {
      clearInterval(this.simulatorPoll);
      this.simulatorPoll = undefined;
    }
  }
}

export function createHttpApi(options?: HttpApiOptions): Api {
  return new HttpApi(options);
}
