// `npm run bench:alert-latency [-- --samples N --rate R]`: publish-to-WebSocket latency of over-limit alerts,
// p50 and p99, with R readings/s of other traffic; against the broker's own publish-to-consumer latency.
import { parseArgs } from 'node:util';
import { DEFAULT_AMQP_URL } from '../src/services/config/config';
import { printTable } from './support/report';
import { measureAlertLatency } from './measure/alert-latency';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '1000' },
    devices: { type: 'string', default: '100' },
    'sample-rate': { type: 'string', default: '20' },
    amqp: { type: 'string', default: DEFAULT_AMQP_URL },
  },
});

const result = await measureAlertLatency({
  amqpUrl: values.amqp,
  samples: Number(values.samples),
  backgroundRate: Number(values.rate),
  backgroundDevices: Number(values.devices),
  sampleRate: Number(values['sample-rate']),
});
printTable(result.rows);
console.log(`max ${result.max.toFixed(2)} ms; ${result.note}`);
