import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Test support only: the simulator library itself never imports services (see STYLE.md).
import { waitFor } from '../../src/services/testing/wait';
import { createReplay } from './replay';
import type { ReplayOptions, ReplayProgress, BadLineEvent } from './replay-types';
import { FakeClock } from './testing/fake-clock';
import { RecordingPublisher } from './testing/recording-publisher';

const SENSOR_CSV = resolve(__dirname, '../../../shared/data/sensor.csv');
const T0 = Date.UTC(2024, 2, 1);
const TEN_MINUTES = 600_000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wattdesk-replay-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function csv(name: string, lines: Array<string | number>): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, lines.join('\n') + '\n');
  return file;
}

/** A replay on a fake clock into a recording publisher, with the options of the test. */
function setUp(
  options: Partial<ReplayOptions> & { file: string },
  publisherOptions: ConstructorParameters<typeof RecordingPublisher>[1] = {},
) {
  const clock = new FakeClock();
  const publisher = new RecordingPublisher(clock, publisherOptions);
  const replay = createReplay({ devices: ['meter-1'], start: T0, clock, publisher, ...options });
  return { clock, publisher, replay };
}

describe('timestamps and pacing', () => {
  it('sends reading i stamped start + i × interval, one interval of wall time after the previous', async () => {
    const file = await csv('three.csv', [0.5, 1, 3.6]);
    const { clock, publisher, replay } = setUp({ file });
    const wall0 = clock.now();
    const summary = await replay.start();
    expect(summary.outcome).toBe('completed');
    expect(
      publisher.published.map((p) => [p.message.timestamp, p.message.measurement_value, p.atMs - wall0]),
    ).toEqual([
      [T0, 0.5, 0],
      [T0 + TEN_MINUTES, 1, TEN_MINUTES],
      [T0 + 2 * TEN_MINUTES, 3.6, 2 * TEN_MINUTES],
    ]);
  });

  it('stamps the first reading with the time the replay starts when the start is now', async () => {
    const file = await csv('now.csv', [1, 2]);
    const { clock, publisher, replay } = setUp({ file, start: 'now', intervalMs: 900_000, speed: 'max' });
    const started = clock.now();
    await replay.start();
    expect(publisher.timestamps).toEqual([started, started + 900_000]);
  });

  it('at speed 60 sends an hour of readings per minute of wall time', async () => {
    const file = await csv('speed.csv', [1, 2, 3, 4, 5, 6, 7]);
    const { clock, publisher, replay } = setUp({ file, speed: 60 });
    const wall0 = clock.now();
    await replay.start();
    expect(publisher.published.map((p) => p.atMs - wall0)).toEqual(
      [0, 10, 20, 30, 40, 50, 60].map((s) => s * 1000),
    );
  });

  it('at max speed never waits for the clock', async () => {
    const file = await csv('max.csv', [1, 2, 3]);
    const { clock, publisher, replay } = setUp({ file, speed: 'max' });
    await replay.start();
    expect(publisher.published).toHaveLength(3);
    expect(clock.sleeps).toEqual([]);
  });

  it('holds readings back while paused and moves the schedule on by the pause', async () => {
    const file = await csv('pause.csv', [1, 2, 3]);
    const { clock, publisher, replay } = setUp(
      { file },
      {
        onPublish: (n) => {
          if (n !== 2) return;
          replay.pause();
          setTimeout(() => {
            clock.advance(3_600_000);
            replay.resume();
          }, 5);
        },
      },
    );
    const wall0 = clock.now();
    await replay.start();
    expect(publisher.published.map((p) => p.atMs - wall0)).toEqual([
      0,
      TEN_MINUTES,
      3_600_000 + 2 * TEN_MINUTES,
    ]);
  });

  it('keeps a headed file’s own timestamps and devices, paced by their gaps', async () => {
    const file = await csv('headed.csv', [
      'timestamp,device_id,measurement_value',
      '2024-03-01T00:00:00Z,a,1',
      '2024-03-01T00:00:00Z,b,7',
      '2024-03-01T00:30:00Z,a,2',
    ]);
    const clock = new FakeClock();
    const publisher = new RecordingPublisher(clock);
    const wall0 = clock.now();
    await createReplay({ file, clock, publisher, speed: 2 }).start();
    expect(publisher.published.map((p) => [p.message, p.atMs - wall0])).toEqual([
      [{ timestamp: T0, device_id: 'a', measurement_value: 1 }, 0],
      [{ timestamp: T0, device_id: 'b', measurement_value: 7 }, 0],
      [{ timestamp: T0 + 1_800_000, device_id: 'a', measurement_value: 2 }, 900_000],
    ]);
  });
});

describe('bad lines', () => {
  it('skips and counts bad lines, reporting each as file:line with its reason', async () => {
    const file = await csv('bad.csv', [1, '', 'x', 4]);
    const { publisher, replay } = setUp({ file, speed: 'max' });
    const reported: BadLineEvent[] = [];
    replay.on('error', (e) => reported.push(e));
    const summary = await replay.start();
    expect(reported).toEqual([
      { file, line: 2, reason: 'empty' },
      { file, line: 3, reason: 'not numeric: "x"' },
    ]);
    expect(summary).toMatchObject({ outcome: 'completed', badLines: 2, readings: 2, sent: 2 });
    expect(publisher.timestamps).toEqual([T0, T0 + 3 * TEN_MINUTES]);
  });

  it('in strict mode stops at the first bad line, fails, and resumes at that line', async () => {
    const file = await csv('strict.csv', [1, 2, 'oops', 4]);
    const { publisher, replay } = setUp({ file, speed: 'max', strict: true });
    const summary = await replay.start();
    expect(summary.outcome).toBe('failed');
    expect(summary.failure).toContain(`${file}:3: not numeric: "oops"`);
    expect(summary.resumeFrom).toEqual({ pass: 1, line: 3 });
    expect(publisher.timestamps).toEqual([T0, T0 + TEN_MINUTES]);
  });

  it('does not crash when nobody listens for bad lines', async () => {
    const file = await csv('unheard.csv', ['x', 2]);
    const { replay } = setUp({ file, speed: 'max' });
    expect((await replay.start()).badLines).toBe(1);
  });
});

describe('stopping and resuming', () => {
  it('a stopped replay says where to resume, and resuming there sends the rest with the same timestamps', async () => {
    const values = [1, 2, 3, 4, 5, 6];
    const file = await csv('resume.csv', values);
    const full = setUp({ file, devices: ['a', 'b'] });
    await full.replay.start();

    const first = setUp(
      { file, devices: ['a', 'b'] },
      { onPublish: (n) => n === 6 && void first.replay.stop() },
    );
    const stopped = await first.replay.start();
    expect(stopped.outcome).toBe('stopped');
    expect(stopped.resumeFrom).toEqual({ pass: 1, line: 4 });
    expect(stopped.startMs).toBe(T0);

    const rest = setUp({ file, devices: ['a', 'b'], start: stopped.startMs ?? 0, fromLine: 4 });
    await rest.replay.start();
    expect([...first.publisher.published, ...rest.publisher.published].map((p) => p.message)).toEqual(
      full.publisher.published.map((p) => p.message),
    );
  });

  it('resumes from the first line the broker has not confirmed, not the last one sent', async () => {
    const file = await csv('unconfirmed.csv', [1, 2, 3, 4, 5, 6]);
    const { publisher, replay } = setUp(
      { file, speed: 'max', maxInFlight: 2, stopGraceMs: 1_000 },
      { confirms: (n) => n <= 2, onPublish: (n) => n === 4 && void replay.stop() },
    );
    const summary = await replay.start();
    expect(publisher.published).toHaveLength(4);
    expect(summary).toMatchObject({
      outcome: 'stopped',
      sent: 2,
      readings: 2,
      resumeFrom: { pass: 1, line: 3 },
    });
  });
});

describe('looping', () => {
  it('keeps the register growing across passes: each pass adds the previous pass’s last value', async () => {
    const file = await csv('loop.csv', [0.5, 1, 4]);
    const { publisher, replay } = setUp(
      { file, speed: 'max', loop: true },
      { onPublish: (n) => n === 8 && void replay.stop() },
    );
    const summary = await replay.start();
    expect(publisher.published.map((p) => p.message.measurement_value)).toEqual([
      0.5, 1, 4, 4.5, 5, 8, 8.5, 9,
    ]);
    expect(publisher.timestamps).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => T0 + i * TEN_MINUTES));
    expect(summary.resumeFrom).toEqual({ pass: 3, line: 3 });
  });

  it('resuming in a later pass carries the register and time of the passes before', async () => {
    const file = await csv('loop-resume.csv', [0.5, 1, 4]);
    const { publisher, replay } = setUp(
      { file, speed: 'max', loop: true, fromPass: 3, fromLine: 2 },
      { onPublish: (n) => n === 2 && void replay.stop() },
    );
    await replay.start();
    expect(publisher.published.map((p) => [p.message.timestamp, p.message.measurement_value])).toEqual([
      [T0 + 7 * TEN_MINUTES, 9],
      [T0 + 8 * TEN_MINUTES, 12],
    ]);
  });
});

describe('events', () => {
  it('reports progress with sent, rate, simulated time and remaining, then finishes with the summary', async () => {
    const file = await csv('events.csv', [1, 2, 3, 4]);
    const { replay } = setUp({ file, devices: ['a', 'b'] });
    const progress: ReplayProgress[] = [];
    replay.on('progress', (p) => progress.push(p));
    let finished: unknown;
    replay.on('finished', (f) => (finished = f));
    const summary = await replay.start();
    const last = progress.at(-1);
    expect(last).toMatchObject({ sent: 8, simulatedTime: T0 + 3 * TEN_MINUTES, remaining: 0, totalLines: 4 });
    expect(progress.some((p) => p.rate > 0)).toBe(true);
    expect(progress.some((p) => p.nextSendAt !== null && p.etaMs !== null && p.etaMs > 0)).toBe(true);
    expect(finished).toEqual({ summary });
    expect(summary).toMatchObject({
      sent: 8,
      readings: 4,
      firstTimestamp: T0,
      lastTimestamp: T0 + 3 * TEN_MINUTES,
    });
  });

  it('delivers a progress update held back by throttling a moment later instead of dropping it', async () => {
    const file = await csv('throttle.csv', [1, 2]);
    const { replay } = setUp({ file, progressEveryMs: 50 }, { onPublish: (n) => n === 1 && replay.pause() });
    let latest: ReplayProgress | undefined;
    replay.on('progress', (p) => (latest = p));
    const done = replay.start();
    // Paused right after the first publish: its confirmation is the last news until resume.
    const news = await waitFor(() => latest?.paused && latest.sent === 1 && latest, {
      timeoutMs: 2_000,
      what: 'progress reporting the first reading confirmed',
    });
    expect(news.simulatedTime).toBe(T0);
    replay.resume();
    expect((await done).sent).toBe(2);
  });

  it('fails clearly when a course-format file is replayed without a device', async () => {
    const file = await csv('nodevice.csv', [1]);
    const { replay } = setUp({ file, devices: [] });
    const summary = await replay.start();
    expect(summary.outcome).toBe('failed');
    expect(summary.failure).toMatch(/needs at least one device/);
  });

  it('fails with the file name when the file cannot be read', async () => {
    const { replay } = setUp({ file: join(dir, 'absent.csv') });
    const summary = await replay.start();
    expect(summary.outcome).toBe('failed');
    expect(summary.failure).toMatch(/absent\.csv/);
  });
});

it.skipIf(!existsSync(SENSOR_CSV))(
  "replays the course's sensor.csv whole, one reading per 10 minutes (skipped when ../shared/data/sensor.csv is absent)",
  async () => {
    const { publisher, replay } = setUp({ file: SENSOR_CSV, speed: 'max' });
    const summary = await replay.start();
    expect(summary).toMatchObject({ outcome: 'completed', sent: 3_998, badLines: 0 });
    expect(publisher.timestamps.every((ts, i) => ts === T0 + i * TEN_MINUTES)).toBe(true);
  },
);
