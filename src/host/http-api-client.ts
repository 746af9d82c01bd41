// The Api spoken from Node: requests to the services over HTTP (as `apiRoutes` maps them), the live feed
// over WebSocket, and the host's own requests to an injected host. The desktop's main process answers IPC
// with it. It keeps the session: the access token in memory, the refresh token in an injected store.
import { EventEmitter } from 'node:events';
import {
  ApiError,
  type Api,
  type ApiEventName,
  type ApiEvents,
  type ApiRequestName,
  type ApiRequests,
} from '../shared/contracts/api';
import { apiRoutes, type HttpCall } from '../shared/contracts/api-routes';
import type { AuthUser, LoginRequest, TokenResponse } from '../shared/contracts/auth';
import type { ServerMessage } from '../shared/contracts/live-feed';
import type { Logger } from '../services/log/logger';
import { LiveFeedClient } from './live-feed-client';

export interface ServiceUrls {
  users: string;
  devices: string;
  monitoring: string;
}

/** Where the refresh token outlives the process (main: a file in userData, encrypted when possible). */
export interface RefreshTokenStore {
  load(): Promise<string | null>;
  /** null forgets it. */
  save(token: string | null): Promise<void>;
}

/** Requests the host answers itself: its status, first run, the simulator, and its settings. */
export type HostRequestName =
  | 'first-run-get'
  | 'first-run-complete'
  | 'status-get'
  | `simulator-${'get' | 'start' | 'pause' | 'resume' | 'stop'}`
  | `settings-${'get' | 'set'}`;

export interface ApiHost {
  /** `user`: who is signed in, for the host's role checks. Throws ApiError as the gateway would answer. */
  invoke<K extends HostRequestName>(
    name: K,
    args: ApiRequests[K]['args'],
    user: AuthUser | null,
  ): Promise<ApiRequests[K]['result']>;
}

export interface HttpApiClientOptions {
  urls: ServiceUrls;
  host: ApiHost;
  refreshTokens: RefreshTokenStore;
  log: Logger;
  /** Follow every device the user may see, so alerts arrive with no screen open (admins get only those). */
  followAllDevices?: boolean;
  /** Renew the access token this long before it expires, ms. */
  refreshMarginMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
  reconnectDelay?: (attempt: number) => number;
}

interface Session {
  user: AuthUser;
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** What main watches besides the Api's events: who is signed in, and which requests went through. */
export interface ClientChanges {
  session: [AuthUser | null];
  succeeded: [ApiRequestName];
}

const REQUEST_TIMEOUT_MS = 30_000;
const RETRY_REFRESH_MS = 30_000;

export class HttpApiClient implements Api {
  readonly changes = new EventEmitter<ClientChanges>();
  private readonly listeners = new Map<ApiEventName, Set<(payload: never) => void>>();
  private session: Session | null = null;
  private refreshing: Promise<Session | null> | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  private feed: LiveFeedClient | null = null;
  /** Devices the UI follows: their hourly totals are passed on, others' are not. */
  private wanted = new Set<string>();
  private readonly now: () => number;
  private readonly fetch: typeof fetch;

  constructor(private readonly o: HttpApiClientOptions) {
    this.now = o.now ?? Date.now;
    this.fetch = o.fetch ?? fetch;
  }

  async invoke<K extends ApiRequestName>(
    name: K,
    args: ApiRequests[K]['args'],
  ): Promise<ApiRequests[K]['result']> {
    const result = (await this.dispatch(name, args)) as ApiRequests[K]['result'];
    this.changes.emit('succeeded', name);
    return result;
  }

  on<K extends ApiEventName>(event: K, listener: (payload: ApiEvents[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** The signed-in user, if any, without asking anyone. */
  user(): AuthUser | null {
    return this.session?.user ?? null;
  }

  /** Stops the live feed and timers; the session is kept for the next start. */
  close(): void {
    this.feed?.stop();
    this.feed = null;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  private async dispatch(name: ApiRequestName, args: unknown): Promise<unknown> {
    switch (name) {
      case 'session-get':
        return this.sessionGet();
      case 'session-login':
        return this.login(args as LoginRequest);
      case 'session-logout':
        return this.logout();
      case 'live-subscribe':
        return this.subscribe((args as ApiRequests['live-subscribe']['args']).device_ids);
      case 'settings-get':
      case 'settings-set':
        return this.o.host.invoke(name, args as never, this.user());
      default: {
        const call = (apiRoutes[name] as (a: unknown) => HttpCall)(args);
        if (call.service === 'host')
          return this.o.host.invoke(name as HostRequestName, args as never, this.user());
        const result = await this.authorized(call);
        if (name === 'device-create') this.feed?.follow([(result as { id: string }).id]);
        return result;
      }
    }
  }

  private async sessionGet(): Promise<AuthUser | null> {
    if (!this.session) return (await this.refresh())?.user ?? null;
    try {
      return (await this.fresh()).user;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  }

  private async login(request: LoginRequest): Promise<AuthUser> {
    if (this.session) await this.logout();
    const res = await this.send({ service: 'users', method: 'POST', path: '/api/auth/login', body: request });
    const tokens = (await this.result(res)) as TokenResponse;
    return (await this.begin(tokens)).user;
  }

  private async logout(): Promise<void> {
    const token = this.session?.refreshToken ?? (await this.o.refreshTokens.load());
    await this.end(null);
    if (!token) return;
    try {
      const body = { refresh_token: token };
      await this.send({ service: 'users', method: 'POST', path: '/api/auth/logout', body });
    } catch (err) {
      // Signed out here either way; the refresh token expires on its own.
      this.o.log.warn({ err }, 'could not revoke the session at the users service');
    }
  }

  private subscribe(deviceIds: string[]): void {
    this.wanted = new Set(deviceIds);
    this.feed?.follow(deviceIds);
  }

  /** A call with the access token; after a 401, once more with a renewed one. */
  private async authorized(call: HttpCall): Promise<unknown> {
    const session = await this.fresh();
    let res = await this.send(call, session.accessToken);
    if (res.status === 401) {
      const renewed = await this.renew(session);
      if (!renewed) throw new ApiError(401, 'your session has ended: sign in again');
      res = await this.send(call, renewed.accessToken);
    }
    return this.result(res);
  }

  /** The session, renewed first when its access token is about to expire. */
  private async fresh(): Promise<Session> {
    const session = this.session;
    if (!session) throw new ApiError(401, 'sign in first');
    if (this.now() < session.expiresAt - this.margin()) return session;
    const renewed = await this.renew(session);
    if (!renewed) throw new ApiError(401, 'your session has ended: sign in again');
    return renewed;
  }

  /** Renews a session whose token was refused, unless another call has renewed it already. */
  private async renew(stale: Session): Promise<Session | null> {
    if (this.session && this.session !== stale) return this.session;
    return this.refresh();
  }

  /**
   * One refresh at a time: a refresh token is single use, and presenting it twice counts as reuse, which
   * ends the whole session. Concurrent callers share the one in flight.
   */
  private refresh(): Promise<Session | null> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<Session | null> {
    const token = this.session?.refreshToken ?? (await this.o.refreshTokens.load());
    if (!token) return null;
    const res = await this.send({
      service: 'users',
      method: 'POST',
      path: '/api/auth/refresh',
      body: { refresh_token: token },
    });
    if (res.status === 401 || res.status === 400) {
      await res.body?.cancel();
      await this.end(this.session ? 'your session has expired or was ended elsewhere' : null);
      return null;
    }
    return this.begin((await this.result(res)) as TokenResponse);
  }

  private async begin(tokens: TokenResponse): Promise<Session> {
    const { id, username, role } = tokens.user;
    const previous = this.session;
    const session: Session = {
      user: { id, username, role },
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: this.now() + tokens.expires_in * 1000,
    };
    this.session = session;
    await this.o.refreshTokens.save(session.refreshToken);
    this.scheduleRefresh(session.expiresAt - this.margin() - this.now());
    if (previous?.user.id !== id) {
      this.startFeed();
      this.changes.emit('session', session.user);
    }
    return session;
  }

  /** Forgets the session; `reason` is told to the UI when it ended by itself. */
  private async end(reason: string | null): Promise<void> {
    const had = this.session !== null;
    this.session = null;
    this.close();
    this.wanted = new Set();
    await this.o.refreshTokens.save(null);
    if (had) this.changes.emit('session', null);
    if (had && reason) this.emit('session-ended', { reason });
  }

  private scheduleRefresh(inMs: number): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(
      () => {
        this.refreshTimer = null;
        this.refresh().catch((err: unknown) => {
          this.o.log.warn({ err }, 'could not renew the session; trying again');
          if (this.session) this.scheduleRefresh(RETRY_REFRESH_MS);
        });
      },
      Math.max(0, inMs),
    );
    this.refreshTimer.unref();
  }

  private startFeed(): void {
    this.feed?.stop();
    const feed = new LiveFeedClient({
      url: `${this.o.urls.monitoring.replace(/^http/, 'ws')}/ws`,
      token: async (renew) => {
        const session = this.session;
        if (!session) return null;
        return (renew ? await this.renew(session) : await this.fresh())?.accessToken ?? null;
      },
      onState: (state) => this.emit('feed-state', state),
      onMessage: (message) => this.received(message),
      log: this.o.log,
      delay: this.o.reconnectDelay,
      now: this.now,
    });
    this.feed = feed;
    feed.start();
    if (this.o.followAllDevices) void this.followAll(feed);
  }

  private async followAll(feed: LiveFeedClient): Promise<void> {
    try {
      const devices = (await this.authorized(apiRoutes['devices-list']())) as Array<{ id: string }>;
      feed.follow(devices.map((d) => d.id));
    } catch (err) {
      this.o.log.warn({ err }, 'live feed: could not list the devices to follow');
    }
  }

  private received(message: ServerMessage): void {
    if (message.type === 'hourly') {
      const { device_id, start, kwh } = message;
      if (this.wanted.has(device_id)) this.emit('hourly-changed', { device_id, start, kwh });
    } else if (message.type === 'alert') {
      const { type: _type, ...alert } = message;
      this.emit('alert-raised', alert);
    }
  }

  private emit<K extends ApiEventName>(event: K, payload: ApiEvents[K]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as (p: ApiEvents[K]) => void)(payload);
      } catch (err) {
        this.o.log.error({ err, event }, 'an Api event listener failed');
      }
    }
  }

  private async send(call: HttpCall, token?: string): Promise<Response> {
    const service = call.service as Exclude<HttpCall['service'], 'host'>;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      return await this.fetch(`${this.o.urls[service]}${call.path}`, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (err) {
      this.o.log.warn({ err, service }, 'service not reachable');
      throw new ApiError(502, `the ${service} service is not reachable`);
    }
  }

  /** The JSON body of a success (undefined when empty); a failure's `{ error, fields }` as an ApiError. */
  private async result(res: Response): Promise<unknown> {
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      throw new ApiError(res.ok ? 502 : res.status, `not a JSON answer (HTTP ${res.status})`);
    }
    if (res.ok) return body;
    const failure = (body ?? {}) as { error?: string; fields?: Record<string, string> };
    throw new ApiError(res.status, failure.error ?? `request failed with HTTP ${res.status}`, failure.fields);
  }

  private margin(): number {
    return this.o.refreshMarginMs ?? 60_000;
  }
}
