// Test support: a publisher that records what it is given, with the wall time, and confirms as told.
import type { ConsumptionMessage } from '../../../src/shared/contracts/consumption';
import type { Clock } from '../clock';
import type { ReadingPublisher } from '../reading-publisher';

export interface Published {
  message: ConsumptionMessage;
  /** Wall ms (of the injected clock) at which it was published. */
  atMs: number;
}

export class RecordingPublisher implements ReadingPublisher {
  readonly published: Published[] = [];
  closed = false;
  private readonly held = new Set<(err: Error) => void>();

  /**
   * @param confirms decides, for the n-th message (from 1), whether the "broker" confirms it; unconfirmed
   *   messages stay pending until close.
   * @param onPublish runs after each publish, e.g. to stop or pause the replay at a chosen point.
   */
  constructor(
    private readonly clock: Clock,
    private readonly options: { confirms?: (n: number) => boolean; onPublish?: (n: number) => void } = {},
  ) {}

  get timestamps(): number[] {
    return this.published.map((p) => p.message.timestamp as number);
  }

  publish(message: ConsumptionMessage): Promise<void> {
    this.published.push({ message, atMs: this.clock.now() });
    const n = this.published.length;
    this.options.onPublish?.(n);
    if (this.options.confirms?.(n) ?? true) return Promise.resolve();
    return new Promise<void>((_resolve, reject) => this.held.add(reject));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const reject of this.held) reject(new Error('closed'));
    this.held.clear();
  }
}
