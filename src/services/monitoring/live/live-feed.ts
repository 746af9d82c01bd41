// The WebSocket at /ws. A socket signs in with its first message, subscribes to devices it may see, and
// gets their hourly totals as they change; alerts go to the owner's sockets and to admins watching.
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AuthUser } from '../../../shared/contracts/auth';
import {
  CLOSE_UNAUTHENTICATED,
  clientMessageSchema,
  type ServerMessage,
} from '../../../shared/contracts/live-feed';
import type { Alert } from '../../../shared/contracts/monitoring-api';
import { formatLocal, MS_PER_HOUR } from '../../../shared/time/local-time';
import type { TokenVerifier } from '../../auth/token-verifier';
import { describeIssues } from '../../bus/parse-message';
import type { Logger } from '../../log/logger';
import { canReadDevice, seesEverything } from '../http/device-access';
import type { MonitoringStore } from '../store/monitoring-store';

/** Pushes of hourly totals are coalesced: at most one per device-hour per this many ms. */
export const HOURLY_PUSH_INTERVAL_MS = 250;
/** A socket that has not signed in by then is closed. */
export const AUTH_TIMEOUT_MS = 10_000;
const MAX_CLIENT_MESSAGE_BYTES = 256 * 1024;

interface Session {
  user: AuthUser | null;
  devices: Set<string>;
}

export class LiveFeed {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<WebSocket, Session>();
  private pending = new Map<string, Set<number>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    server: Server,
    private readonly store: MonitoringStore,
    private readonly tz: string,
    private readonly verifier: TokenVerifier,
    private readonly log: Logger,
  ) {
    this.wss = new WebSocketServer({ server, path: '/ws', maxPayload: MAX_CLIENT_MESSAGE_BYTES });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /** Hours whose totals changed, per device id: pushed, coalesced, to the devices' subscribers. */
  hoursChanged(changed: Map<string, Set<number>>): void {
    for (const [deviceId, hours] of changed) {
      if (!this.isWatched(deviceId)) continue;
      const set = this.pending.get(deviceId) ?? new Set();
      for (const h of hours) set.add(h);
      this.pending.set(deviceId, set);
    }
    if (this.pending.size > 0 && !this.timer) {
      this.timer = setTimeout(() => this.pushHourly(), HOURLY_PUSH_INTERVAL_MS);
    }
  }

  /** To every open session of the owner it was raised for, and to admins watching the device. */
  alertRaised(alert: Alert): void {
    const text = JSON.stringify({ type: 'alert', ...alert } satisfies ServerMessage);
    for (const [socket, s] of this.sessions) {
      if (!s.user) continue;
      const owner = s.user.id === alert.user_id;
      const watching = seesEverything(s.user) && s.devices.has(alert.device_id);
      if ((owner || watching) && socket.readyState === socket.OPEN) socket.send(text);
    }
  }

  /** After device events: a client stops following a device that is no longer its own. */
  ownershipChanged(): void {
    for (const s of this.sessions.values()) {
      if (!s.user || seesEverything(s.user)) continue;
      for (const id of s.devices)
        if (!canReadDevice(s.user, this.store.devices.get(id))) s.devices.delete(id);
    }
  }

  clientCount(): number {
    return this.sessions.size;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    for (const socket of this.sessions.keys()) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    const session: Session = { user: null, devices: new Set() };
    this.sessions.set(socket, session);
    const deadline = setTimeout(() => socket.close(CLOSE_UNAUTHENTICATED, 'sign in first'), AUTH_TIMEOUT_MS);
    socket.on('close', () => {
      clearTimeout(deadline);
      this.sessions.delete(socket);
    });
    socket.on('error', (err) => this.log.debug({ err }, 'live feed socket error'));
    // One message at a time, so a subscribe right behind an auth waits for the token check.
    let queue = Promise.resolve();
    socket.on('message', (data, isBinary) => {
      queue = queue.then(() => this.handle(socket, session, isBinary ? null : String(data), deadline));
    });
  }

  private async handle(socket: WebSocket, session: Session, text: string | null, deadline: NodeJS.Timeout) {
    let json: unknown;
    try {
      json = JSON.parse(text ?? '');
    } catch {
      return this.reply(socket, { type: 'error', error: 'not JSON' });
    }
    const parsed = clientMessageSchema.safeParse(json);
    if (!parsed.success) return this.reply(socket, { type: 'error', error: describeIssues(parsed.error) });
    const message = parsed.data;
    if (message.type === 'auth') {
      const result = await this.verifier.verify(message.token);
      if (!result.ok) {
        this.reply(socket, { type: 'error', error: result.error });
        return socket.close(CLOSE_UNAUTHENTICATED, 'invalid token');
      }
      clearTimeout(deadline);
      session.user = result.user;
      return this.reply(socket, { type: 'authenticated', user: result.user });
    }
    if (!session.user) {
      this.reply(socket, { type: 'error', error: 'sign in first: send {"type":"auth","token":…}' });
      return socket.close(CLOSE_UNAUTHENTICATED, 'sign in first');
    }
    const refused: string[] = [];
    for (const id of message.device_ids) {
      if (canReadDevice(session.user, this.store.devices.get(id))) session.devices.add(id);
      else refused.push(id);
    }
    this.reply(socket, { type: 'subscribed', device_ids: [...session.devices], refused });
  }

  private isWatched(deviceId: string): boolean {
    for (const s of this.sessions.values()) if (s.devices.has(deviceId)) return true;
    return false;
  }

  private pushHourly(): void {
    this.timer = null;
    const pending = this.pending;
    this.pending = new Map();
    for (const [deviceId, hours] of pending) {
      const device = this.store.devices.get(deviceId);
      if (!device) continue;
      for (const hour of [...hours].sort((a, b) => a - b)) {
        const kwh = this.store.energy.sum(device.key, hour, hour + MS_PER_HOUR);
        const text = JSON.stringify({
          type: 'hourly',
          device_id: deviceId,
          start: formatLocal(hour, this.tz),
          kwh,
        } satisfies ServerMessage);
        for (const [socket, s] of this.sessions) {
          if (s.devices.has(deviceId) && socket.readyState === socket.OPEN) socket.send(text);
        }
      }
    }
  }

  private reply(socket: WebSocket, message: ServerMessage): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  }
}
