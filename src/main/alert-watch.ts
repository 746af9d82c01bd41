// What the tray and the notifications follow: who is signed in, whether the live feed is up, each alert as
// it is raised, and how many alerts wait to be acknowledged (counted again after anything that changes it).
import type { Api } from '../shared/contracts/api';
import type { Alert } from '../shared/contracts/monitoring-api';
import type { HttpApiClient } from '../host/http-api-client';
import type { Logger } from '../services/log/logger';

export interface WatchState {
  signedIn: boolean;
  connected: boolean;
  unacknowledged: number;
}

/** Acknowledgements made elsewhere (another desktop, a browser) show up within this, ms. */
export const RECOUNT_EVERY_MS = 5 * 60_000;
/** Counted up to this many; the tray shows 99+ beyond 99. */
const COUNT_LIMIT = 1000;

export interface AlertWatchDeps {
  client: Pick<HttpApiClient, 'changes' | 'user'> & Api;
  onChange(state: WatchState): void;
  onAlert(alert: Alert): void;
  log: Logger;
  recountEveryMs?: number;
}

export class AlertWatch {
  private state: WatchState = { signedIn: false, connected: false, unacknowledged: 0 };
  private readonly stops: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private counting = 0;

  constructor(private readonly d: AlertWatchDeps) {}

  start(): void {
    const { client } = this.d;
    const onSession = (user: unknown) => {
      this.update({ signedIn: user !== null, connected: false, unacknowledged: 0 });
      if (user) void this.recount();
    };
    const onSucceeded = (name: string) => {
      if (name === 'alert-ack') void this.recount();
    };
    client.changes.on('session', onSession);
    client.changes.on('succeeded', onSucceeded);
    this.stops.push(
      () => client.changes.off('session', onSession),
      () => client.changes.off('succeeded', onSucceeded),
      client.on('feed-state', (s) => {
        this.update({ connected: s.state === 'connected' });
        // Alerts raised while the feed was down were not pushed: count them.
        if (s.state === 'connected') void this.recount();
      }),
      client.on('alert-raised', (alert) => {
        this.d.onAlert(alert);
        void this.recount();
      }),
    );
    this.timer = setInterval(() => void this.recount(), this.d.recountEveryMs ?? RECOUNT_EVERY_MS);
    this.timer.unref();
    if (client.user()) onSession(client.user());
  }

  stop(): void {
    this.stops.splice(0).forEach((stop) => stop());
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  current(): WatchState {
    return this.state;
  }

  /** Counts the unacknowledged alerts; of overlapping counts, only the last one started is kept. */
  async recount(): Promise<void> {
    if (!this.d.client.user()) return;
    const ticket = ++this.counting;
    try {
      const { alerts } = await this.d.client.invoke('alerts-list', {
        acknowledged: false,
        limit: COUNT_LIMIT,
      });
      if (ticket === this.counting && this.d.client.user()) this.update({ unacknowledged: alerts.length });
    } catch (err) {
      this.d.log.warn({ err }, 'could not count the unacknowledged alerts');
    }
  }

  private update(change: Partial<WatchState>): void {
    const next = { ...this.state, ...change };
    if (
      next.signedIn === this.state.signedIn &&
      next.connected === this.state.connected &&
      next.unacknowledged === this.state.unacknowledged
    )
      return;
    this.state = next;
    this.d.onChange(next);
  }
}
