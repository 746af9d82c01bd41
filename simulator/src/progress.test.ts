import { describe, expect, it } from 'vitest';
import { ProgressDisplay, progressBar, summaryText } from './progress';
import type { ReplayProgress, ReplaySummary } from './replay-types';

const T0 = Date.UTC(2024, 0, 12, 14, 20);

const progress = (over: Partial<ReplayProgress> = {}): ReplayProgress => ({
  sent: 1_680,
  rate: 12_345.4,
  simulatedTime: T0,
  remaining: 2_320,
  etaMs: 200_000,
  position: { pass: 1, line: 1_681 },
  totalLines: 4_000,
  badLines: 0,
  nextSendAt: null,
  paused: false,
  format: 'course',
  ...over,
});

describe('the progress bar', () => {
  it('shows share done, readings sent, rate, simulated time reached and time left', () => {
    expect(progressBar(progress(), 0)).toBe(
      '[########------------]  42%  1,680 sent  12,345/s  sim 2024-01-12 14:20Z  3m 20s left',
    );
  });

  it('counts down to the next reading when waiting, and shows bad lines and the broker state', () => {
    expect(progressBar(progress({ nextSendAt: 65_000, badLines: 3 }), 5_000)).toContain(
      'left  3 bad  next in 1m 00s',
    );
    expect(progressBar(progress({ rate: 0.1 }), 0)).toContain('  0.1/s  ');
    expect(progressBar(progress({ nextSendAt: 65_000 }), 5_000, 'broker down, retrying')).toContain(
      'broker down, retrying',
    );
  });

  it('shows the pass and line instead of a bar when looping', () => {
    const line = progressBar(progress({ remaining: null, etaMs: null, position: { pass: 3, line: 12 } }), 0);
    expect(line.startsWith('pass 3 line 12  1,680 sent')).toBe(true);
    expect(line).not.toContain('left');
  });
});

describe('without a terminal', () => {
  it('writes plain log lines, at most one every 5 seconds', () => {
    const written: string[] = [];
    let now = 0;
    const display = new ProgressDisplay(
      { isTTY: false, write: (t: string) => written.push(t) },
      undefined,
      () => now,
    );
    display.update(progress());
    now = 1_000;
    display.update(progress());
    now = 6_000;
    display.update(progress({ sent: 2_000 }));
    expect(written).toEqual([
      'progress: 1680 sent, 12345/s, simulated 2024-01-12T14:20:00.000Z, 1680/4000 lines read, pass 1, 0 bad lines, 3m 20s left\n',
      'progress: 2000 sent, 12345/s, simulated 2024-01-12T14:20:00.000Z, 1680/4000 lines read, pass 1, 0 bad lines, 3m 20s left\n',
    ]);
    expect(written.join('')).not.toContain('\r');
  });
});

describe('on a terminal', () => {
  it('redraws one line in place and prints notes above it', () => {
    let out = '';
    const display = new ProgressDisplay({ isTTY: true, columns: 200, write: (t: string) => (out += t) });
    display.update(progress());
    display.note('sensor.csv:3: empty');
    expect(out).toBe(
      '\r\x1b[2K' +
        progressBar(progress(), Date.now()) +
        '\r\x1b[2K' +
        'sensor.csv:3: empty\n' +
        '\r\x1b[2K' +
        progressBar(progress(), Date.now()),
    );
  });
});

describe('the summary', () => {
  it('reports counts, simulated time span, and the bad lines', () => {
    const summary: ReplaySummary = {
      outcome: 'completed',
      failure: null,
      file: 'a.csv',
      format: 'course',
      sent: 3_996,
      readings: 3_996,
      badLines: 2,
      firstBadLines: [
        { file: 'a.csv', line: 7, reason: 'empty' },
        { file: 'a.csv', line: 9, reason: 'not numeric: "x"' },
      ],
      passes: 1,
      durationMs: 1_500,
      averageRate: 2_664,
      firstTimestamp: T0,
      lastTimestamp: T0 + 600_000,
      startMs: T0,
      resumeFrom: null,
    };
    expect(summaryText(summary)).toBe(
      [
        'Replay completed: 3,996 messages confirmed (3,996 readings), 2 bad lines, 1 pass, in 2s (2,664/s).',
        'Simulated time: 2024-01-12T14:20:00.000Z to 2024-01-12T14:30:00.000Z.',
        'Bad lines:',
        '  a.csv:7: empty',
        '  a.csv:9: not numeric: "x"',
      ].join('\n'),
    );
  });
});
