// `npm run bench:simulator`: readings/s of a `--speed max` replay against plain amqplib confirmed publishing
// of the same messages, in the same run and against the same broker, alternating rounds; prints the ratio.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import amqp from 'amqplib';
import { createReplay, DEFAULT_AMQP_URL, DEFAULT_INTERVAL_MS, SAMPLE_CSV } from '../simulator';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: SAMPLE_CSV },
    rounds: { type: 'string', default: '3' },
    amqp: { type: 'string', default: DEFAULT_AMQP_URL },
  },
});
const file = resolve(values.file);
const rounds = Number(values.rounds);
const url = values.amqp;
const DEVICE = 'bench-meter';
const START = Date.UTC(2024, 0, 1);

/** The messages the replay sends for a course-format file, built ahead so the baseline times only publishing. */
async function sameMessages(): Promise<Buffer[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  return lines.map((line, i) =>
    Buffer.from(
      JSON.stringify({
        timestamp: START + i * DEFAULT_INTERVAL_MS,
        device_id: DEVICE,
        measurement_value: Number(line),
      }),
    ),
  );
}

async function simulatorRound(queue: string): Promise<{ count: number; ms: number }> {
  const t0 = performance.now();
  const summary = await createReplay({
    file,
    devices: [DEVICE],
    start: START,
    speed: 'max',
    amqpUrl: url,
    queue,
  }).start();
  const ms = performance.now() - t0;
  if (summary.outcome !== 'completed') throw new Error(`replay ${summary.outcome}: ${summary.failure}`);
  return { count: summary.sent, ms };
}

/** Plain amqplib: one confirm channel, publish everything (respecting backpressure), wait for all confirms. */
async function baselineRound(queue: string, messages: Buffer[]): Promise<{ count: number; ms: number }> {
  const t0 = performance.now();
  const connection = await amqp.connect(url);
  const channel = await connection.createConfirmChannel();
  await channel.assertQueue(queue, { durable: true });
  for (const body of messages)
    if (!channel.sendToQueue(queue, body, { persistent: true, contentType: 'application/json' }))
      await once(channel, 'drain');
  await channel.waitForConfirms();
  const ms = performance.now() - t0;
  await connection.close();
  return { count: messages.length, ms };
}

async function deleteQueue(queue: string): Promise<void> {
  const connection = await amqp.connect(url);
  try {
    await (await connection.createChannel()).deleteQueue(queue);
  } finally {
    await connection.close();
  }
}

/**
 * One timed run into a fresh queue, deleted afterwards. Plain amqplib does not survive a connection closed
 * by the broker (tests running at the same time may do that), so a failed run is tried again.
 */
async function measure(
  kind: 'simulator' | 'baseline',
  queue: string,
  messages: Buffer[],
): Promise<{ count: number; ms: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result =
        kind === 'simulator' ? await simulatorRound(queue) : await baselineRound(queue, messages);
      if (result.count !== messages.length)
        throw new Error(`${kind} sent ${result.count} of ${messages.length}`);
      return result;
    } catch (err) {
      if (attempt === 3) throw err;
      console.log(`${kind}: ${err instanceof Error ? err.message : String(err)}; trying again`);
    } finally {
      await deleteQueue(queue);
    }
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const perSecond = (r: { count: number; ms: number }): number => (r.count * 1000) / r.ms;

async function main(): Promise<void> {
  const messages = await sameMessages();
  console.log(
    `file ${file}: ${messages.length} readings, ${rounds} rounds, broker ${url.replace(/:[^:@/]*@/, ':***@')}`,
  );
  const simulator: number[] = [];
  const baseline: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const id = randomUUID().slice(0, 8);
    for (const kind of round % 2 === 1
      ? (['simulator', 'baseline'] as const)
      : (['baseline', 'simulator'] as const)) {
      const result = await measure(kind, `bench.${kind}.${id}`, messages);
      (kind === 'simulator' ? simulator : baseline).push(perSecond(result));
      console.log(
        `round ${round} ${kind.padEnd(9)} ${Math.round(perSecond(result)).toLocaleString('en-US').padStart(8)} readings/s (${Math.round(result.ms)} ms)`,
      );
    }
  }
  const s = median(simulator);
  const b = median(baseline);
  console.log(
    `median: simulator ${Math.round(s).toLocaleString('en-US')} readings/s, plain amqplib ${Math.round(b).toLocaleString('en-US')} readings/s`,
  );
  console.log(`ratio simulator / plain amqplib: ${(s / b).toFixed(2)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
