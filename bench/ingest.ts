// `npm run bench:ingest [-- --readings N --devices D]`: end-to-end ingest rate of the monitoring service,
// against a plain amqplib consumer of the same messages in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import amqp from 'amqplib';
import { DEFAULT_AMQP_URL } from '../src/services/config/config';
import { createTokenVerifier } from '../src/services/auth/token-verifier';
import { RabbitMqBus } from '../src/services/bus/rabbitmq-bus';
import { createLogger } from '../src/services/log/logger';
import { startMonitoringService } from '../src/services/monitoring/monitoring-service';

const { values } = parseArgs({
  options: {
    readings: { type: 'string', default: '200000' },
    devices: { type: 'string', default: '100' },
    amqp: { type: 'string', default: DEFAULT_AMQP_URL },
  },
});
const total = Number(values.readings);
const deviceCount = Number(values.devices);
const url = values.amqp;
const run = `bench.${process.pid}`;

/** The same messages for both consumers: 10-minute readings, round-robin over the devices. */
function messages(): Buffer[] {
  const t0 = Date.UTC(2026, 0, 1);
  return Array.from({ length: total }, (_, i) => {
    const step = Math.floor(i / deviceCount);
    return Buffer.from(
      JSON.stringify({
        timestamp: t0 + step * 600_000,
        device_id: `dev-${i % deviceCount}`,
        measurement_value: step * 0.1,
      }),
    );
  });
}

async function publishAll(queue: string, bodies: Buffer[]): Promise<void> {
  const connection = await amqp.connect(url);
  const channel = await connection.createConfirmChannel();
  await channel.assertQueue(queue, { durable: true });
  for (const body of bodies) {
    if (!channel.sendToQueue(queue, body, { persistent: true })) {
      await new Promise((resolve) => channel.once('drain', resolve));
    }
  }
  await channel.waitForConfirms();
  await connection.close();
}

/** Time from the first publish until `done()` says all were processed, in seconds. */
async function timeRun(queue: string, bodies: Buffer[], done: () => boolean): Promise<number> {
  const start = performance.now();
  await publishAll(queue, bodies);
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
  return (performance.now() - start) / 1000;
}

async function plainConsumer(bodies: Buffer[]): Promise<number> {
  const queue = `${run}.plain`;
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  await channel.assertQueue(queue, { durable: true });
  await channel.prefetch(1000);
  let seen = 0;
  await channel.consume(queue, (msg) => {
    if (!msg) return;
    JSON.parse(msg.content.toString());
    channel.ack(msg);
    seen++;
  });
  const seconds = await timeRun(queue, bodies, () => seen >= total);
  await channel.deleteQueue(queue);
  await connection.close();
  return seconds;
}

async function wattdesk(bodies: Buffer[]): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wattdesk-bench-'));
  const log = createLogger('warn');
  const queues = { consumptions: `${run}.consumptions`, devices: `${run}.devices` };
  const bus = new RabbitMqBus(url, log);
  const service = await startMonitoringService({
    config: { dataDir, monitoringPort: 0, queues, tz: 'UTC', maxPowerKw: 1000 },
    bus,
    log,
    port: 0,
    // No HTTP requests are made: no keys needed.
    verifier: createTokenVerifier({ keySet: { keys: [] } }),
  });
  const applied = () =>
    (service.health() as { consumers: { consumptions: { applied: number } } }).consumers.consumptions.applied;
  const seconds = await timeRun(queues.consumptions, bodies, () => applied() >= total);
  await service.close();
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  for (const q of [
    queues.consumptions,
    `${queues.consumptions}.dlq`,
    queues.devices,
    `${queues.devices}.dlq`,
  ]) {
    await channel.deleteQueue(q);
  }
  await connection.close();
  await bus.close();
  rmSync(dataDir, { recursive: true, force: true });
  return seconds;
}

const bodies = messages();
console.log(`ingest benchmark: ${total} readings over ${deviceCount} devices`);
const plain = await plainConsumer(bodies);
const ours = await wattdesk(bodies);
const rate = (s: number) => Math.round(total / s);
console.table({
  'plain amqplib consumer (parse + ack)': { 'readings/s': rate(plain), seconds: plain.toFixed(2) },
  'WattDesk monitoring (validate + SQLite commit + ack)': {
    'readings/s': rate(ours),
    seconds: ours.toFixed(2),
  },
});
const ratio = plain / ours;
console.log(
  `ratio: ${ratio.toFixed(2)} of the plain consumer (target ≥ 0.70) ${ratio >= 0.7 ? 'met' : 'MISSED'}`,
);
