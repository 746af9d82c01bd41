// `npm run bench:simulator`: readings/s of a `--speed max` replay against plain amqplib confirmed publishing
// of the same messages, in the same run and against the same broker, alternating rounds; prints the ratio.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_AMQP_URL, SAMPLE_CSV } from '../simulator';
import { count } from './support/bench-row';
import { measureSimulator } from './measure/simulator-rate';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: SAMPLE_CSV },
    rounds: { type: 'string', default: '3' },
    amqp: { type: 'string', default: DEFAULT_AMQP_URL },
  },
});

try {
  const file = resolve(values.file);
  const rounds = Number(values.rounds);
  console.log(`file ${file}: ${rounds} rounds, broker ${values.amqp.replace(/:[^:@/]*@/, ':***@')}`);
  const result = await measureSimulator({
    file,
    rounds,
    amqpUrl: values.amqp,
    log: (line) => console.log(line),
  });
  console.log(
    `median: simulator ${count(result.simulator)} readings/s, plain amqplib ${count(result.baseline)} readings/s`,
  );
  console.log(`ratio simulator / plain amqplib: ${result.ratio.toFixed(2)}`);
} catch (err) {
  console.error(err);
  process.exitCode = 1;
}
