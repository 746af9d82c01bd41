// Test support: reads a queue's reading messages, surviving other tests that close all broker connections.
import amqp from 'amqplib';
// Test support only: the simulator library itself never imports services (see STYLE.md).
import { TEST_AMQP_URL } from '../../../src/services/testing/rabbitmq';
import { waitFor } from '../../../src/services/testing/wait';

/**
 * Message bodies taken from `queue` (acked, so removed) until `expected` distinct timestamps have been seen
 * and `alsoUntil()` holds, or `timeoutMs` has passed. If the connection is closed under it, it consumes again:
 * unacked messages were requeued, acked ones are already counted.
 */
export async function collectReadings(
  queue: string,
  expected: number,
  { timeoutMs = 30_000, alsoUntil = () => true }: { timeoutMs?: number; alsoUntil?: () => boolean } = {},
): Promise<string[]> {
  const bodies: string[] = [];
  const seen = new Set<number>();
  const deadline = Date.now() + timeoutMs;
  const done = (): boolean => seen.size >= expected && alsoUntil();
  while (!done() && Date.now() < deadline) {
    const connection = await amqp.connect(TEST_AMQP_URL).catch(() => null);
    if (!connection) continue;
    let closed = false;
    connection.on('error', () => undefined);
    connection.on('close', () => (closed = true));
    try {
      const channel = await connection.createChannel();
      await channel.prefetch(500);
      await channel.consume(queue, (msg) => {
        if (!msg) return;
        const body = msg.content.toString();
        bodies.push(body);
        seen.add((JSON.parse(body) as { timestamp: number }).timestamp);
        channel.ack(msg);
      });
      await waitFor(() => done() || closed, {
        timeoutMs: Math.max(0, deadline - Date.now()),
        what: `${expected} readings in ${queue}`,
      }).catch(() => undefined);
    } catch {
      // Closed while setting up: try again.
    } finally {
      await connection.close().catch(() => undefined);
    }
  }
  return bodies;
}
