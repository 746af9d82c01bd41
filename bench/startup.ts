// `npm run bench:startup [-- --rounds R --devices N --days D]`: time until `npm run serve` answers /api/health,
// with an empty database and with the query benchmark's big one (generated first if not cached).
import { parseArgs } from 'node:util';
import { DEFAULT_AMQP_URL } from '../src/services/config/config';
import { DEFAULT_CACHE_DIR } from './support/big-database';
import { printTable } from './support/report';
import { measureStartup } from './measure/startup-time';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    devices: { type: 'string', default: '1000' },
    days: { type: 'string', default: '365' },
    'cache-dir': { type: 'string', default: DEFAULT_CACHE_DIR },
    amqp: { type: 'string', default: DEFAULT_AMQP_URL },
  },
});

const result = await measureStartup({
  amqpUrl: values.amqp,
  rounds: Number(values.rounds),
  devices: Number(values.devices),
  days: Number(values.days),
  cacheDir: values['cache-dir'],
  log: (line) => console.log(line),
});
printTable(result.rows);
