// Keeps account of readings in flight: bounds how many await confirmation, and knows the first line
// not yet fully confirmed, which is where a stopped replay must resume to skip nothing.

/** A place in the replay: a line of the file in a pass over it (passes count from 1). */
export interface Position {
  pass: number;
  line: number;
}

interface Entry {
  position: Position;
  /** Simulated epoch ms of the line's messages. */
  timestamp: number;
  /** Messages of the line not yet confirmed (one per device). */
  unconfirmed: number;
}

export type LedgerEntry = Readonly<Entry>;

export class DeliveryLedger {
  /** Lines with messages in flight, oldest first; entries before `head` are fully confirmed. */
  private entries: Entry[] = [];
  private head = 0;
  private waiters = new Set<() => void>();
  /** Messages sent and not yet confirmed. */
  inFlight = 0;
  /** Messages confirmed. */
  confirmed = 0;
  /** Lines whose messages are all confirmed. */
  confirmedLines = 0;
  /** Simulated epoch ms up to which every line is confirmed; null before the first. */
  confirmedUntil: number | null = null;

  constructor(readonly maxInFlight: number) {}

  add(position: Position, timestamp: number, messages: number): LedgerEntry {
    const entry = { position, timestamp, unconfirmed: messages };
    this.entries.push(entry);
    this.inFlight += messages;
    return entry;
  }

  confirm(entry: LedgerEntry): void {
    (entry as Entry).unconfirmed -= 1;
    this.inFlight -= 1;
    this.confirmed += 1;
    if (entry.unconfirmed === 0) this.confirmedLines += 1;
    for (
      let first = this.entries[this.head];
      first && first.unconfirmed === 0;
      first = this.entries[this.head]
    ) {
      this.confirmedUntil = first.timestamp;
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    for (const wake of this.waiters) wake();
  }

  /** The first line with a message not yet confirmed, or null when none is in flight. */
  firstUnconfirmed(): Position | null {
    return this.entries[this.head]?.position ?? null;
  }

  /** Resolves once `messages` more fit in the window (always, when nothing is in flight) or `signal` aborts. */
  async room(messages: number, signal: AbortSignal): Promise<void> {
    while (this.inFlight > 0 && this.inFlight + messages > this.maxInFlight && !signal.aborted)
      await this.nextChange(signal);
  }

  /** Resolves once nothing is in flight, or `signal` aborts. */
  async drained(signal: AbortSignal): Promise<void> {
    while (this.inFlight > 0 && !signal.aborted) await this.nextChange(signal);
  }

  private nextChange(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
