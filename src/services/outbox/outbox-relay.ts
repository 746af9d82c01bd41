// Publishes the `outbox` table of a store's database in order, each row once confirmed, then marks it sent.
// The table (seq, body, created_at, sent_at) is written by the store in the same transaction as the change,
// so a change is never without its event. While the broker is away, publish waits; rows stay pending.
// A row confirmed but not yet marked (crash in between) is published again: consumers see a duplicate
// with the same version, never a gap. The users service's outbox has the same table and uses this relay too.
import type { MessageBus } from '../bus/message-bus';
import type { Logger } from '../log/logger';
import type { Db } from '../sqlite/open-database';

export interface OutboxRelayOptions {
  db: Db;
  bus: MessageBus;
  queue: string;
  log: Logger;
  /** A safety net besides wake(): how often to look for pending rows, ms. */
  pollMs?: number;
  /** Sent rows are kept this long for inspection, then deleted, ms. */
  keepSentMs?: number;
}

const BATCH = 100;
const RETRY_MS = 1_000;
const PRUNE_EVERY_MS = 60_000;

interface PendingRow {
  seq: number;
  body: string;
}

export class OutboxRelay {
  private stopped = false;
  private woken = false;
  private wakeUp: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private lastPrune = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Call after committing outbox rows, so they go out now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  pendingCount(): number {
    return this.options.db
      .prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL')
      .pluck()
      .get() as number;
  }

  /**
   * Stops the relay. A publish that is waiting for the broker is abandoned after `timeoutMs`: its row
   * stays pending and goes out on the next start. Close the bus after this.
   */
  async close(timeoutMs = 2_000): Promise<void> {
    this.stopped = true;
    this.wake();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([this.loop, timeout]);
    clearTimeout(timer);
  }

  private async run(): Promise<void> {
    const { db, bus, queue, log } = this.options;
    const pending = db.prepare<[number], PendingRow>(
      'SELECT seq, body FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?',
    );
    const markSent = db.prepare('UPDATE outbox SET sent_at = ? WHERE seq = ?');
    while (!this.stopped) {
      try {
        const rows = pending.all(BATCH);
        if (rows.length === 0) {
          this.prune();
          await this.idle(this.options.pollMs ?? 5_000);
          continue;
        }
        // One at a time, each confirmed before the next: order is kept even across reconnects.
        for (const row of rows) {
          if (this.stopped) return;
          await bus.publish(queue, Buffer.from(row.body));
          if (!db.open) return;
          markSent.run(Date.now(), row.seq);
        }
      } catch (err) {
        if (this.stopped) return;
        log.error({ err, queue }, 'outbox relay failed; retrying');
        await this.idle(RETRY_MS);
      }
    }
  }

  /** Waits for wake() or the timeout, whichever comes first. */
  private async idle(ms: number): Promise<void> {
    if (this.woken || this.stopped) {
      this.woken = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wakeUp = null;
    this.woken = false;
  }

  private prune(): void {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    const keep = this.options.keepSentMs ?? 7 * 24 * 60 * 60 * 1000;
    this.options.db.prepare('DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?').run(now - keep);
  }
}
