// The bus inside one process, for a desktop with no reachable RabbitMQ. Same semantics, no durability.
import { EventEmitter } from 'node:events';
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

interface QueuedMessage {
  body: Buffer;
  headers: Record<string, unknown>;
  delivered: boolean;
}

interface Consumer {
  onDelivery: (delivery: Delivery) => void;
  prefetch: number;
  unacked: Set<QueuedMessage>;
  active: boolean;
}

class Queue {
  constructor(readonly name: string) {}
  readonly ready: QueuedMessage[] = [];
  readonly consumers: Consumer[] = [];
  private next = 0;

  /** Hands ready messages to consumers with room, round-robin. */
  dispatch(deliver: (consumer: Consumer, message: QueuedMessage) => void): void {
    while (this.ready.length > 0) {
      const open = this.consumers.filter((c) => c.active && c.unacked.size < c.prefetch);
      if (open.length === 0) return;
      const consumer = open[this.next++ % open.length]!;
      const message = this.ready.shift()!;
      consumer.unacked.add(message);
      deliver(consumer, message);
    }
  }
}

export class InProcessBus extends EventEmitter implements MessageBus {
  readonly kind = 'in-process' as const;
  private readonly queues = new Map<string, Queue>();
  private closed = false;

  status(): BusStatus {
    return { kind: this.kind, connected: !this.closed };
  }

  async publish(queue: string, body: Buffer, headers: Record<string, unknown> = {}): Promise<void> {
    if (this.closed) throw new Error('bus closed');
    const q = this.queue(queue);
    q.ready.push({ body: Buffer.from(body), headers: { ...headers }, delivered: false });
    this.schedule(q);
  }

  async consume(
    queue: string,
    onDelivery: (delivery: Delivery) => void,
    { prefetch }: ConsumeOptions,
  ): Promise<Subscription> {
    const q = this.queue(queue);
    this.queue(deadLetterQueueOf(queue));
    const consumer: Consumer = { onDelivery, prefetch, unacked: new Set(), active: true };
    q.consumers.push(consumer);
    this.schedule(q);
    return {
      cancel: async () => {
        consumer.active = false;
        q.consumers.splice(q.consumers.indexOf(consumer), 1);
        q.ready.unshift(...consumer.unacked);
        consumer.unacked.clear();
        this.schedule(q);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emit('status', this.status());
  }

  private queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name);
      this.queues.set(name, q);
    }
    return q;
  }

  /** Delivers asynchronously, as a broker would, so publishers never run consumer code on their stack. */
  private schedule(q: Queue): void {
    queueMicrotask(() =>
      q.dispatch((consumer, message) => {
        const redelivered = message.delivered;
        message.delivered = true;
        const settle = (): boolean => consumer.unacked.delete(message);
        consumer.onDelivery({
          body: message.body,
          headers: message.headers,
          redelivered,
          ack: () => {
            if (settle()) this.schedule(q);
          },
          ackThrough: () => {
            // Unacked deliveries are kept in delivery order.
            for (const earlier of consumer.unacked) {
              consumer.unacked.delete(earlier);
              if (earlier === message) break;
            }
            this.schedule(q);
          },
          deadLetter: async (reason) => {
            if (!consumer.unacked.has(message)) return;
            await this.publish(deadLetterQueueOf(q.name), message.body, {
              ...message.headers,
              [DEAD_LETTER_REASON_HEADER]: reason,
              [DEAD_LETTER_QUEUE_HEADER]: q.name,
            });
            if (settle()) this.schedule(q);
          },
        });
      }),
    );
  }
}
