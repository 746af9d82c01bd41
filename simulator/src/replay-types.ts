// What a replay is asked to do, and what it reports: the library's public vocabulary.
import type { Clock } from './clock';
import type { CsvFormat } from './csv-readings';
import type { Position } from './delivery-ledger';
import type { DeviceOffset } from './device-offsets';
import type { Speed } from './pacing';
import type { ReadingPublisher } from './reading-publisher';

export interface ReplayOptions {
  /** The CSV file: the course format (one kWh value per line) or the headed format. */
  file: string;
  /** Devices each reading is sent as. Required for the course format; for a headed file it replaces the file's ids. */
  devices?: readonly string[];
  /** Course format: the step between lines, ms. Default 10 minutes. Also the gap between looped passes. */
  intervalMs?: number;
  /** Course format: epoch ms of line 1, or 'now' (the default): the first reading is stamped with the start. */
  start?: number | 'now';
  /** Default 1: one interval of readings per interval of wall time. */
  speed?: Speed;
  /** Replay the file again and again, the register growing across passes. */
  loop?: boolean;
  /** Resume at this line of the file (1-based; earlier lines are read but not sent). Default 1. */
  fromLine?: number;
  /** With `loop`: resume in this pass (1-based). Default 1. */
  fromPass?: number;
  /** Default: every device on the file's values. */
  deviceOffset?: DeviceOffset;
  /** Stop at the first bad line instead of skipping and counting it. */
  strict?: boolean;
  /** Where readings go; by default a RabbitMQ publisher on `amqpUrl` and `queue`, closed by the replay. */
  publisher?: ReadingPublisher;
  amqpUrl?: string;
  /** Default `consumptions`. */
  queue?: string;
  clock?: Clock;
  /** Messages awaiting broker confirmation at once. Default 1000. */
  maxInFlight?: number;
  /** Least wall ms between two 'progress' events. Default 250. */
  progressEveryMs?: number;
  /** On stop, how long to wait for readings in flight to be confirmed before giving up on them, ms. Default 5000. */
  stopGraceMs?: number;
}

export interface ReplayProgress {
  /** Messages the broker has confirmed (readings × devices). */
  sent: number;
  /** Messages per second over the last few seconds. */
  rate: number;
  /** Simulated epoch ms up to which every reading is confirmed; null before the first. */
  simulatedTime: number | null;
  /** Messages still to send; null when looping or unknown. */
  remaining: number | null;
  /** Estimated wall ms left; null when looping or unknown. */
  etaMs: number | null;
  /** The line being read, and the pass over the file. */
  position: Position;
  /** Lines in the file; null if not known yet. */
  totalLines: number | null;
  badLines: number;
  /** Wall epoch ms at which the next reading is due, when waiting for it. */
  nextSendAt: number | null;
  paused: boolean;
  format: CsvFormat | null;
}

/** A line that was not sent, and why. */
export interface BadLineEvent {
  file: string;
  line: number;
  reason: string;
}

export type ReplayOutcome = 'completed' | 'stopped' | 'failed';

export interface ReplaySummary {
  outcome: ReplayOutcome;
  /** Why the replay failed; null unless `outcome` is 'failed'. */
  failure: string | null;
  file: string;
  format: CsvFormat | null;
  /** Messages confirmed by the broker (readings × devices). */
  sent: number;
  /** Lines whose messages were all confirmed. */
  readings: number;
  badLines: number;
  /** The first few bad lines, for the report; all of them were counted in `badLines`. */
  firstBadLines: BadLineEvent[];
  /** Passes begun over the file. */
  passes: number;
  durationMs: number;
  /** Messages per second over the whole run, pauses excluded. */
  averageRate: number;
  /** Simulated epoch ms of the first and last confirmed readings. */
  firstTimestamp: number | null;
  lastTimestamp: number | null;
  /** Course format: the epoch ms of line 1 in pass 1, needed to resume with the same timestamps. */
  startMs: number | null;
  /** Where to resume to skip nothing; null when the replay completed. */
  resumeFrom: Position | null;
}

export interface ReplayEvents {
  progress: [ReplayProgress];
  /** Emitted only while someone listens, so a forgotten listener cannot crash the process on a bad line. */
  error: [BadLineEvent];
  finished: [{ summary: ReplaySummary }];
}
