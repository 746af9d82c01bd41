// When each reading is due in wall time: simulated time divided by the speed, from a fixed anchor.

/** How fast simulated time runs: a factor of wall time (1 = real time, 60 = an hour per minute), or `max`. */
export type Speed = number | 'max';

/**
 * Due times are computed from one anchor, never from the previous send, so delays (a slow broker,
 * a busy event loop) do not accumulate into drift. Pausing moves the anchor by the time spent paused.
 */
export class Pacer {
  private anchor: { wallMs: number; simulatedMs: number } | null = null;
  private pausedAt: number | null = null;

  constructor(readonly speed: Speed) {}

  /** Wall ms to wait before sending the reading of `simulatedMs`; 0 when due. The first reading is due at once. */
  delayUntil(simulatedMs: number, nowMs: number): number {
    if (this.speed === 'max') return 0;
    if (this.anchor === null) {
      this.anchor = { wallMs: nowMs, simulatedMs };
      return 0;
    }
    const due = this.anchor.wallMs + (simulatedMs - this.anchor.simulatedMs) / this.speed;
    return Math.max(0, due - nowMs);
  }

  /** The wall time (epoch ms) at which `simulatedMs` is due, or null before the first reading or at `max`. */
  dueAt(simulatedMs: number): number | null {
    if (this.speed === 'max' || this.anchor === null) return null;
    return this.anchor.wallMs + (simulatedMs - this.anchor.simulatedMs) / this.speed;
  }

  pause(nowMs: number): void {
    this.pausedAt ??= nowMs;
  }

  resume(nowMs: number): void {
    if (this.pausedAt === null) return;
    if (this.anchor) this.anchor.wallMs += nowMs - this.pausedAt;
    this.pausedAt = null;
  }
}
