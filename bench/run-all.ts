// `npm run bench`: every benchmark in turn, at full size, then the table on the console and in
// docs/BENCHMARKS.md with the machine it ran on. A benchmark that fails is reported as such; the rest still run.
import { join } from 'node:path';
import { DEFAULT_AMQP_URL, SAMPLE_CSV } from '../simulator';
import { REPO_ROOT } from '../faults/support/headless-process';
import { row, type BenchRow } from './support/bench-row';
import { machine, printTable, writeReport } from './support/report';
import { measureAlertLatency } from './measure/alert-latency';
import { measureMemory } from './measure/host-memory';
import { measureIngest } from './measure/ingest-rate';
import { measureQueries } from './measure/query-latency';
import { measureSimulator } from './measure/simulator-rate';
import { measureStartup } from './measure/startup-time';

const amqpUrl = DEFAULT_AMQP_URL;
const log = (line: string) => console.log(`  ${line}`);
/** The query and start-up benchmarks' database: 1,000 devices × a year of 10-minute readings. */
const BIG = { devices: 1_000, days: 365 };

const benchmarks: Array<[string, () => Promise<{ rows: BenchRow[]; note: string }>]> = [
  ['ingest', () => measureIngest({ readings: 200_000, devices: 100, amqpUrl })],
  ['simulator', () => measureSimulator({ file: SAMPLE_CSV, rounds: 3, amqpUrl, log })],
  [
    'alert latency',
    () =>
      measureAlertLatency({
        amqpUrl,
        samples: 1_000,
        backgroundRate: 1_000,
        backgroundDevices: 100,
        sampleRate: 20,
      }),
  ],
  ['queries', () => measureQueries({ ...BIG, samples: 2_000, log })],
  ['memory', () => measureMemory({ amqpUrl, readings: 1_000_000, devices: 1_000, log })],
  ['start-up', () => measureStartup({ amqpUrl, rounds: 5, ...BIG, log })],
];

const m = machine();
console.log(`${m.cores} cores, ${m.memoryGb.toFixed(1)} GiB, Node ${m.node}, load ${m.load.toFixed(2)}`);
const rows: BenchRow[] = [];
const notes: string[] = [];
for (const [name, measure] of benchmarks) {
  console.log(`\n${name}`);
  const t0 = performance.now();
  try {
    const result = await measure();
    rows.push(...result.rows);
    notes.push(result.note);
    printTable(result.rows);
  } catch (err) {
    console.error(err);
    rows.push(
      row({
        benchmark: name,
        figure: `failed: ${err instanceof Error ? err.message : String(err)}`,
        verdict: 'missed',
      }),
    );
    process.exitCode = 1;
  }
  console.log(`  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}

console.log('\nall benchmarks');
printTable(rows);
const file = join(REPO_ROOT, 'docs', 'BENCHMARKS.md');
writeReport(file, rows, m, notes);
console.log(`written to ${file}`);
for (const r of rows.filter((r) => r.verdict === 'missed'))
  console.log(`MISSED: ${r.benchmark}: ${r.figure} (target ${r.target})`);
