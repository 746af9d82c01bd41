// The simulator as the UI drives it: one replay at a time, through the host's bus (RabbitMQ or in-process).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { EventEmitter } from 'node:events';
import {
  createReplay,
  SAMPLE_CSV,
  type Replay,
  type ReadingPublisher,
  type ReplayProgress,
} from '../../simulator';
import type { ConsumptionMessage } from '../shared/contracts/consumption';
import type { SimulatorStartRequest, SimulatorState } from '../shared/contracts/simulator-api';
import type { MessageBus } from '../services/bus/message-bus';
import type { Logger } from '../services/log/logger';

/** Publishes readings on the host's bus, so the simulator works with or without a broker. */
export function busReadingPublisher(bus: MessageBus, queue: string): ReadingPublisher {
  return {
    publish: (message: ConsumptionMessage) => bus.publish(queue, Buffer.from(JSON.stringify(message))),
    close: async () => undefined,
  };
}

const IDLE: SimulatorState = {
  phase: 'idle',
  file_name: null,
  device_ids: [],
  sent: 0,
  rate: 0,
  simulated_time: null,
  remaining: null,
  bad_lines: 0,
  failure: null,
};

export class SimulatorBusyError extends Error {}

/** Emits 'state' with a SimulatorState whenever it changes (progress is throttled by the replay). */
export class SimulatorController extends EventEmitter<{ state: [SimulatorState] }> {
  private replay: Replay | null = null;
  private current: SimulatorState = IDLE;
  private uploadDir: string | null = null;

  constructor(
    private readonly publisher: ReadingPublisher,
    private readonly log: Logger,
    /** The bundled sample file; the desktop bundle passes its copy. */
    private readonly sampleCsv: string = SAMPLE_CSV,
  ) {
    super();
  }

  state(): SimulatorState {
    return this.current;
  }

  /** Starts a replay; refused while one is running or paused. */
  start(request: SimulatorStartRequest): SimulatorState {
    if (this.replay) throw new SimulatorBusyError('a replay is already running: stop it first');
    const file = this.fileOf(request.source);
    const replay = createReplay({
      file,
      devices: request.device_ids,
      speed: request.speed,
      start: request.start === 'now' ? 'now' : Date.parse(request.start),
      loop: request.loop ?? false,
      publisher: this.publisher,
    });
    this.replay = replay;
    const fileName = request.source.kind === 'sample' ? basename(this.sampleCsv) : request.source.file_name;
    this.update({ ...IDLE, phase: 'running', file_name: fileName, device_ids: [...request.device_ids] });
    replay.on('progress', (p) => this.update(this.fromProgress(p)));
    replay.start().then(
      (summary) => {
        this.update({
          ...this.current,
          phase: summary.outcome,
          sent: summary.sent,
          bad_lines: summary.badLines,
          remaining: summary.outcome === 'completed' ? 0 : this.current.remaining,
          failure: summary.failure,
        });
        this.finish();
      },
      (err: unknown) => {
        this.log.error({ err }, 'simulator replay failed');
        this.update({ ...this.current, phase: 'failed', failure: String(err) });
        this.finish();
      },
    );
    return this.current;
  }

  pause(): SimulatorState {
    if (this.replay && this.current.phase === 'running') {
      this.replay.pause();
      this.update({ ...this.current, phase: 'paused' });
    }
    return this.current;
  }

  resume(): SimulatorState {
    if (this.replay && this.current.phase === 'paused') {
      this.replay.resume();
      this.update({ ...this.current, phase: 'running' });
    }
    return this.current;
  }

  /** Stops the replay, waiting for readings in flight; resolves with the final state. */
  async stop(): Promise<SimulatorState> {
    const replay = this.replay;
    if (replay) await replay.stop();
    return this.current;
  }

  private fromProgress(p: ReplayProgress): SimulatorState {
    return {
      ...this.current,
      phase: p.paused ? 'paused' : 'running',
      sent: p.sent,
      rate: p.rate,
      simulated_time: p.simulatedTime === null ? null : new Date(p.simulatedTime).toISOString(),
      remaining: p.remaining,
      bad_lines: p.badLines,
    };
  }

  private fileOf(source: SimulatorStartRequest['source']): string {
    if (source.kind === 'sample') return this.sampleCsv;
    this.uploadDir ??= mkdtempSync(join(tmpdir(), 'wattdesk-upload-'));
    const file = join(this.uploadDir, 'upload.csv');
    writeFileSync(file, source.content);
    return file;
  }

  private finish(): void {
    this.replay = null;
    if (this.uploadDir) rmSync(this.uploadDir, { recursive: true, force: true });
    this.uploadDir = null;
  }

  private update(state: SimulatorState): void {
    this.current = state;
    this.emit('state', state);
  }
}
