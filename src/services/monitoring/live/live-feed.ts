// The WebSocket at /ws: clients subscribe to devices; hourly totals and alerts are pushed as they change.
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { clientMessageSchema, type ServerMessage } from '../../../shared/contracts/live-feed';
import type { Alert } from '../../../shared/contracts/monitoring-api';
import { formatLocal, MS_PER_HOUR } from '../../../shared/time/local-time';
import { describeIssues } from '../../bus/parse-message';
import type { Logger } from '../../log/logger';
import type { MonitoringStore } from '../store/monitoring-store';

/** Pushes of hourly totals are coalesced: at most one per device-hour per this many ms. */
export const HOURLY_PUSH_INTERVAL_MS = 250;
const MAX_CLIENT_MESSAGE_BYTES = 256 * 1024;

/** Which of the asked devices this socket may follow; authentication plugs in here. */
export type SubscribeFilter = (socket: WebSocket, deviceIds: string[]) => string[];

export class LiveFeed {
  private readonly wss: WebSocketServer;
  private readonly subscriptions = new Map<WebSocket, Set<string>>();
  private pending = new Map<string, Set<number>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    server: Server,
    private readonly store: MonitoringStore,
    private readonly tz: string,
    private readonly log: Logger,
    private readonly filter: SubscribeFilter = (_socket, ids) => ids,
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

  alertRaised(alert: Alert): void {
    this.send(alert.device_id, { type: 'alert', ...alert });
  }

  clientCount(): number {
    return this.subscriptions.size;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    for (const socket of this.subscriptions.keys()) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    this.subscriptions.set(socket, new Set());
    socket.on('close', () => this.subscriptions.delete(socket));
    socket.on('error', (err) => this.log.debug({ err }, 'live feed socket error'));
    socket.on('message', (data, isBinary) => {
      let json: unknown;
      try {
        json = JSON.parse(isBinary ? '' : String(data));
      } catch {
        return this.reply(socket, { type: 'error', error: 'not JSON' });
      }
      const parsed = clientMessageSchema.safeParse(json);
      if (!parsed.success) return this.reply(socket, { type: 'error', error: describeIssues(parsed.error) });
      const allowed = this.filter(socket, parsed.data.device_ids);
      const set = this.subscriptions.get(socket)!;
      for (const id of allowed) set.add(id);
      this.reply(socket, { type: 'subscribed', device_ids: [...set] });
    });
  }

  private isWatched(deviceId: string): boolean {
    for (const set of this.subscriptions.values()) if (set.has(deviceId)) return true;
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
        this.send(deviceId, { type: 'hourly', device_id: deviceId, start: formatLocal(hour, this.tz), kwh });
      }
    }
  }

  private send(deviceId: string, message: ServerMessage): void {
    const text = JSON.stringify(message);
    for (const [socket, set] of this.subscriptions) {
      if (set.has(deviceId) && socket.readyState === socket.OPEN) socket.send(text);
    }
  }

  private reply(socket: WebSocket, message: ServerMessage): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  }
}
