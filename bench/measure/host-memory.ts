// Memory: resident memory (VmRSS) of the headless host process, idle and after 250k, 500k and 1M ingested
// readings (10-minute readings of many devices, published in time order as meters would). The host keeps no
// per-reading state in memory, so what it holds must not grow with the readings stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteQueues, publishConfirmed } from '../../faults/support/amqp-queues';
import { startHeadless, type HeadlessProcess } from '../../faults/support/headless-process';
import { callOk } from '../../faults/support/host-client';
import { deadLetterQueueOf } from '../../src/services/bus/message-bus';
import { waitFor } from '../../src/services/testing/wait';
import { count, megabytes, row, verdict, type BenchRow } from '../support/bench-row';

export interface MemoryOptions {
  amqpUrl: string;
  readings: number;
  devices: number;
  log?: (line: string) => void;
}

export interface MemoryResult {
  /** Readings stored → resident bytes; 0 is the idle host. */
  samples: Array<[readings: number, bytes: number]>;
  rows: BenchRow[];
  note: string;
}

export const MEMORY_TARGET_BYTES = 300e6;
/** "Not growing": from the first quarter to all readings, resident memory may vary by this much. */
export const MEMORY_GROWTH_TOLERANCE_BYTES = 30e6;
const STAGES = [0.25, 0.5, 0.75, 1];
const T0 = Date.UTC(2025, 0, 1);
const ADMIN_PASSWORD = 'memory bench admin password';

interface Health {
  consumers: { consumptions: { applied: number } };
}

/** Reading i: step ⌊i / devices⌋ of device i mod devices, 10 minutes apart. */
function* bodies(from: number, to: number, devices: number): Generator<string> {
  for (let i = from; i < to; i++) {
    const step = Math.floor(i / devices);
    yield JSON.stringify({
      timestamp: T0 + step * 600_000,
      device_id: `memory-meter-${i % devices}`,
      measurement_value: step * 0.05 + (i % devices),
    });
  }
}

export async function measureMemory(o: MemoryOptions): Promise<MemoryResult> {
  const run = `bench.${process.pid}.memory`;
  const queues = { consumptions: `${run}.c`, devices: `${run}.d`, users: `${run}.u` };
  const dataDir = mkdtempSync(join(tmpdir(), 'wattdesk-bench-memory-'));
  let host: HeadlessProcess | undefined;
  try {
    host = await startHeadless({
      dataDir,
      amqpUrl: o.amqpUrl,
      queues,
      adminPassword: ADMIN_PASSWORD,
      tz: 'UTC',
    });
    const applied = async () =>
      (await callOk<Health>(`${host!.urls.monitoring}/api/health`, 'GET', null)).consumers.consumptions
        .applied;
    const samples: Array<[number, number]> = [[0, host.residentBytes()]];
    o.log?.(`idle: ${megabytes(samples[0]![1])}`);
    let published = 0;
    for (const stage of STAGES) {
      const target = Math.round(o.readings * stage);
      published += await publishConfirmed(
        o.amqpUrl,
        queues.consumptions,
        bodies(published, target, o.devices),
      );
      await waitFor(async () => (await applied()) >= target, {
        timeoutMs: 600_000,
        intervalMs: 250,
        what: `${target} readings ingested`,
      });
      samples.push([target, host.residentBytes()]);
      o.log?.(`${count(target)} readings: ${megabytes(samples.at(-1)![1])}`);
    }
    const at = (n: number) => samples.find(([r]) => r === n)![1];
    const first = at(Math.round(o.readings * STAGES[0]!));
    const last = at(o.readings);
    const peak = Math.max(...samples.map(([, b]) => b));
    const growth = last - first;
    const series = samples.map(([r, b]) => `${r === 0 ? 'idle' : count(r)}: ${megabytes(b)}`).join(', ');
    return {
      samples,
      rows: [
        row({
          benchmark: `Memory: headless host RSS after ${count(o.readings)} readings`,
          figure: `${megabytes(last)} (peak ${megabytes(peak)})`,
          baseline: `${megabytes(samples[0]![1])} (idle, empty database)`,
          ratio: (last / samples[0]![1]).toFixed(2),
          target: `< ${MEMORY_TARGET_BYTES / 1e6} MB`,
          verdict: verdict(peak < MEMORY_TARGET_BYTES),
        }),
        row({
          benchmark: 'Memory: growth with readings stored',
          figure: `${growth >= 0 ? '+' : ''}${megabytes(growth)} from ${count(o.readings * STAGES[0]!)} to ${count(o.readings)} readings (${series})`,
          target: `within ±${MEMORY_GROWTH_TOLERANCE_BYTES / 1e6} MB`,
          verdict: verdict(Math.abs(growth) <= MEMORY_GROWTH_TOLERANCE_BYTES),
        }),
      ],
      note:
        `Memory: the headless host as its own process (node --import tsx src/headless/index.ts), ` +
        `${count(o.readings)} readings of ${count(o.devices)} devices published in time order with confirms, in ` +
        'quarters; VmRSS from /proc/<pid>/status once each quarter has been ingested (health: applied).',
    };
  } finally {
    await host?.stop();
    const all = Object.values(queues);
    await deleteQueues(o.amqpUrl, ...all, ...all.map(deadLetterQueueOf)).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
