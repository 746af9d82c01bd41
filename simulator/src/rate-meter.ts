// Readings per second over the last few seconds, for the progress display.

export class RateMeter {
  private samples: Array<{ atMs: number; count: number }> = [];

  constructor(private readonly windowMs = 5_000) {}

  /** Notes that `count` readings had been sent in total at wall time `atMs`. */
  record(atMs: number, count: number): void {
    this.samples.push({ atMs, count });
    while (this.samples.length > 2 && (this.samples[1]?.atMs ?? atMs) <= atMs - this.windowMs)
      this.samples.shift();
  }

  /** Per second, between the oldest sample in the window and the newest; 0 until two samples exist. */
  perSecond(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.atMs <= first.atMs) return 0;
    return ((last.count - first.count) * 1000) / (last.atMs - first.atMs);
  }
}
