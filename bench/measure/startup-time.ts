// Start-up: wall time from running `npm run serve` until it answers /api/health (every service: users, devices
// and monitoring), with an empty data folder and with the big database of the query benchmark.
import { linkSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteQueues } from '../../faults/support/amqp-queues';
import { startHeadless } from '../../faults/support/headless-process';
import { deadLetterQueueOf } from '../../src/services/bus/message-bus';
import { bigDatabase } from '../support/big-database';
import { ms, row, type BenchRow } from '../support/bench-row';

export interface StartupOptions {
  amqpUrl: string;
  rounds: number;
  /** The big database: as in the query benchmark (the same cached file). */
  devices: number;
  days: number;
  cacheDir?: string;
  log?: (line: string) => void;
}

export interface StartupResult {
  emptyMs: number;
  bigMs: number;
  rows: BenchRow[];
  note: string;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One start of `npm run serve` on `dataDir`: ms until health answers; then a clean stop. */
async function startOnce(o: StartupOptions, dataDir: string, label: string): Promise<number> {
  const run = `bench.${process.pid}.startup.${Date.now()}`;
  const queues = { consumptions: `${run}.c`, devices: `${run}.d`, users: `${run}.u` };
  const host = await startHeadless({
    dataDir,
    amqpUrl: o.amqpUrl,
    queues,
    adminPassword: 'startup bench admin password',
    tz: 'UTC',
    viaNpm: true,
  });
  try {
    o.log?.(`${label}: ${ms(host.startMs)}`);
    return host.startMs;
  } finally {
    await host.stop();
    const all = Object.values(queues);
    await deleteQueues(o.amqpUrl, ...all, ...all.map(deadLetterQueueOf)).catch(() => undefined);
  }
}

export async function measureStartup(o: StartupOptions): Promise<StartupResult> {
  const big = bigDatabase({ devices: o.devices, days: o.days, cacheDir: o.cacheDir, log: o.log });
  const empty: number[] = [];
  const full: number[] = [];
  for (let round = 1; round <= o.rounds; round++) {
    const emptyDir = mkdtempSync(join(tmpdir(), 'wattdesk-bench-startup-'));
    // A hard link in the cache's own folder (same file system): the cached file is used, not copied.
    const bigDir = mkdtempSync(join(big.file, '..', 'startup-'));
    try {
      empty.push(await startOnce(o, emptyDir, `round ${round}, empty database`));
      linkSync(big.file, join(bigDir, 'monitoring.db'));
      full.push(await startOnce(o, bigDir, `round ${round}, big database`));
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
      rmSync(bigDir, { recursive: true, force: true });
    }
  }
  const emptyMs = median(empty);
  const bigMs = median(full);
  const readings = (big.devices * big.readingsPerDevice).toLocaleString('en-US');
  return {
    emptyMs,
    bigMs,
    rows: [
      row({ benchmark: 'Start-up: `npm run serve` to /api/health, empty database', figure: ms(emptyMs) }),
      row({
        benchmark: `Start-up: \`npm run serve\` to /api/health, ${readings}-reading database`,
        figure: ms(bigMs),
        baseline: `${ms(emptyMs)} (empty database)`,
        ratio: (bigMs / emptyMs).toFixed(2),
      }),
    ],
    note:
      `Start-up: \`npm run serve\` spawned ${o.rounds} times with each data folder (medians), on fresh queues; ` +
      'timed until the users, devices and monitoring services all answer GET /api/health. The big database is ' +
      "the query benchmark's, linked into the data folder.",
  };
}
