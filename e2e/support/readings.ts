// Test support: publish a meter reading straight to the host's readings queue, timing when it went out.
import amqp from 'amqplib';
import { TEST_AMQP_URL } from '../../src/services/testing/rabbitmq';

/**
 * Sends one reading with publisher confirms; resolves with the wall time (epoch ms) just before it was
 * handed to the broker, the moment the latency of its alert is measured from.
 */
export async function publishReading(
  queue: string,
  reading: { timestamp: number; device_id: string; measurement_value: number },
): Promise<number> {
  const connection = await amqp.connect(TEST_AMQP_URL);
  try {
    const channel = await connection.createConfirmChannel();
    await channel.assertQueue(queue, { durable: true });
    const sentAt = Date.now();
    channel.sendToQueue(queue, Buffer.from(JSON.stringify(reading)), { persistent: true });
    await channel.waitForConfirms();
    return sentAt;
  } finally {
    await connection.close();
  }
}
