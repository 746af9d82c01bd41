// The bus port. Two adapters implement it: RabbitMQ (amqplib) and an in-process stand-in.
import type { EventEmitter } from 'node:events';

export type BusKind = 'rabbitmq' | 'in-process';

/** Headers a dead-lettered message carries. */
export const DEAD_LETTER_REASON_HEADER = 'x-wattdesk-reason';
export const DEAD_LETTER_QUEUE_HEADER = 'x-wattdesk-queue';

export function deadLetterQueueOf(queue: string): string {
  return `${queue}.dlq`;
}

export interface Delivery {
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, unknown>>;
  /** True when the broker has delivered this message before. */
  readonly redelivered: boolean;
  /** Done with it: the bus forgets the message. Call only after its effects are committed. */
  ack(): void;
  /** Acks this delivery and every earlier one of the same consumer still unacked: one frame for a batch. */
  ackThrough(): void;
  /** Moves the message to `<queue>.dlq` with the reason in a header, then acks it. */
  deadLetter(reason: string): Promise<void>;
}

export interface ConsumeOptions {
  /** Most deliveries held unacked at once. */
  prefetch: number;
}

export interface Subscription {
  /** Stops deliveries; unacked messages go back to the queue. */
  cancel(): Promise<void>;
}

export interface BusStatus {
  kind: BusKind;
  connected: boolean;
}

export interface MessageBus extends Pick<EventEmitter, 'on' | 'off'> {
  readonly kind: BusKind;
  status(): BusStatus;
  /** Publishes to a durable queue; resolves once the message is safely stored (publisher confirm). */
  publish(queue: string, body: Buffer, headers?: Record<string, unknown>): Promise<void>;
  /** Consumes a durable queue (asserting it and its dead-letter queue) until cancelled. */
  consume(
    queue: string,
    onDelivery: (delivery: Delivery) => void,
    options: ConsumeOptions,
  ): Promise<Subscription>;
  close(): Promise<void>;
}
