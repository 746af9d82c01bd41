// `npm run sample-data -- --days 365 --seed 42`: writes a realistic meter file in the course format.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sampleDataLines } from './src/sample-data';

const DEFAULT_OUT = resolve(import.meta.dirname, 'data/sample.csv');

const HELP = `Writes a realistic household meter file: cumulative kWh every 10 minutes, one value per line,
no header (the course format), with daily and weekly patterns, seasonal drift and occasional spikes.
Line 1 is a Monday midnight in early January. The same seed always writes the same file.

Usage: npm run sample-data -- [--days N] [--seed N] [--out FILE]

  --days N     days of readings, 1 to 3650 (144 lines per day)      default 365
  --seed N     seed of the random generator, 0 to 4294967295        default 42
  --out FILE   where to write; - writes to standard output         default simulator/data/sample.csv
  -h, --help   this text

Example: npm run sample-data -- --days 30 --seed 7 --out /tmp/month.csv
`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        days: { type: 'string', default: '365' },
        seed: { type: 'string', default: '42' },
        out: { type: 'string', default: DEFAULT_OUT },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return usageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const days = integer(values.days, 1, 3650);
  if (days === null) return usageError(`--days must be a whole number from 1 to 3650, got "${values.days}"`);
  const seed = integer(values.seed, 0, 2 ** 32 - 1);
  if (seed === null)
    return usageError(`--seed must be a whole number from 0 to 4294967295, got "${values.seed}"`);

  const toStdout = values.out === '-';
  const out = toStdout ? process.stdout : createWriteStream(values.out);
  let lines = 0;
  for (const line of sampleDataLines({ days, seed })) {
    lines += 1;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  if (!toStdout) {
    out.end();
    await once(out, 'finish');
  }
  process.stderr.write(
    `wrote ${lines} readings (${days} day${days === 1 ? '' : 's'}, seed ${seed}) to ${toStdout ? 'stdout' : values.out}\n`,
  );
  return 0;
}

function integer(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

function usageError(message: string): number {
  process.stderr.write(`sample-data: ${message}\nRun with --help for usage.\n`);
  return 2;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`sample-data: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
