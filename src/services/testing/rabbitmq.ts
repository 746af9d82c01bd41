// Test support for the real broker: its URL, queue clean-up, dead-letter reading and connection killing.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import amqp from 'amqplib';
import { DEFAULT_AMQP_URL } from '../config/config';

export const TEST_AMQP_URL = DEFAULT_AMQP_URL;

export async function deleteQueues(...queues: string[]): Promise<void> {
  const connection = await amqp.connect(TEST_AMQP_URL);
  try {
    const channel = await connection.createChannel();
    for (const q of queues) await channel.deleteQueue(q);
  } finally {
    await connection.close();
  }
}

/** Everything in a queue, removed from it. */
export async function drainQueue(
  queue: string,
): Promise<Array<{ body: string; headers: Record<string, unknown> }>> {
  const connection = await amqp.connect(TEST_AMQP_URL);
  const out: Array<{ body: string; headers: Record<string, unknown> }> = [];
  try {
    const channel = await connection.createChannel();
    await channel.assertQueue(queue, { durable: true });
    for (;;) {
      const msg = await channel.get(queue, { noAck: true });
      if (!msg) break;
      out.push({ body: msg.content.toString(), headers: msg.properties.headers ?? {} });
    }
  } finally {
    await connection.close();
  }
  return out;
}

/** Publishes raw bodies with confirms, as an outside producer would. */
export async function publishRaw(queue: string, bodies: Array<string | Buffer>): Promise<void> {
  const connection = await amqp.connect(TEST_AMQP_URL);
  try {
    const channel = await connection.createConfirmChannel();
    await channel.assertQueue(queue, { durable: true });
    for (const body of bodies)
      channel.sendToQueue(queue, Buffer.isBuffer(body) ? body : Buffer.from(body), { persistent: true });
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
}

/** Closes every client connection from the broker's side, as an operator or a failover would. */
export async function closeAllConnections(): Promise<void> {
  await promisify(execFile)('rabbitmqctl', [
    'close_all_connections',
    'test: connections killed from the broker side',
  ]);
}
