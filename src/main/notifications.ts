// Native notifications of over-limit alerts: decided in notification-decisions.ts, shown here; a click
// opens the device's chart on the alert's day.
import { Notification } from 'electron';
import type { Alert } from '../shared/contracts/monitoring-api';
import type { Api } from '../shared/contracts/api';
import type { Logger } from '../services/log/logger';
import { decideNotification, PAUSE_MS } from './notification-decisions';

export interface NotifierDeps {
  client: Api;
  enabled(): boolean;
  openRoute(route: string): void;
  /** The pause changed: redraw the tray. */
  onPauseChange(): void;
  log: Logger;
}

/** Alerts remembered as shown, so that the same alert never notifies twice. */
const SHOWN_LIMIT = 1000;

export class DesktopNotifier {
  private pausedUntilMs: number | null = null;
  private pauseTimer: NodeJS.Timeout | null = null;
  private readonly shown = new Set<number>();
  private readonly names = new Map<string, string>();
  /** Kept until clicked or closed: a notification that is garbage collected loses its click. */
  private readonly live = new Set<Notification>();

  constructor(private readonly d: NotifierDeps) {}

  pausedUntil(): number | null {
    return this.pausedUntilMs;
  }

  pause(now = Date.now()): void {
    this.setPause(now + PAUSE_MS);
  }

  resume(): void {
    this.setPause(null);
  }

  async alert(alert: Alert): Promise<void> {
    if (!Notification.isSupported()) return;
    const decision = decideNotification({
      alert,
      deviceName: await this.deviceName(alert.device_id),
      enabled: this.d.enabled(),
      pausedUntil: this.pausedUntilMs,
      now: Date.now(),
      shown: this.shown.has(alert.id),
    });
    if (!decision.notify) {
      this.d.log.debug({ alert: alert.id, reason: decision.reason }, 'alert not notified');
      return;
    }
    this.remember(alert.id);
    const notification = new Notification({ title: decision.title, body: decision.body });
    this.live.add(notification);
    const forget = () => this.live.delete(notification);
    notification.on('click', () => {
      forget();
      this.d.openRoute(decision.route);
    });
    notification.on('close', forget);
    notification.on('failed', forget);
    notification.show();
  }

  stop(): void {
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    for (const notification of this.live) notification.close();
    this.live.clear();
  }

  private setPause(until: number | null): void {
    this.pausedUntilMs = until;
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    this.pauseTimer = null;
    if (until !== null) {
      this.pauseTimer = setTimeout(() => this.setPause(null), Math.max(0, until - Date.now()));
    }
    this.d.onPauseChange();
  }

  private remember(id: number): void {
    this.shown.add(id);
    if (this.shown.size > SHOWN_LIMIT) this.shown.delete(this.shown.values().next().value!);
  }

  /** The device's description; the list is fetched again for a device not seen before. */
  private async deviceName(id: string): Promise<string | null> {
    if (!this.names.has(id)) {
      try {
        for (const device of await this.d.client.invoke('devices-list', undefined))
          this.names.set(device.id, device.description);
      } catch (err) {
        this.d.log.warn({ err }, 'could not list the devices for a notification');
      }
    }
    return this.names.get(id) ?? null;
  }
}
