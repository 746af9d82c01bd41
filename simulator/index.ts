// The simulator library: replay meter CSV files into RabbitMQ (or any ReadingPublisher), with events.
import { fileURLToPath } from 'node:url';
export { createReplay, Replay } from './src/replay';
export { DEFAULT_AMQP_URL, DEFAULT_INTERVAL_MS, DEFAULT_QUEUE } from './src/replay-options';
export type {
  BadLineEvent,
  ReplayEvents,
  ReplayOptions,
  ReplayOutcome,
  ReplayProgress,
  ReplaySummary,
} from './src/replay-types';
export type { ReadingPublisher } from './src/reading-publisher';
export {
  AmqpReadingPublisher,
  type AmqpPublisherEvents,
  type AmqpPublisherOptions,
} from './src/amqp-publisher';
export { systemClock, type Clock } from './src/clock';
export { detectCsvFormat, type CsvFormat } from './src/csv-readings';
export type { DeviceOffset } from './src/device-offsets';
export type { Position } from './src/delivery-ledger';
export type { Speed } from './src/pacing';
export { parseDuration } from './src/duration';
export { sampleDataLines } from './src/sample-data';

/** The sample file the app replays by default: a year of 10-minute readings (`--days 365 --seed 42`). */
export const SAMPLE_CSV = fileURLToPath(new URL('./data/sample.csv', import.meta.url));
