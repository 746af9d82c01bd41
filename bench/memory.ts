// `npm run bench:memory [-- --readings N --devices D]`: resident memory of the headless host process, idle and
// after each quarter of N ingested readings (default 1,000,000 over 1,000 devices).
import { parseArgs } from 'node:util';
import { DEFAULT_AMQP_URL } from '../src/services/config/config';
import { printTable } from './support/report';
import { measureMemory } from './measure/host-memory';

const { values } = parseArgs({
  options: {
    readings: { type: 'string', default: '1000000' },
    devices: { type: 'string', default: '1000' },
    amqp: { type: 'string', default: DEFAULT_AMQP_URL },
  },
});

const result = await measureMemory({
  amqpUrl: values.amqp,
  readings: Number(values.readings),
  devices: Number(values.devices),
  log: (line) => console.log(line),
});
printTable(result.rows);
