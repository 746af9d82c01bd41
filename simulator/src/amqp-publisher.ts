// Publishes readings to a durable RabbitMQ queue with publisher confirms; reconnects with backoff and resends
// whatever the broker has not confirmed, so no reading is lost (one may arrive twice; monitoring drops duplicates).
import { EventEmitter } from 'node:events';
import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import type { ConsumptionMessage } from '../../src/shared/contracts/consumption';
import { systemClock } from './clock';
import type { ReadingPublisher } from './reading-publisher';
import { redactUrl } from '../../src/shared/redact-url';

export interface AmqpPublisherOptions {
  url: string;
  queue: string;
  /** First wait after a failed connection attempt, ms; it doubles up to `maxBackoffMs`. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface AmqpPublisherEvents {
  connected: [{ url: string }];
  disconnected: [{ reason: string }];
  /** A connection attempt failed; the next one follows in `delayMs`. */
  retrying: [{ error: string; delayMs: number }];
}

/** Seconds between heartbeats, so a broker that vanished without closing the socket is noticed quickly. */
const HEARTBEAT_S = 10;
const CONNECT_TIMEOUT_MS = 5_000;

interface Pending {
  body: Buffer;
  resolve: () => void;
  reject: (err: Error) => void;
  /** The channel the message is in flight on, or null while it waits to be (re)sent. */
  sentOn: ConfirmChannel | null;
}

interface Link {
  connection: ChannelModel;
  channel: ConfirmChannel;
}

export class AmqpReadingPublisher extends EventEmitter<AmqpPublisherEvents> implements ReadingPublisher {
  /** Messages not yet confirmed, in publish order (a Set keeps insertion order), so resends keep that order. */
  private readonly pending = new Set<Pending>();
  private link: Link | null = null;
  private connecting = false;
  private closed = false;
  private backoffMs: number;
  private readonly stopWaiting = new AbortController();

  constructor(private readonly options: AmqpPublisherOptions) {
    super();
    this.backoffMs = options.minBackoffMs ?? 100;
  }

  get connected(): boolean {
    return this.link !== null;
  }

  /** Connects now rather than on the first publish, to show the broker's state early. */
  connect(): void {
    if (this.closed || this.link || this.connecting) return;
    this.connecting = true;
    void this.connectLoop().finally(() => (this.connecting = false));
  }

  publish(message: ConsumptionMessage): Promise<void> {
    if (this.closed) return Promise.reject(new Error('publisher closed'));
    const body = Buffer.from(JSON.stringify(message));
    return new Promise<void>((resolve, reject) => {
      const entry: Pending = { body, resolve, reject, sentOn: null };
      this.pending.add(entry);
      if (this.link) this.send(entry, this.link);
      else this.connect();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopWaiting.abort();
    const link = this.link;
    this.link = null;
    for (const entry of this.pending) entry.reject(new Error('publisher closed before the broker confirmed'));
    this.pending.clear();
    await link?.connection.close().catch(() => undefined);
  }

  private async connectLoop(): Promise<void> {
    while (!this.closed && !this.link) {
      try {
        await this.open();
      } catch (err) {
        if (this.closed) return;
        this.emit('retrying', { error: errorText(err), delayMs: this.backoffMs });
        await systemClock.sleep(this.backoffMs, this.stopWaiting.signal);
        this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 5_000);
      }
    }
  }

  private async open(): Promise<void> {
    const url = new URL(this.options.url);
    if (!url.searchParams.has('heartbeat')) url.searchParams.set('heartbeat', String(HEARTBEAT_S));
    const connection = await amqp.connect(url.toString(), {
      clientProperties: { connection_name: 'wattdesk-simulator' },
      timeout: CONNECT_TIMEOUT_MS,
    });
    // 'error' is always followed by 'close', which is where recovery happens.
    connection.on('error', () => undefined);
    try {
      const channel = await connection.createConfirmChannel();
      channel.on('error', () => undefined);
      await channel.assertQueue(this.options.queue, { durable: true });
      if (this.closed) throw new Error('publisher closed');
      const link = { connection, channel };
      connection.on('close', () => this.lost(link, 'connection closed'));
      channel.on('close', () => this.lost(link, 'channel closed'));
      this.link = link;
      this.backoffMs = this.options.minBackoffMs ?? 100;
      this.emit('connected', { url: redactUrl(this.options.url) });
      for (const entry of this.pending) if (entry.sentOn === null) this.send(entry, link);
    } catch (err) {
      await connection.close().catch(() => undefined);
      throw err;
    }
  }

  /**
   * Sends one message on the confirm channel. The return value of sendToQueue (socket buffer full) is not
   * awaited: the replay bounds the messages in flight, so the buffer stays small.
   */
  private send(entry: Pending, link: Link): void {
    entry.sentOn = link.channel;
    try {
      link.channel.sendToQueue(
        this.options.queue,
        entry.body,
        { persistent: true, contentType: 'application/json' },
        (err: unknown) => this.onConfirm(entry, link, err),
      );
    } catch {
      // The channel closed under us; its 'close' may not have arrived yet.
      entry.sentOn = null;
      this.lost(link, 'channel closed while sending');
    }
  }

  private onConfirm(entry: Pending, link: Link, err: unknown): void {
    if (!err) {
      // An ack is good news from any channel, even one given up on; the resent copy is then a harmless duplicate.
      if (this.pending.delete(entry)) entry.resolve();
      return;
    }
    // A nack, or the channel closed first: send it again, unless it has already been sent again elsewhere.
    // After a pause: a broker that refuses (a full queue with reject-publish) must not be hammered.
    if (entry.sentOn !== link.channel || !this.pending.has(entry)) return;
    entry.sentOn = null;
    setTimeout(() => {
      if (entry.sentOn === null && this.link === link && this.pending.has(entry)) this.send(entry, link);
    }, this.options.minBackoffMs ?? 100);
  }

  private lost(link: Link, reason: string): void {
    if (this.link !== link) return;
    this.link = null;
    for (const entry of this.pending) entry.sentOn = null;
    void link.connection.close().catch(() => undefined);
    if (this.closed) return;
    this.emit('disconnected', { reason });
    this.connect();
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
