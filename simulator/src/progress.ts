// What the `simulate` command shows while it runs: a progress bar on a terminal, plain log lines otherwise.
import { formatDuration } from './duration';
import type { ReplayProgress, ReplaySummary } from './replay-types';

const BAR_WIDTH = 20;
/** Least wall ms between two log lines when the output is not a terminal. */
const LOG_EVERY_MS = 5_000;

/** The sink the display writes to: process.stdout, or a fake in tests. */
export interface Terminal {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');
/** Readings per second: one decimal below 10, so a paced replay does not show 0/s. */
const rate = (perSecond: number): string => (perSecond < 10 ? perSecond.toFixed(1) : count(perSecond));

const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

/** Simulated time, minute precision, UTC: "2024-01-12 14:20Z". */
function simulated(ms: number | null): string {
  return ms === null ? '-' : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

/** The fraction of the current pass read, or null when the total is unknown. */
function fraction(p: ReplayProgress): number | null {
  if (p.totalLines === null || p.totalLines === 0) return null;
  return Math.min(1, Math.max(0, (p.position.line - 1) / p.totalLines));
}

/** One line for a terminal: bar, share, sent, rate, simulated time reached, and time left or next reading. */
export function progressBar(p: ReplayProgress, nowMs: number, status: string | null = null): string {
  const share = fraction(p);
  const parts: string[] = [];
  if (share !== null && p.remaining !== null) {
    const filled = Math.round(share * BAR_WIDTH);
    parts.push(
      `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%`,
    );
  } else parts.push(`pass ${p.position.pass} line ${count(p.position.line)}`);
  parts.push(`${count(p.sent)} sent`, `${rate(p.rate)}/s`, `sim ${simulated(p.simulatedTime)}`);
  if (p.etaMs !== null) parts.push(`${formatDuration(p.etaMs)} left`);
  if (p.badLines > 0) parts.push(`${count(p.badLines)} bad`);
  // Last, so a narrow terminal cuts this rather than the figures.
  if (status) parts.push(status);
  else if (p.paused) parts.push('paused');
  else if (p.nextSendAt !== null && p.nextSendAt > nowMs)
    parts.push(`next in ${formatDuration(p.nextSendAt - nowMs)}`);
  return parts.join('  ');
}

/** One plain log line, for output that is not a terminal. */
export function progressLogLine(p: ReplayProgress): string {
  const read = p.position.line - 1;
  const where = `${p.totalLines === null ? read : `${Math.min(read, p.totalLines)}/${p.totalLines}`} lines read, pass ${p.position.pass}`;
  const left = p.etaMs === null ? '' : `, ${formatDuration(p.etaMs)} left`;
  const simTime = p.simulatedTime === null ? '-' : new Date(p.simulatedTime).toISOString();
  return `progress: ${p.sent} sent, ${rate(p.rate).replaceAll(',', '')}/s, simulated ${simTime}, ${where}, ${p.badLines} bad lines${left}`;
}

/** The end-of-run report. */
export function summaryText(s: ReplaySummary): string {
  const lines = [
    `Replay ${s.outcome}: ${plural(s.sent, 'message')} confirmed (${plural(s.readings, 'reading')}), ` +
      `${plural(s.badLines, 'bad line')}, ${plural(s.passes, 'pass', 'passes')}, ` +
      `in ${formatDuration(s.durationMs)} (${rate(s.averageRate)}/s).`,
  ];
  if (s.firstTimestamp !== null && s.lastTimestamp !== null)
    lines.push(
      `Simulated time: ${new Date(s.firstTimestamp).toISOString()} to ${new Date(s.lastTimestamp).toISOString()}.`,
    );
  if (s.firstBadLines.length > 0) {
    lines.push('Bad lines:');
    for (const b of s.firstBadLines) lines.push(`  ${b.file}:${b.line}: ${b.reason}`);
    if (s.badLines > s.firstBadLines.length)
      lines.push(`  ... and ${count(s.badLines - s.firstBadLines.length)} more`);
  }
  if (s.failure) lines.push(`Failed: ${s.failure}`);
  return lines.join('\n');
}

/**
 * Keeps one progress line redrawn at the bottom of a terminal, with notes (bad lines, broker state) printed
 * above it; without a terminal, writes a log line at most every few seconds.
 */
export class ProgressDisplay {
  private last: ReplayProgress | null = null;
  private status: string | null = null;
  private lastLogAt = -Infinity;
  private drawn = false;

  /**
   * @param out where progress goes (process.stdout)
   * @param err where notes go (process.stderr); on a terminal both show on the same screen
   */
  constructor(
    private readonly out: Terminal,
    private readonly err: Terminal = out,
    private readonly now: () => number = Date.now,
  ) {}

  get interactive(): boolean {
    return this.out.isTTY === true;
  }

  update(p: ReplayProgress): void {
    this.last = p;
    if (this.interactive) return this.redraw();
    const now = this.now();
    if (now - this.lastLogAt < LOG_EVERY_MS) return;
    this.lastLogAt = now;
    this.out.write(`${progressLogLine(p)}\n`);
  }

  /** A condition shown on the bar until cleared with null, such as the broker being down; logged once otherwise. */
  setStatus(status: string | null): void {
    if (status === this.status) return;
    this.status = status;
    if (this.interactive) this.redraw();
    else if (status) this.err.write(`${status}\n`);
  }

  /** A line printed above the bar. */
  note(text: string): void {
    this.clear();
    this.err.write(`${text}\n`);
    if (this.interactive) this.redraw();
  }

  /** Redraws with the current time, so "next in" counts down between readings. */
  redraw(): void {
    if (!this.interactive || !this.last) return;
    const line = progressBar(this.last, this.now(), this.status);
    const width = this.out.columns ?? 120;
    this.out.write(`\r\x1b[2K${line.length > width - 1 ? line.slice(0, width - 1) : line}`);
    this.drawn = true;
  }

  /** Removes the bar, before the summary. */
  clear(): void {
    if (!this.drawn) return;
    this.out.write('\r\x1b[2K');
    this.drawn = false;
  }
}
