// Consumes a queue in batches: validate each message at the edge, apply a batch in one transaction,
// ack only after it commits. Bad messages go to the dead-letter queue with a reason; none stops the stream.
import type { Logger } from '../log/logger';
import type { Delivery, MessageBus, Subscription } from './message-bus';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export interface BatchingConsumerOptions<T, R> {
  bus: MessageBus;
  queue: string;
  log: Logger;
  /** Most messages held unacked; also the largest batch. */
  prefetch: number;
  parse(body: Buffer): Parsed<T>;
  /** Applies a batch atomically (one transaction); throws when nothing was applied. */
  apply(values: T[]): R;
  onApplied?(result: R): void;
  onDeadLetter?(reason: string): void;
}

export interface ConsumerStats {
  applied: number;
  deadLettered: number;
  /** The error that is holding the stream back, if any. */
  blockedBy: string | null;
}

const MIN_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

/** Storage errors that pass (full disk, locked or unwritable file): keep the batch and try again later. */
export function isTransient(err: unknown): boolean {
  const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
  return /^SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN|PROTOCOL)/.test(code);
}

export class BatchingConsumer<T, R> {
  private pending: Array<{ delivery: Delivery; value: T }> = [];
  private readonly deadLettering = new Set<Promise<void>>();
  private subscription: Subscription | null = null;
  private flushScheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = MIN_RETRY_MS;
  private readonly stats: ConsumerStats = { applied: 0, deadLettered: 0, blockedBy: null };

  constructor(private readonly o: BatchingConsumerOptions<T, R>) {}

  async start(): Promise<void> {
    this.subscription = await this.o.bus.consume(this.o.queue, (d) => this.receive(d), {
      prefetch: this.o.prefetch,
    });
  }

  status(): ConsumerStats {
    return { ...this.stats };
  }

  /** Applies and acks what has arrived, then stops consuming; whatever was not applied stays in the queue. */
  async stop(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.stats.blockedBy === null) this.flush();
    await Promise.all(this.deadLettering);
    await this.subscription?.cancel();
    this.subscription = null;
  }

  private receive(delivery: Delivery): void {
    const parsed = this.o.parse(delivery.body);
    if (!parsed.ok) {
      this.deadLetter(delivery, parsed.error);
      return;
    }
    this.pending.push({ delivery, value: parsed.value });
    if (this.retryTimer) return;
    if (this.pending.length >= this.o.prefetch) this.flush();
    else if (!this.flushScheduled) {
      // Deliveries that arrive in one read of the socket share one transaction.
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        if (!this.retryTimer) this.flush();
      });
    }
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      const result = this.o.apply(batch.map((b) => b.value));
      // With no dead letter in flight, the batch is everything unacked: one ack covers it.
      if (this.deadLettering.size === 0) batch.at(-1)!.delivery.ackThrough();
      else for (const b of batch) b.delivery.ack();
      this.settled(batch, result);
    } catch (err) {
      if (isTransient(err)) return this.holdBack(batch, err);
      this.stats.blockedBy = null;
      // Something in the batch cannot be applied: find it by applying one at a time.
      for (const item of batch) {
        try {
          const result = this.o.apply([item.value]);
          item.delivery.ack();
          this.settled([item], result);
        } catch (single) {
          if (isTransient(single)) return this.holdBack(batch.slice(batch.indexOf(item)), single);
          this.o.log.error({ err: single, queue: this.o.queue }, 'message could not be applied');
          this.deadLetter(item.delivery, `could not be applied: ${describe(single)}`);
        }
      }
    }
  }

  /** After a batch was applied and acked. */
  private settled(batch: Array<{ delivery: Delivery }>, result: R): void {
    this.stats.applied += batch.length;
    this.stats.blockedBy = null;
    this.retryMs = MIN_RETRY_MS;
    this.o.onApplied?.(result);
  }

  /** Keeps the batch unacked and retries later: the broker stops sending once the prefetch is reached. */
  private holdBack(batch: Array<{ delivery: Delivery; value: T }>, err: unknown): void {
    this.pending = [...batch, ...this.pending];
    const reason = describe(err);
    if (this.stats.blockedBy !== reason)
      this.o.log.error({ err, queue: this.o.queue }, 'cannot store; will retry');
    this.stats.blockedBy = reason;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  private deadLetter(delivery: Delivery, reason: string): void {
    const done = delivery
      .deadLetter(reason)
      .then(() => {
        this.stats.deadLettered++;
        this.o.onDeadLetter?.(reason);
      })
      .catch((err: unknown) =>
        this.o.log.warn({ err, queue: this.o.queue }, 'dead-lettering failed; redelivery will retry'),
      )
      .finally(() => this.deadLettering.delete(done));
    this.deadLettering.add(done);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
