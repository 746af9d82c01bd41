// How much of a replay is left, in messages and in wall time, for the progress display.
import type { CsvFormat } from './csv-readings';
import type { Speed } from './pacing';

export interface RemainingInput {
  /** Lines in the file, or null if not known. */
  totalLines: number | null;
  /** The next line to read. */
  line: number;
  loop: boolean;
  /** Messages per line. */
  devices: number;
  /** Messages sent and not yet confirmed. */
  inFlight: number;
  /** Messages confirmed per second lately. */
  rate: number;
  speed: Speed;
  intervalMs: number;
  format: CsvFormat | null;
}

/**
 * Messages still to confirm, and the wall ms that will take; both null when looping (no end) or unknown.
 * A paced course-format replay ends on schedule: lines left × interval ÷ speed. Otherwise the recent rate decides.
 */
export function estimateRemaining(i: RemainingInput): { remaining: number | null; etaMs: number | null } {
  if (i.loop || i.totalLines === null) return { remaining: null, etaMs: null };
  const linesLeft = Math.max(0, i.totalLines - i.line + 1);
  const remaining = linesLeft * i.devices + i.inFlight;
  if (i.speed !== 'max' && i.format === 'course')
    return { remaining, etaMs: (linesLeft * i.intervalMs) / i.speed };
  return { remaining, etaMs: i.rate > 0 ? (remaining / i.rate) * 1000 : null };
}
