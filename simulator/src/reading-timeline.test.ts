import { describe, expect, it } from 'vitest';
import { consumptionMessageSchema } from '../../src/shared/contracts/consumption';
import type { CourseReading, CsvLine, HeadedReading } from './csv-readings';
import { RANDOM_OFFSET_MAX_KWH } from './device-offsets';
import { ReadingTimeline, type TimelineOptions } from './reading-timeline';

const T0 = Date.UTC(2024, 0, 1);
const TEN_MINUTES = 600_000;

const course = (line: number, value: number): CourseReading => ({
  kind: 'reading',
  format: 'course',
  line,
  value,
});
const headed = (line: number, timestamp: number, deviceId: string, value: number): HeadedReading => ({
  kind: 'reading',
  format: 'headed',
  line,
  value,
  timestamp,
  deviceId,
});

function timeline(options: Partial<TimelineOptions> = {}): ReadingTimeline {
  return new ReadingTimeline({
    devices: ['meter-1'],
    startMs: T0,
    intervalMs: TEN_MINUTES,
    deviceOffset: { kind: 'step', kwh: 0 },
    ...options,
  });
}

/** Observes and sends each line of one pass, as the replay does; returns [timestamp, device, value] triples. */
function replayPass(t: ReadingTimeline, lines: CsvLine[]): Array<[number, string, number]> {
  const out: Array<[number, string, number]> = [];
  for (const line of lines) {
    t.observe(line);
    if (line.kind === 'bad') continue;
    const result = t.messagesFor(line);
    if (!result.ok) throw new Error(result.reason);
    for (const m of result.messages) out.push([m.timestamp as number, m.device_id, m.measurement_value]);
  }
  return out;
}

describe('course format timestamps', () => {
  it('gives reading i the timestamp start + i × interval', () => {
    const sent = replayPass(timeline(), [course(1, 0.5), course(2, 1), course(3, 3.6)]);
    expect(sent).toEqual([
      [T0, 'meter-1', 0.5],
      [T0 + TEN_MINUTES, 'meter-1', 1],
      [T0 + 2 * TEN_MINUTES, 'meter-1', 3.6],
    ]);
  });

  it('leaves a gap for a bad line instead of shifting the readings after it', () => {
    const sent = replayPass(timeline({ intervalMs: 900_000 }), [
      course(1, 1),
      { kind: 'bad', line: 2, reason: 'empty' },
      course(3, 2),
    ]);
    expect(sent.map(([ts]) => ts)).toEqual([T0, T0 + 2 * 900_000]);
  });

  it('sends every reading as each device, at the same timestamp', () => {
    const sent = replayPass(timeline({ devices: ['a', 'b'] }), [course(1, 5)]);
    expect(sent).toEqual([
      [T0, 'a', 5],
      [T0, 'b', 5],
    ]);
  });
});

describe('looping', () => {
  it('adds the previous pass’s last value to the register and continues time, so no reset appears', () => {
    const t = timeline();
    const file = [course(1, 0.5), course(2, 1), course(3, 4)];
    const first = replayPass(t, file);
    t.nextPass();
    const second = replayPass(t, file);
    t.nextPass();
    const third = replayPass(t, file);
    expect(second).toEqual([
      [T0 + 3 * TEN_MINUTES, 'meter-1', 4.5],
      [T0 + 4 * TEN_MINUTES, 'meter-1', 5],
      [T0 + 5 * TEN_MINUTES, 'meter-1', 8],
    ]);
    expect(third[0]).toEqual([T0 + 6 * TEN_MINUTES, 'meter-1', 8.5]);
    const values = [...first, ...second, ...third].map(([, , v]) => v);
    expect(values.every((v, i) => i === 0 || v > (values[i - 1] ?? Infinity))).toBe(true);
  });

  it('shifts a headed file’s timestamps so the next pass begins one interval after the last reading', () => {
    const t = timeline({ devices: null });
    const file = [headed(2, T0, 'm', 1), headed(3, T0 + 3_600_000, 'm', 2)];
    replayPass(t, file);
    t.nextPass();
    expect(replayPass(t, file)).toEqual([
      [T0 + 3_600_000 + TEN_MINUTES, 'm', 3],
      [T0 + 2 * 3_600_000 + TEN_MINUTES, 'm', 4],
    ]);
  });
});

describe('register offsets per device', () => {
  it('with a step offset, device k starts k × step higher', () => {
    const sent = replayPass(
      timeline({ devices: ['a', 'b', 'c'], deviceOffset: { kind: 'step', kwh: 100 } }),
      [course(1, 1.5)],
    );
    expect(sent.map(([, d, v]) => [d, v])).toEqual([
      ['a', 1.5],
      ['b', 101.5],
      ['c', 201.5],
    ]);
  });

  it('with random offsets, devices differ from each other, and each device always gets the same offset', () => {
    const devices = ['house-1', 'house-2', 'house-3'];
    const once = replayPass(timeline({ devices, deviceOffset: { kind: 'random' } }), [course(1, 1)]);
    const again = replayPass(timeline({ devices, deviceOffset: { kind: 'random' } }), [course(1, 1)]);
    const values = once.map(([, , v]) => v);
    expect(new Set(values).size).toBe(3);
    expect(values.every((v) => v >= 1 && v < 1 + RANDOM_OFFSET_MAX_KWH)).toBe(true);
    expect(again).toEqual(once);
  });
});

describe('the consumptions contract', () => {
  it('builds messages the contract accepts, with epoch-ms integer timestamps', () => {
    const t = timeline({ devices: ['a', 'b'], deviceOffset: { kind: 'random' } });
    t.observe(course(1, 0.25));
    const result = t.messagesFor(course(1, 0.25));
    if (!result.ok) throw new Error(result.reason);
    for (const m of result.messages) {
      expect(Object.keys(m).sort()).toEqual(['device_id', 'measurement_value', 'timestamp']);
      expect(Number.isInteger(m.timestamp)).toBe(true);
      expect(consumptionMessageSchema.safeParse(m).success).toBe(true);
    }
  });

  it('refuses a reading whose timestamp the contract would reject, with the reason', () => {
    const t = timeline({ startMs: Date.UTC(2099, 11, 31, 23, 55) });
    const result = t.messagesFor(course(2, 1));
    expect(result).toEqual({
      ok: false,
      reason: 'breaks the consumptions contract: timestamp must be between 2000-01-01 and 2100-01-01',
    });
  });
});
