// Simulator publishing rate: readings/s of a `--speed max` replay against plain amqplib confirmed publishing of
// the same messages, in the same run and against the same broker, alternating rounds.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import amqp from 'amqplib';
import { createReplay, DEFAULT_INTERVAL_MS } from '../../simulator';
import { deleteQueues } from '../../faults/support/amqp-queues';
import { count, row, type BenchRow } from '../support/bench-row';

export interface SimulatorOptions {
  file: string;
  rounds: number;
  amqpUrl: string;
  /** Progress lines, one per round. */
  log?: (line: string) => void;
}

export interface SimulatorResult {
  /** Median readings/s of each. */
  simulator: number;
  baseline: number;
  ratio: number;
  readings: number;
  rows: BenchRow[];
  note: string;
}

const DEVICE = 'bench-meter';
const START = Date.UTC(2024, 0, 1);

interface Timed {
  count: number;
  ms: number;
}

/** The messages the replay sends for a course-format file, built ahead so the baseline times only publishing. */
async function sameMessages(file: string): Promise<Buffer[]> {
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

async function simulatorRound(o: SimulatorOptions, queue: string): Promise<Timed> {
  const t0 = performance.now();
  const summary = await createReplay({
    file: o.file,
    devices: [DEVICE],
    start: START,
    speed: 'max',
    amqpUrl: o.amqpUrl,
    queue,
  }).start();
  const ms = performance.now() - t0;
  if (summary.outcome !== 'completed') throw new Error(`replay ${summary.outcome}: ${summary.failure}`);
  return { count: summary.sent, ms };
}

/** Plain amqplib: one confirm channel, publish everything (respecting backpressure), wait for all confirms. */
async function baselineRound(url: string, queue: string, messages: Buffer[]): Promise<Timed> {
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

/**
 * One timed run into a fresh queue, deleted afterwards. Plain amqplib does not survive a connection closed
 * by the broker (tests running at the same time may do that), so a failed run is tried again.
 */
async function measure(
  o: SimulatorOptions,
  kind: 'simulator' | 'baseline',
  queue: string,
  messages: Buffer[],
): Promise<Timed> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result =
        kind === 'simulator'
          ? await simulatorRound(o, queue)
          : await baselineRound(o.amqpUrl, queue, messages);
      if (result.count !== messages.length)
        throw new Error(`${kind} sent ${result.count} of ${messages.length}`);
      return result;
    } catch (err) {
      if (attempt === 3) throw err;
      o.log?.(`${kind}: ${err instanceof Error ? err.message : String(err)}; trying again`);
    } finally {
      await deleteQueues(o.amqpUrl, queue);
    }
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const perSecond = (r: Timed): number => (r.count * 1000) / r.ms;

export async function measureSimulator(o: SimulatorOptions): Promise<SimulatorResult> {
  const messages = await sameMessages(o.file);
  const simulator: number[] = [];
  const baseline: number[] = [];
  for (let round = 1; round <= o.rounds; round++) {
    const id = randomUUID().slice(0, 8);
    const order =
      round % 2 === 1 ? (['simulator', 'baseline'] as const) : (['baseline', 'simulator'] as const);
    for (const kind of order) {
      const result = await measure(o, kind, `bench.${kind}.${id}`, messages);
      (kind === 'simulator' ? simulator : baseline).push(perSecond(result));
      o.log?.(
        `round ${round} ${kind.padEnd(9)} ${count(perSecond(result)).padStart(8)} readings/s (${Math.round(result.ms)} ms)`,
      );
    }
  }
  const s = median(simulator);
  const b = median(baseline);
  return {
    simulator: s,
    baseline: b,
    ratio: s / b,
    readings: messages.length,
    rows: [
      row({
        benchmark: 'Simulator publishing (replay --speed max, confirmed)',
        figure: `${count(s)} readings/s`,
        baseline: `${count(b)} readings/s (plain amqplib confirmed publishing)`,
        ratio: (s / b).toFixed(2),
      }),
    ],
    note:
      `Simulator: ${count(messages.length)} readings of the bundled sample file, ${o.rounds} alternating rounds ` +
      'of a `speed: max` replay and of plain amqplib publishing the same messages on a confirm channel; medians.',
  };
}
