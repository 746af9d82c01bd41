// One replay of a meter CSV file into a ReadingPublisher: reads, paces, sends, and reports as it goes.
import { EventEmitter } from 'node:events';
import { AmqpReadingPublisher } from './amqp-publisher';
import { systemClock, type Clock } from './clock';
import { countLines } from './count-lines';
import { readCsvLines, type CsvFormat, type CsvLine } from './csv-readings';
import { DeliveryLedger, type Position } from './delivery-ledger';
import { Pacer } from './pacing';
import { RateMeter } from './rate-meter';
import { estimateRemaining } from './remaining-estimate';
import { ReadingTimeline } from './reading-timeline';
import type { ReadingPublisher } from './reading-publisher';
import {
  checkReplayOptions,
  DEFAULT_AMQP_URL,
  DEFAULT_INTERVAL_MS,
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_QUEUE,
} from './replay-options';
import type {
  BadLineEvent,
  ReplayEvents,
  ReplayOptions,
  ReplayProgress,
  ReplaySummary,
} from './replay-types';

const FIRST_BAD_LINES_KEPT = 20;

type State = 'idle' | 'running' | 'paused' | 'stopping' | 'finished';

export class Replay extends EventEmitter<ReplayEvents> {
  private state: State = 'idle';
  private running: Promise<ReplaySummary> | null = null;
  private readonly clock: Clock;
  private readonly publisher: ReadingPublisher;
  private readonly ownsPublisher: boolean;
  private readonly pacer: Pacer;
  private readonly ledger: DeliveryLedger;
  private readonly rate = new RateMeter();
  /** Aborted on stop or failure: every wait ends. */
  private readonly halt = new AbortController();
  /** Aborted (and replaced) on pause, to cut a pacing sleep short. */
  private wake = new AbortController();
  private unpause: (() => void) | null = null;
  private position: Position;
  private format: CsvFormat | null = null;
  private totalLines: number | null = null;
  private badLines: BadLineEvent[] = [];
  private badLineCount = 0;
  private failure: string | null = null;
  private startedAt = 0;
  private pausedSince: number | null = null;
  private pausedMs = 0;
  private startMs = 0;
  private firstTimestamp: number | null = null;
  private nextSendAt: number | null = null;
  private lastProgressAt = -Infinity;
  private trailingProgress: NodeJS.Timeout | null = null;

  constructor(private readonly options: ReplayOptions) {
    super();
    checkReplayOptions(options);
    this.clock = options.clock ?? systemClock;
    this.ownsPublisher = options.publisher === undefined;
    this.publisher =
      options.publisher ??
      new AmqpReadingPublisher({
        url: options.amqpUrl ?? DEFAULT_AMQP_URL,
        queue: options.queue ?? DEFAULT_QUEUE,
      });
    this.pacer = new Pacer(options.speed ?? 1);
    this.ledger = new DeliveryLedger(options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT);
    this.position = { pass: options.fromPass ?? 1, line: options.fromLine ?? 1 };
  }

  /** Where a replay stopped now would resume: the first line not yet fully confirmed. */
  get resumeFrom(): Position {
    return this.ledger.firstUnconfirmed() ?? this.position;
  }

  private get stopRequested(): boolean {
    return this.state === 'stopping';
  }

  /** Runs the replay; resolves with the summary when it completes, is stopped, or fails. Never rejects. */
  start(): Promise<ReplaySummary> {
    this.running ??= this.run();
    return this.running;
  }

  /** Holds back further readings; those in flight still get confirmed. */
  pause(): void {
    if (this.state !== 'running') return;
    this.state = 'paused';
    this.pausedSince = this.clock.now();
    this.pacer.pause(this.pausedSince);
    this.interruptSleep();
    this.progress(true);
  }

  resume(): void {
    if (this.state !== 'paused') return;
    this.state = 'running';
    this.endPause();
    this.progress(true);
  }

  /** Stops after the readings in flight are confirmed (or the grace period ends); the summary says where to resume. */
  stop(): Promise<ReplaySummary> {
    if (this.state === 'running' || this.state === 'paused') {
      this.state = 'stopping';
      this.endPause();
      this.halt.abort();
      this.interruptSleep();
    }
    return this.running ?? Promise.resolve(this.summary('stopped'));
  }

  private async run(): Promise<ReplaySummary> {
    this.state = 'running';
    this.startedAt = this.clock.now();
    this.startMs =
      this.options.start === undefined || this.options.start === 'now' ? this.startedAt : this.options.start;
    try {
      this.totalLines = await countLines(this.options.file);
      await this.replayFile();
      await this.ledger.drained(this.halt.signal);
    } catch (err) {
      this.fail(err instanceof Error ? err.message : String(err));
    }
    if (this.halt.signal.aborted) await this.graceDrain();
    if (this.ownsPublisher) await this.publisher.close();
    const summary = this.summary(this.failure ? 'failed' : this.stopRequested ? 'stopped' : 'completed');
    this.progress(true);
    this.state = 'finished';
    this.emit('finished', { summary });
    return summary;
  }

  private async replayFile(): Promise<void> {
    const { fromLine = 1, fromPass = 1 } = this.options;
    const timeline = new ReadingTimeline({
      devices: this.options.devices && this.options.devices.length > 0 ? this.options.devices : null,
      startMs: this.startMs,
      intervalMs: this.options.intervalMs ?? DEFAULT_INTERVAL_MS,
      deviceOffset: this.options.deviceOffset ?? { kind: 'step', kwh: 0 },
    });
    for (;;) {
      const pass = timeline.currentPass;
      let readingsInPass = 0;
      for await (const item of readCsvLines(this.options.file)) {
        if (this.halt.signal.aborted) return;
        timeline.observe(item);
        if (item.kind === 'reading') readingsInPass += 1;
        if (pass < fromPass || (pass === fromPass && item.line < fromLine)) continue;
        this.position = { pass, line: item.line };
        if (!(await this.send(item, timeline))) return;
        this.position = { pass, line: item.line + 1 };
      }
      if (!this.options.loop || this.halt.signal.aborted) return;
      if (readingsInPass === 0) return this.fail(`${this.options.file} has no reading to loop over`);
      timeline.nextPass();
      this.position = { pass: timeline.currentPass, line: 1 };
    }
  }

  /** Sends one line's messages when they are due; false when the replay must end here. */
  private async send(item: CsvLine, timeline: ReadingTimeline): Promise<boolean> {
    if (item.kind === 'bad') return this.badLine(item.line, item.reason);
    this.format ??= item.format;
    if (item.format === 'course' && !this.options.devices?.length) {
      this.fail(`${this.options.file} is in the course format, which needs at least one device id`);
      return false;
    }
    const result = timeline.messagesFor(item);
    if (!result.ok) return this.badLine(item.line, result.reason);
    await this.ledger.room(result.messages.length, this.halt.signal);
    await this.waitForTurn(result.timestamp);
    if (this.halt.signal.aborted) return false;
    const entry = this.ledger.add(this.position, result.timestamp, result.messages.length);
    this.firstTimestamp ??= result.timestamp;
    for (const message of result.messages)
      this.publisher.publish(message).then(
        () => {
          this.ledger.confirm(entry);
          this.progress(false);
        },
        (err: unknown) => {
          if (!this.stopRequested) this.fail(`publishing failed: ${String(err)}`);
        },
      );
    return true;
  }

  /** Waits until the reading of simulated time `timestamp` is due, honouring pauses; returns early on halt. */
  private async waitForTurn(timestamp: number): Promise<void> {
    for (;;) {
      if (this.state === 'paused') await new Promise<void>((resolve) => (this.unpause = resolve));
      if (this.halt.signal.aborted) return;
      const delay = this.pacer.delayUntil(timestamp, this.clock.now());
      if (delay <= 0) break;
      this.nextSendAt = this.clock.now() + delay;
      this.progress(true);
      await this.clock.sleep(delay, this.wake.signal);
    }
    this.nextSendAt = null;
  }

  private badLine(line: number, reason: string): boolean {
    const event = { file: this.options.file, line, reason };
    this.badLineCount += 1;
    if (this.badLines.length < FIRST_BAD_LINES_KEPT) this.badLines.push(event);
    if (this.listenerCount('error') > 0) this.emit('error', event);
    if (!this.options.strict) return true;
    this.fail(`${this.options.file}:${line}: ${reason} (strict mode stops at the first bad line)`);
    return false;
  }

  private fail(reason: string): void {
    this.failure ??= reason;
    this.halt.abort();
    this.interruptSleep();
  }

  /** After a stop or failure: give the readings in flight a moment to be confirmed, so fewer are sent twice. */
  private async graceDrain(): Promise<void> {
    const graceOver = new AbortController();
    const timer = this.clock
      .sleep(this.options.stopGraceMs ?? 5_000, graceOver.signal)
      .then(() => graceOver.abort());
    await this.ledger.drained(graceOver.signal);
    graceOver.abort();
    await timer;
  }

  private interruptSleep(): void {
    this.wake.abort();
    this.wake = new AbortController();
  }

  private endPause(): void {
    if (this.pausedSince !== null) {
      const now = this.clock.now();
      this.pacer.resume(now);
      this.pausedMs += now - this.pausedSince;
      this.pausedSince = null;
    }
    this.unpause?.();
    this.unpause = null;
  }

  /** Emits progress at most every `progressEveryMs`; a throttled update is emitted late rather than lost. */
  private progress(force: boolean): void {
    if (this.state === 'finished') return;
    const now = this.clock.now();
    const wait = (this.options.progressEveryMs ?? 250) - (now - this.lastProgressAt);
    if (!force && wait > 0) {
      // A real timer even with a fake clock: it only decides when the display hears of it.
      this.trailingProgress ??= setTimeout(() => {
        this.trailingProgress = null;
        this.progress(true);
      }, wait);
      return;
    }
    if (this.trailingProgress) clearTimeout(this.trailingProgress);
    this.trailingProgress = null;
    this.lastProgressAt = now;
    this.rate.record(now, this.ledger.confirmed);
    this.emit('progress', this.snapshot());
  }

  private snapshot(): ReplayProgress {
    const rate = this.rate.perSecond();
    const { remaining, etaMs } = estimateRemaining({
      totalLines: this.totalLines,
      line: this.position.line,
      loop: this.options.loop ?? false,
      devices: this.options.devices?.length || 1,
      inFlight: this.ledger.inFlight,
      rate,
      speed: this.pacer.speed,
      intervalMs: this.options.intervalMs ?? DEFAULT_INTERVAL_MS,
      format: this.format,
    });
    return {
      sent: this.ledger.confirmed,
      rate,
      simulatedTime: this.ledger.confirmedUntil,
      remaining,
      etaMs,
      position: this.position,
      totalLines: this.totalLines,
      badLines: this.badLineCount,
      nextSendAt: this.nextSendAt,
      paused: this.state === 'paused',
      format: this.format,
    };
  }

  private summary(outcome: ReplaySummary['outcome']): ReplaySummary {
    const durationMs = this.running ? this.clock.now() - this.startedAt : 0;
    const activeMs = durationMs - this.pausedMs;
    return {
      outcome,
      failure: outcome === 'failed' ? this.failure : null,
      file: this.options.file,
      format: this.format,
      sent: this.ledger.confirmed,
      readings: this.ledger.confirmedLines,
      badLines: this.badLineCount,
      firstBadLines: this.badLines,
      passes: this.position.pass,
      durationMs,
      averageRate: activeMs > 0 ? (this.ledger.confirmed * 1000) / activeMs : 0,
      firstTimestamp: this.ledger.confirmedUntil === null ? null : this.firstTimestamp,
      lastTimestamp: this.ledger.confirmedUntil,
      startMs: this.format === 'headed' || !this.running ? null : this.startMs,
      resumeFrom: outcome === 'completed' ? null : this.resumeFrom,
    };
  }
}

/** The library's entry: a replay, not yet started. */
export function createReplay(options: ReplayOptions): Replay {
  return new Replay(options);
}
