// One contract, two adapters: whatever the monitoring service relies on holds for both.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/logger';
import { deleteQueues, TEST_AMQP_URL } from '../testing/rabbitmq';
import { uniqueQueue, waitFor } from '../testing/wait';
import { InProcessBus } from './in-process-bus';
import { DEAD_LETTER_REASON_HEADER, deadLetterQueueOf, type Delivery, type MessageBus } from './message-bus';
import { RabbitMqBus } from './rabbitmq-bus';

const log = createLogger('silent');

const adapters: Array<[string, () => MessageBus, (queue: string) => Promise<void>]> = [
  ['in-process', () => new InProcessBus(), async () => undefined],
  [
    'rabbitmq',
    () => new RabbitMqBus(TEST_AMQP_URL, log),
    (q) => deleteQueues(q, deadLetterQueueOf(q), deadLetterQueueOf(deadLetterQueueOf(q)), `${q}.barrier`),
  ],
];

describe.each(adapters)('the %s bus', (_name, makeBus, cleanUp) => {
  let bus: MessageBus;
  let queue: string;

  afterEach(async () => {
    await bus.close();
    await cleanUp(queue);
  });

  function setUp(prefix: string): void {
    bus = makeBus();
    queue = uniqueQueue(prefix);
  }

  function collect(into: Delivery[]) {
    return (d: Delivery) => into.push(d);
  }

  it('delivers what was published before anyone consumed, in order', async () => {
    setUp('order');
    for (let i = 0; i < 5; i++) await bus.publish(queue, Buffer.from(`m${i}`));
    const got: Delivery[] = [];
    await bus.consume(queue, collect(got), { prefetch: 10 });
    await waitFor(() => got.length === 5, { what: '5 deliveries' });
    expect(got.map((d) => d.body.toString())).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('holds back deliveries beyond the prefetch until earlier ones are acked', async () => {
    setUp('prefetch');
    for (let i = 0; i < 4; i++) await bus.publish(queue, Buffer.from(`m${i}`));
    const got: Delivery[] = [];
    await bus.consume(queue, collect(got), { prefetch: 2 });
    await waitFor(() => got.length === 2, { what: '2 deliveries' });
    // A confirmed round trip to the broker: had it meant to send a third, it would have by now.
    await bus.publish(`${queue}.barrier`, Buffer.from('x'));
    expect(got).toHaveLength(2);
    got[0]!.ack();
    await waitFor(() => got.length === 3, { what: 'a third delivery after an ack' });
    expect(got[2]!.body.toString()).toBe('m2');
  });

  it('acks every earlier delivery with one ackThrough', async () => {
    setUp('through');
    for (let i = 0; i < 6; i++) await bus.publish(queue, Buffer.from(`m${i}`));
    const got: Delivery[] = [];
    const subscription = await bus.consume(queue, collect(got), { prefetch: 3 });
    await waitFor(() => got.length === 3);
    got[2]!.ackThrough();
    await waitFor(() => got.length === 6, { what: 'three more deliveries' });
    got[5]!.ackThrough();
    await subscription.cancel();
    // Nothing was left unacked, so nothing comes back.
    const again: Delivery[] = [];
    await bus.consume(queue, collect(again), { prefetch: 10 });
    await bus.publish(queue, Buffer.from('last'));
    await waitFor(() => again.length >= 1);
    expect(again.map((d) => d.body.toString())).toEqual(['last']);
  });

  it('moves a dead-lettered message to <queue>.dlq with its reason', async () => {
    setUp('dlq');
    await bus.publish(queue, Buffer.from('not json'));
    const got: Delivery[] = [];
    await bus.consume(queue, collect(got), { prefetch: 1 });
    await waitFor(() => got.length === 1);
    await got[0]!.deadLetter('body is not JSON');
    const dead: Delivery[] = [];
    await bus.consume(deadLetterQueueOf(queue), collect(dead), { prefetch: 1 });
    await waitFor(() => dead.length === 1, { what: 'the dead letter' });
    expect(dead[0]!.body.toString()).toBe('not json');
    expect(dead[0]!.headers[DEAD_LETTER_REASON_HEADER]).toBe('body is not JSON');
    dead[0]!.ack();
  });

  it('gives unacked messages back to the queue when a consumer cancels', async () => {
    setUp('requeue');
    await bus.publish(queue, Buffer.from('keep me'));
    const first: Delivery[] = [];
    const subscription = await bus.consume(queue, collect(first), { prefetch: 1 });
    await waitFor(() => first.length === 1);
    await subscription.cancel();
    const second: Delivery[] = [];
    await bus.consume(queue, collect(second), { prefetch: 1 });
    await waitFor(() => second.length === 1, { what: 'the redelivery' });
    expect(second[0]!.body.toString()).toBe('keep me');
    expect(second[0]!.redelivered).toBe(true);
  });

  it('reports its kind and that it is connected', async () => {
    setUp('status');
    await bus.publish(queue, Buffer.from('x'));
    expect(bus.status()).toEqual({ kind: bus.kind, connected: true });
  });
});
