// The broker from outside, as a producer or an operator sees it: confirmed publishing with headers and
// back-pressure, queue depths and counts, reading and deleting queues. Every function takes the broker's URL.
import { once } from 'node:events';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import amqp, { type Channel } from 'amqplib';

export interface OutgoingMessage {
  body: Buffer | string;
  headers?: Record<string, unknown>;
}

export interface ReceivedMessage {
  body: Buffer;
  headers: Record<string, unknown>;
}

async function withChannel<T>(url: string, use: (channel: Channel) => Promise<T>): Promise<T> {
  const connection = await amqp.connect(url);
  try {
    return await use(await connection.createChannel());
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** Publishes persistent messages to a durable queue in order and waits until the broker confirmed them all. */
export async function publishConfirmed(
  url: string,
  queue: string,
  messages: Iterable<OutgoingMessage | string | Buffer>,
): Promise<number> {
  const connection = await amqp.connect(url);
  let sent = 0;
  try {
    const channel = await connection.createConfirmChannel();
    await channel.assertQueue(queue, { durable: true });
    for (const m of messages) {
      const { body, headers } = typeof m === 'string' || Buffer.isBuffer(m) ? { body: m } : m;
      const ok = channel.sendToQueue(queue, Buffer.isBuffer(body) ? body : Buffer.from(body), {
        persistent: true,
        headers,
      });
      sent++;
      if (!ok) await once(channel, 'drain');
    }
    await channel.waitForConfirms();
  } finally {
    await connection.close().catch(() => undefined);
  }
  return sent;
}

/** Messages ready for delivery (unacknowledged ones not included). */
export async function queueDepth(url: string, queue: string): Promise<number> {
  return withChannel(url, async (channel) => (await channel.checkQueue(queue)).messageCount);
}

/** Takes `expected` messages off a queue (acking them), then whatever else is there; stops at `timeoutMs`. */
export async function takeAll(
  url: string,
  queue: string,
  expected: number,
  timeoutMs = 60_000,
): Promise<ReceivedMessage[]> {
  return withChannel(url, async (channel) => {
    const out: ReceivedMessage[] = [];
    await channel.assertQueue(queue, { durable: true });
    await channel.prefetch(500);
    let enough!: () => void;
    const reached = new Promise<void>((resolve) => (enough = resolve));
    const { consumerTag } = await channel.consume(queue, (msg) => {
      if (!msg) return;
      out.push({ body: msg.content, headers: msg.properties.headers ?? {} });
      channel.ack(msg);
      if (out.length >= expected) enough();
    });
    if (expected <= 0) enough();
    const timer = setTimeout(enough, timeoutMs);
    await reached;
    clearTimeout(timer);
    await channel.cancel(consumerTag);
    for (let msg = await channel.get(queue); msg; msg = await channel.get(queue)) {
      out.push({ body: msg.content, headers: msg.properties.headers ?? {} });
      channel.ack(msg);
    }
    return out;
  });
}

export async function deleteQueues(url: string, ...queues: string[]): Promise<void> {
  await withChannel(url, async (channel) => {
    for (const q of queues) await channel.deleteQueue(q);
  });
}

/**
 * Ready and unacknowledged messages of a queue, from `rabbitmqctl list_queues` (read-only): unacked ones are
 * held by a consumer that has not confirmed storing them. `node`: a private broker node; default the local one.
 */
export async function queueCounts(queue: string, node?: string): Promise<{ ready: number; unacked: number }> {
  const args = [
    ...(node ? ['-n', node] : []),
    'list_queues',
    '-q',
    '--no-table-headers',
    'name',
    'messages_ready',
    'messages_unacknowledged',
  ];
  const { stdout } = await promisify(execFile)('rabbitmqctl', args);
  for (const line of stdout.split('\n')) {
    const [name, ready, unacked] = line.trim().split(/\s+/);
    if (name === queue) return { ready: Number(ready), unacked: Number(unacked) };
  }
  throw new Error(`queue ${queue} is not on the broker`);
}
