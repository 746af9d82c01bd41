// Ingest rate: readings/s end to end through the monitoring service (validate, one SQLite transaction per
// batch, ack after commit), against a plain amqplib consumer that only parses and acks the same messages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp from 'amqplib';
import { createTokenVerifier } from '../../src/services/auth/token-verifier';
import { RabbitMqBus } from '../../src/services/bus/rabbitmq-bus';
import { createLogger } from '../../src/services/log/logger';
import { startMonitoringService } from '../../src/services/monitoring/monitoring-service';
import { deleteQueues, publishConfirmed } from '../../faults/support/amqp-queues';
import { count, row, verdict, type BenchRow } from '../support/bench-row';

export interface IngestOptions {
  readings: number;
  devices: number;
  amqpUrl: string;
}

export interface IngestResult {
  /** Seconds from the first publish until the last message was processed. */
  plainSeconds: number;
  wattdeskSeconds: number;
  /** WattDesk's rate as a share of the plain consumer's. */
  ratio: number;
  rows: BenchRow[];
  note: string;
}

/** The ratio the monitoring issue asked for. */
export const INGEST_TARGET_RATIO = 0.7;

/** The same messages for both consumers: 10-minute readings, round-robin over the devices. */
function messages(total: number, devices: number): Buffer[] {
  const t0 = Date.UTC(2026, 0, 1);
  return Array.from({ length: total }, (_, i) => {
    const step = Math.floor(i / devices);
    return Buffer.from(
      JSON.stringify({
        timestamp: t0 + step * 600_000,
        device_id: `dev-${i % devices}`,
        measurement_value: step * 0.1,
      }),
    );
  });
}

/** Time from the first publish until `done()` says all were processed, in seconds. */
async function timeRun(url: string, queue: string, bodies: Buffer[], done: () => boolean): Promise<number> {
  const start = performance.now();
  await publishConfirmed(url, queue, bodies);
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
  return (performance.now() - start) / 1000;
}

async function plainConsumer(url: string, run: string, bodies: Buffer[]): Promise<number> {
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
  const seconds = await timeRun(url, queue, bodies, () => seen >= bodies.length);
  await channel.deleteQueue(queue);
  await connection.close();
  return seconds;
}

async function wattdesk(url: string, run: string, bodies: Buffer[]): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wattdesk-bench-'));
  const log = createLogger('warn');
  const queues = { consumptions: `${run}.consumptions`, devices: `${run}.devices` };
  const bus = new RabbitMqBus(url, log);
  try {
    const service = await startMonitoringService({
      config: { dataDir, monitoringPort: 0, queues, tz: 'UTC', maxPowerKw: 1000 },
      bus,
      log,
      port: 0,
      // No HTTP requests are made: no keys needed.
      verifier: createTokenVerifier({ keySet: { keys: [] } }),
    });
    const applied = () =>
      (service.health() as { consumers: { consumptions: { applied: number } } }).consumers.consumptions
        .applied;
    const seconds = await timeRun(url, queues.consumptions, bodies, () => applied() >= bodies.length);
    await service.close();
    return seconds;
  } finally {
    await bus.close();
    await deleteQueues(
      url,
      queues.consumptions,
      `${queues.consumptions}.dlq`,
      queues.devices,
      `${queues.devices}.dlq`,
    );
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function measureIngest(o: IngestOptions): Promise<IngestResult> {
  const run = `bench.${process.pid}.${Date.now()}`;
  const bodies = messages(o.readings, o.devices);
  const plainSeconds = await plainConsumer(o.amqpUrl, run, bodies);
  const wattdeskSeconds = await wattdesk(o.amqpUrl, run, bodies);
  const ratio = plainSeconds / wattdeskSeconds;
  const rate = (s: number) => `${count(o.readings / s)} readings/s`;
  return {
    plainSeconds,
    wattdeskSeconds,
    ratio,
    rows: [
      row({
        benchmark: 'Ingest (monitoring: validate, SQLite commit, ack)',
        figure: rate(wattdeskSeconds),
        baseline: `${rate(plainSeconds)} (plain amqplib consumer: parse, ack)`,
        ratio: ratio.toFixed(2),
        target: `ratio ≥ ${INGEST_TARGET_RATIO.toFixed(2)}`,
        verdict: verdict(ratio >= INGEST_TARGET_RATIO),
      }),
    ],
    note:
      `Ingest: ${count(o.readings)} readings over ${o.devices} devices published with confirms to a fresh queue; ` +
      'time from the first publish until the consumer has processed the last, for an in-process monitoring ' +
      'service and for a plain amqplib consumer of the same messages.',
  };
}
