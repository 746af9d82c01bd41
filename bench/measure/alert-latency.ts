// Alert latency: from publishing the reading that takes a device over its hourly limit to the alert reaching a
// signed-in WebSocket client, with other traffic flowing at a steady rate. The headless host runs as its own
// process; the publishers and the client run here, on one clock. Baseline: the same reading's trip through the
// broker alone, publish to delivery to a plain amqplib consumer, measured in the same ticks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import { deleteQueues, publishConfirmed } from '../../faults/support/amqp-queues';
import { deviceUpserted } from '../../faults/support/device-events';
import { startHeadless, type HeadlessProcess } from '../../faults/support/headless-process';
import { call, login, openLiveFeed } from '../../faults/support/host-client';
import { deadLetterQueueOf } from '../../src/services/bus/message-bus';
import { waitFor, withTimeout } from '../../src/services/testing/wait';
import { count, ms, quantile, row, verdict, type BenchRow } from '../support/bench-row';

export interface AlertLatencyOptions {
  amqpUrl: string;
  /** Limit crossings measured (after the warm-up). */
  samples: number;
  /** Other readings per second, on devices without owners. */
  backgroundRate: number;
  backgroundDevices: number;
  /** Crossings per second. */
  sampleRate: number;
}

export interface AlertLatencyResult {
  p50: number;
  p99: number;
  max: number;
  baselineP50: number;
  baselineP99: number;
  backgroundAchieved: number;
  rows: BenchRow[];
  note: string;
}

/** p99 target, ms. */
export const ALERT_P99_TARGET_MS = 50;
const WARMUP = 20;
const TICK_MS = 10;
const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 0, 1);
const DEVICE = 'latency-meter';
const ADMIN_PASSWORD = 'alert latency bench password';

interface Link {
  connection: ChannelModel;
  channel: ConfirmChannel;
}

async function link(url: string): Promise<Link> {
  const connection = await amqp.connect(url);
  return { connection, channel: await connection.createConfirmChannel() };
}

const send = (l: Link, queue: string, body: object) =>
  l.channel.sendToQueue(queue, Buffer.from(JSON.stringify(body)), { persistent: true });

export async function measureAlertLatency(o: AlertLatencyOptions): Promise<AlertLatencyResult> {
  const run = `bench.${process.pid}.alerts`;
  const queues = { consumptions: `${run}.c`, devices: `${run}.d`, users: `${run}.u` };
  const probeQueue = `${run}.probe`;
  const dataDir = mkdtempSync(join(tmpdir(), 'wattdesk-bench-alerts-'));
  const links: Link[] = [];
  let host: HeadlessProcess | undefined;
  try {
    // An owned device with a 0.5 kWh limit: every crossing reading below puts 1 kWh into a new hour.
    await publishConfirmed(o.amqpUrl, queues.devices, [deviceUpserted(DEVICE, 'latency-owner', 0.5)]);
    host = await startHeadless({
      dataDir,
      amqpUrl: o.amqpUrl,
      queues,
      adminPassword: ADMIN_PASSWORD,
      tz: 'UTC',
    });
    const monitoring = host.urls.monitoring;
    const { access_token: token } = await login(host.urls.users, 'admin', ADMIN_PASSWORD);
    await waitFor(
      async () => (await call(`${monitoring}/api/devices/${DEVICE}/quality`, 'GET', token)).status === 200,
      {
        timeoutMs: 30_000,
        what: 'the device event applied',
      },
    );
    const feed = await openLiveFeed(monitoring, token);
    await feed.subscribe([DEVICE]);
    const alertAt = new Map<number, number>();
    feed.socket.on('message', (data) => {
      const m = JSON.parse(String(data)) as { type: string; hour_start?: string };
      if (m.type === 'alert') alertAt.set(Date.parse(m.hour_start!), performance.now());
    });

    // The broker-only baseline: a plain consumer of a queue of its own.
    const probe = await link(o.amqpUrl);
    links.push(probe);
    await probe.channel.assertQueue(probeQueue, { durable: true });
    const probeAt = new Map<number, number>();
    await probe.channel.consume(
      probeQueue,
      (msg) => {
        if (!msg) return;
        probeAt.set((JSON.parse(msg.content.toString()) as { k: number }).k, performance.now());
        probe.channel.ack(msg);
      },
      {},
    );

    const background = await link(o.amqpUrl);
    const meter = await link(o.amqpUrl);
    links.push(background, meter);
    const total = WARMUP + o.samples + 1;
    const sentAt: number[] = [];
    const probeSentAt: number[] = [];
    let backgroundSent = 0;
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      const finish = () => {
        clearInterval(timer);
        clearTimeout(deadline);
        resolve();
      };
      const timer = setInterval(() => {
        const elapsed = (performance.now() - t0) / 1000;
        // Other traffic: device d's n-th reading, 10 minutes apart, 0.01 kWh each.
        for (const due = Math.floor(elapsed * o.backgroundRate); backgroundSent < due; backgroundSent++) {
          const d = backgroundSent % o.backgroundDevices;
          const n = Math.floor(backgroundSent / o.backgroundDevices);
          send(background, queues.consumptions, {
            timestamp: T0 + n * 600_000,
            device_id: `background-${d}`,
            measurement_value: n * 0.01,
          });
        }
        // Crossing k: 2 kWh since crossing k-1, an hour earlier; half of it falls in hour k.
        if (sentAt.length < total && elapsed * o.sampleRate >= sentAt.length) {
          const k = sentAt.length;
          probeSentAt.push(performance.now());
          send(probe, probeQueue, { k });
          sentAt.push(performance.now());
          send(meter, queues.consumptions, {
            timestamp: T0 + k * HOUR + HOUR / 2,
            device_id: DEVICE,
            measurement_value: 2 * k,
          });
        }
        if (sentAt.length >= total && alertAt.has(T0 + (total - 1) * HOUR)) finish();
      }, TICK_MS);
      // Missing alerts are reported below, by crossing.
      const deadline = setTimeout(finish, (total / o.sampleRate) * 1000 + 30_000);
    });
    const backgroundAchieved = backgroundSent / ((performance.now() - t0) / 1000);
    await withTimeout(
      Promise.all(links.map((l) => l.channel.waitForConfirms())),
      30_000,
      'publisher confirms',
    );

    const latencies: number[] = [];
    const baseline: number[] = [];
    for (let k = WARMUP + 1; k < total; k++) {
      const received = alertAt.get(T0 + k * HOUR);
      if (received === undefined) throw new Error(`no alert for crossing ${k}`);
      latencies.push(received - sentAt[k]!);
      baseline.push(probeAt.get(k)! - probeSentAt[k]!);
    }
    feed.close();
    const p50 = quantile(latencies, 0.5);
    const p99 = quantile(latencies, 0.99);
    const baselineP50 = quantile(baseline, 0.5);
    const baselineP99 = quantile(baseline, 0.99);
    const traffic = `${count(o.backgroundRate)} readings/s of other traffic`;
    return {
      p50,
      p99,
      max: Math.max(...latencies),
      baselineP50,
      baselineP99,
      backgroundAchieved,
      rows: [
        row({
          benchmark: `Alert latency p50 (${traffic})`,
          figure: ms(p50),
          baseline: `${ms(baselineP50)} (broker alone)`,
          ratio: (p50 / baselineP50).toFixed(1),
        }),
        row({
          benchmark: `Alert latency p99 (${traffic})`,
          figure: ms(p99),
          baseline: `${ms(baselineP99)} (broker alone)`,
          ratio: (p99 / baselineP99).toFixed(1),
          target: `< ${ALERT_P99_TARGET_MS} ms`,
          verdict: verdict(p99 < ALERT_P99_TARGET_MS),
        }),
      ],
      note:
        `Alert latency: ${o.samples} limit crossings (after ${WARMUP} warm-up ones), ${o.sampleRate} a second, each ` +
        `the reading that puts 1 kWh into a new hour of a device with a 0.5 kWh limit; from just before publishing ` +
        `it to the alert arriving at an admin's live-feed socket subscribed to the device, on the headless host ` +
        `(a separate process). Other traffic: ${count(backgroundAchieved)} readings/s achieved over ` +
        `${o.backgroundDevices} devices. Baseline: a message published in the same tick to a plain amqplib consumer.`,
    };
  } finally {
    for (const l of links) await l.connection.close().catch(() => undefined);
    await host?.stop();
    const all = Object.values(queues);
    await deleteQueues(o.amqpUrl, ...all, ...all.map(deadLetterQueueOf), probeQueue).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
