// Test support: a clock whose sleeps pass instantly, moving its time forward by what was asked.
import type { Clock } from '../clock';

export class FakeClock implements Clock {
  /** Every sleep asked for, ms, in order. */
  readonly sleeps: number[] = [];

  constructor(private time = Date.UTC(2024, 0, 1)) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (!signal?.aborted) this.time += ms;
    // Yield once, as a real timer would, so other callbacks get to run.
    await Promise.resolve();
  }

  /** Time passing outside any sleep, e.g. while paused. */
  advance(ms: number): void {
    this.time += ms;
  }
}
