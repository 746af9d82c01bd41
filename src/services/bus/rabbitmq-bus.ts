// The bus on RabbitMQ: durable queues, publisher confirms, manual acks, reconnection with backoff.
import { EventEmitter } from 'node:events';
import amqp, { type Channel, type ChannelModel, type ConfirmChannel, type ConsumeMessage } from 'amqplib';
import type { Logger } from '../log/logger';
import {
  DEAD_LETTER_QUEUE_HEADER,
  DEAD_LETTER_REASON_HEADER,
  deadLetterQueueOf,
  type BusStatus,
  type ConsumeOptions,
  type Delivery,
  type MessageBus,
  type Subscription,
} from './message-bus';
import { redactUrl } from '../../shared/redact-url';

const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5_000;
const HEARTBEAT_S = 10;

/** Connects with heartbeats on (unless the URL sets them), so a dead broker is noticed within seconds. */
export async function openConnection(url: string, timeoutMs?: number): Promise<ChannelModel> {
  const u = new URL(url);
  if (!u.searchParams.has('heartbeat')) u.searchParams.set('heartbeat', String(HEARTBEAT_S));
  return amqp.connect(u.toString(), {
    noDelay: true,
    clientProperties: { connection_name: 'wattdesk' },
    ...(timeoutMs ? { timeout: timeoutMs } : {}),
  });
}

interface ConsumerSpec {
  queue: string;
  onDelivery: (delivery: Delivery) => void;
  prefetch: number;
  channel: Channel | null;
  cancelled: boolean;
}

export class RabbitMqBus extends EventEmitter implements MessageBus {
  readonly kind = 'rabbitmq' as const;
  private connection: ChannelModel | null = null;
  private publisher: ConfirmChannel | null = null;
  private readonly asserted = new Set<string>();
  private readonly consumers = new Set<ConsumerSpec>();
  private closing = false;
  private waiters: Array<() => void> = [];
  private backoff = MIN_BACKOFF_MS;
  private retryTimer: NodeJS.Timeout | null = null;

  /** Starts connecting in the background; `first` is an already open connection to adopt, if any. */
  constructor(
    private readonly url: string,
    private readonly log: Logger,
    first?: ChannelModel,
  ) {
    super();
    if (first) void this.adopt(first);
    else void this.connectLoop();
  }

  status(): BusStatus {
    return { kind: this.kind, connected: this.publisher !== null };
  }

  async publish(queue: string, body: Buffer, headers: Record<string, unknown> = {}): Promise<void> {
    // A message that is not confirmed is sent again once the connection is back: never lost, maybe twice.
    for (;;) {
      const channel = await this.ready();
      try {
        if (!this.asserted.has(queue)) {
          await channel.assertQueue(queue, { durable: true });
          this.asserted.add(queue);
        }
        await new Promise<void>((resolve, reject) => {
          channel.sendToQueue(
            queue,
            body,
            { persistent: true, headers, contentType: 'application/json' },
            (err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()),
          );
        });
        return;
      } catch (err) {
        if (this.closing) throw err;
        this.log.warn({ err, queue }, 'publish not confirmed; retrying after reconnect');
        await this.reconnectSoon(channel);
      }
    }
  }

  async consume(
    queue: string,
    onDelivery: (delivery: Delivery) => void,
    { prefetch }: ConsumeOptions,
  ): Promise<Subscription> {
    const spec: ConsumerSpec = { queue, onDelivery, prefetch, channel: null, cancelled: false };
    this.consumers.add(spec);
    if (this.connection) await this.setup(this.connection, spec);
    return {
      cancel: async () => {
        spec.cancelled = true;
        this.consumers.delete(spec);
        await spec.channel?.close().catch(() => undefined);
        spec.channel = null;
      },
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    for (const spec of this.consumers) await spec.channel?.close().catch(() => undefined);
    await this.connection?.close().catch(() => undefined);
    this.connection = null;
    this.publisher = null;
    // Publishes waiting for a connection give up: `ready` throws once closing.
    for (const wake of this.waiters.splice(0)) wake();
    this.emit('status', this.status());
  }

  /** Asserts the queue and its dead-letter queue, sets prefetch and starts consuming. Runs on every reconnect. */
  private async setup(connection: ChannelModel, spec: ConsumerSpec): Promise<void> {
    const channel = await connection.createChannel();
    channel.on('error', (err) =>
      this.log.warn({ err: String(err), queue: spec.queue }, 'consumer channel error'),
    );
    channel.on('close', () => {
      if (!spec.cancelled && spec.channel === channel) this.restartAfterChannelLoss(connection);
    });
    await channel.assertQueue(spec.queue, { durable: true });
    await channel.assertQueue(deadLetterQueueOf(spec.queue), { durable: true });
    await channel.prefetch(spec.prefetch);
    spec.channel = channel;
    await channel.consume(spec.queue, (msg) => {
      if (msg) spec.onDelivery(this.delivery(spec.queue, channel, msg));
    });
  }

  private delivery(queue: string, channel: Channel, msg: ConsumeMessage): Delivery {
    // Acks go to the channel that delivered: after a reconnect, delivery tags start again at 1.
    const ack = (allUpTo = false): void => {
      try {
        channel.ack(msg, allUpTo);
      } catch {
        // The channel is gone; the broker redelivers, and processing is idempotent.
      }
    };
    return {
      body: msg.content,
      headers: msg.properties.headers ?? {},
      redelivered: msg.fields.redelivered,
      ack: () => ack(),
      ackThrough: () => ack(true),
      deadLetter: async (reason) => {
        await this.publish(deadLetterQueueOf(queue), msg.content, {
          ...msg.properties.headers,
          [DEAD_LETTER_REASON_HEADER]: reason,
          [DEAD_LETTER_QUEUE_HEADER]: queue,
        });
        ack();
      },
    };
  }

  private async connectLoop(): Promise<void> {
    while (!this.closing && !this.connection) {
      try {
        await this.adopt(await openConnection(this.url));
        return;
      } catch (err) {
        this.log.warn(
          { err: String(err), url: redactUrl(this.url), retryInMs: this.backoff },
          'RabbitMQ unreachable',
        );
        await new Promise<void>((resolve) => {
          this.retryTimer = setTimeout(resolve, this.backoff);
        });
        this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private async adopt(connection: ChannelModel): Promise<void> {
    connection.on('error', (err) => this.log.warn({ err: String(err) }, 'RabbitMQ connection error'));
    connection.on('close', () => this.onClosed(connection));
    try {
      const publisher = await connection.createConfirmChannel();
      publisher.on('error', (err) => this.log.warn({ err: String(err) }, 'publisher channel error'));
      publisher.on('close', () => this.restartAfterChannelLoss(connection));
      for (const spec of this.consumers) if (!spec.cancelled) await this.setup(connection, spec);
      this.connection = connection;
      this.publisher = publisher;
      this.asserted.clear();
      this.backoff = MIN_BACKOFF_MS;
      this.log.info({ url: redactUrl(this.url) }, 'connected to RabbitMQ');
      this.emit('status', this.status());
      for (const wake of this.waiters.splice(0)) wake();
    } catch (err) {
      this.log.warn({ err: String(err) }, 'RabbitMQ setup failed; reconnecting');
      await connection.close().catch(() => undefined);
      if (!this.connection) void this.connectLoop();
    }
  }

  private onClosed(connection: ChannelModel): void {
    if (this.connection !== connection) return;
    this.connection = null;
    this.publisher = null;
    for (const spec of this.consumers) spec.channel = null;
    this.emit('status', this.status());
    if (this.closing) return;
    this.log.warn('RabbitMQ connection lost; reconnecting');
    void this.connectLoop();
  }

  /** A channel the broker closed on a live connection: rebuild everything from a fresh connection. */
  private restartAfterChannelLoss(connection: ChannelModel): void {
    if (this.closing || this.connection !== connection) return;
    this.log.warn('RabbitMQ channel closed; reconnecting');
    void connection.close().catch(() => this.onClosed(connection));
  }

  /** The publishing channel, once connected. */
  private async ready(): Promise<ConfirmChannel> {
    while (!this.publisher) {
      if (this.closing) throw new Error('bus closed');
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    return this.publisher;
  }

  /** After a failed publish: rebuild the connection if that channel is still in use, then try again. */
  private async reconnectSoon(failed: ConfirmChannel): Promise<void> {
    if (this.publisher === failed && this.connection) this.restartAfterChannelLoss(this.connection);
    await new Promise((resolve) => setTimeout(resolve, this.backoff));
  }
}
