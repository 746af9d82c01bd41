// `npm run bench:ingest [-- --readings N --devices D]`: end-to-end ingest rate of the monitoring service,
// against a plain amqplib consumer of the same messages in the same run.
import { parseArgs } from 'node:util';
import { DEFAULT_AMQP_URL } from '../src/services/config/config';
import { INGEST_TARGET_RATIO, measureIngest } from './measure/ingest-rate';

const { values } = parseArgs({
  options: {
    readings: { type: 'string', default: '200000' },
    devices: { type: 'string', default: '100' },
    amqp: { type: 'string', default: DEFAULT_AMQP_URL },
  },
});
const total = Number(values.readings);
const devices = Number(values.devices);

console.log(`ingest benchmark: ${total} readings over ${devices} devices`);
const result = await measureIngest({ readings: total, devices, amqpUrl: values.amqp });
const rate = (s: number) => Math.round(total / s);
console.table({
  'plain amqplib consumer (parse + ack)': {
    'readings/s': rate(result.plainSeconds),
    seconds: result.plainSeconds.toFixed(2),
  },
  'WattDesk monitoring (validate + SQLite commit + ack)': {
    'readings/s': rate(result.wattdeskSeconds),
    seconds: result.wattdeskSeconds.toFixed(2),
  },
});
console.log(
  `ratio: ${result.ratio.toFixed(2)} of the plain consumer (target ≥ ${INGEST_TARGET_RATIO.toFixed(2)}) ` +
    (result.ratio >= INGEST_TARGET_RATIO ? 'met' : 'MISSED'),
);
