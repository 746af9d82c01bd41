// The monitoring live feed (/ws) from Node, for one session: signs in with its first message, follows
// devices, and reconnects with backoff after a drop, saying so through its state.
import type { LiveFeedState } from '../shared/contracts/api';
import { CLOSE_UNAUTHENTICATED, type ClientMessage, type ServerMessage } from '../shared/contracts/live-feed';
import type { Logger } from '../services/log/logger';

export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 30_000;

/** Delay before retry `attempt` (0 = first), ms: exponential, capped, spread by ±20 % so hosts do not align. */
export function reconnectDelay(attempt: number, random: number = Math.random()): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random));
}

export interface LiveFeedClientOptions {
  /** ws:// or wss:// URL of the feed, e.g. ws://127.0.0.1:9001/ws. */
  url: string;
  /** The access token to sign in with; `renew` after the feed refused the last one. Null: signed out. */
  token(renew: boolean): Promise<string | null>;
  onState(state: LiveFeedState): void;
  onMessage(message: ServerMessage): void;
  log: Logger;
  delay?: (attempt: number) => number;
  now?: () => number;
}

export class LiveFeedClient {
  private socket: WebSocket | null = null;
  private authenticated = false;
  private stopped = true;
  private attempt = 0;
  private renewToken = false;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Every device followed, sent again after each reconnect (the server forgets a closed socket's). */
  private readonly followed = new Set<string>();

  constructor(private readonly o: LiveFeedClientOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    this.authenticated = false;
    socket?.close(1000, 'signed out');
  }

  /** Adds devices to follow; the server keeps a socket's subscriptions until it closes. */
  follow(deviceIds: Iterable<string>): void {
    const added = [...deviceIds].filter((id) => !this.followed.has(id));
    for (const id of added) this.followed.add(id);
    if (added.length > 0) this.send({ type: 'subscribe', device_ids: added });
  }

  private connect(): void {
    this.o.onState({ state: 'connecting' });
    const socket = new WebSocket(this.o.url);
    this.socket = socket;
    socket.addEventListener('open', () => void this.signIn(socket));
    socket.addEventListener('message', (event) => {
      if (this.socket === socket) this.receive(String(event.data));
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.authenticated = false;
      if (event.code === CLOSE_UNAUTHENTICATED) this.renewToken = true;
      this.retry();
    });
    // An error is always followed by a close, which retries.
    socket.addEventListener('error', () => undefined);
  }

  private async signIn(socket: WebSocket): Promise<void> {
    let token: string | null;
    try {
      token = await this.o.token(this.renewToken);
    } catch (err) {
      this.o.log.warn({ err }, 'live feed: no access token yet');
      socket.close();
      return;
    }
    if (this.socket !== socket) return;
    if (token === null) {
      this.stop();
      return;
    }
    this.renewToken = false;
    socket.send(JSON.stringify({ type: 'auth', token } satisfies ClientMessage));
  }

  private receive(text: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(text) as ServerMessage;
    } catch {
      this.o.log.warn('live feed: a message that is not JSON');
      return;
    }
    if (message.type === 'authenticated') {
      this.authenticated = true;
      this.attempt = 0;
      this.o.onState({ state: 'connected' });
      if (this.followed.size > 0) this.send({ type: 'subscribe', device_ids: [...this.followed] });
      return;
    }
    if (message.type === 'error') this.o.log.warn({ error: message.error }, 'live feed refused a message');
    this.o.onMessage(message);
  }

  private retry(): void {
    if (this.stopped) return;
    const wait = (this.o.delay ?? reconnectDelay)(this.attempt++);
    this.o.onState({ state: 'reconnecting', retry_at: (this.o.now ?? Date.now)() + wait });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.connect();
    }, wait);
    this.retryTimer.unref();
  }

  private send(message: ClientMessage): void {
    if (this.authenticated && this.socket?.readyState === WebSocket.OPEN)
      this.socket.send(JSON.stringify(message));
  }
}
