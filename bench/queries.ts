// `npm run bench:queries [-- --devices N --days D --samples S]`: p50/p99 of the hourly series of a day and the
// daily series of a month on a database of N devices × D days of 10-minute readings (default 1,000 × 365,
// 52.6 million readings: several GB, generated once into --cache-dir), and its size per device-year.
import { parseArgs } from 'node:util';
import { DEFAULT_CACHE_DIR } from './support/big-database';
import { printTable } from './support/report';
import { measureQueries } from './measure/query-latency';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '1000' },
    days: { type: 'string', default: '365' },
    samples: { type: 'string', default: '2000' },
    'cache-dir': { type: 'string', default: DEFAULT_CACHE_DIR },
  },
});

const result = await measureQueries({
  devices: Number(values.devices),
  days: Number(values.days),
  samples: Number(values.samples),
  cacheDir: values['cache-dir'],
  log: (line) => console.log(line),
});
printTable(result.rows);
console.log(result.note);
