import { describe, expect, it } from 'vitest';
import { classifyReading, ReadingKind } from './classify';

const H = 3_600_000;
const MAX_KW = 1000;

describe('classifyReading', () => {
  it('makes the first reading a baseline that carries no energy', () => {
    const r = classifyReading(null, { ts: 0, value: 42 }, MAX_KW);
    expect(r).toEqual({ kind: ReadingKind.Baseline, kwh: 0, fromTs: null, nextGood: { ts: 0, value: 42 } });
  });

  it('counts the difference of two readings over the interval between them', () => {
    const r = classifyReading({ ts: 0, value: 10 }, { ts: H, value: 12.5 }, MAX_KW);
    expect(r).toMatchObject({
      kind: ReadingKind.Normal,
      kwh: 2.5,
      fromTs: 0,
      nextGood: { ts: H, value: 12.5 },
    });
  });

  it('treats a drop below 10% of the previous value as a reset that counts from zero', () => {
    const r = classifyReading({ ts: 0, value: 100 }, { ts: H, value: 3 }, MAX_KW);
    expect(r).toMatchObject({ kind: ReadingKind.Reset, kwh: 3, fromTs: 0, nextGood: { ts: H, value: 3 } });
  });

  it('treats a smaller drop as a glitch that carries nothing and keeps the baseline', () => {
    const previous = { ts: 0, value: 100 };
    const r = classifyReading(previous, { ts: H, value: 10 }, MAX_KW);
    expect(r).toEqual({ kind: ReadingKind.Glitch, kwh: 0, fromTs: null, nextGood: previous });
  });

  it('quarantines a reading that implies more than the power cap, and keeps the baseline', () => {
    const previous = { ts: 0, value: 100 };
    // 1001 kWh in one hour is 1001 kW on average.
    const r = classifyReading(previous, { ts: H, value: 1101 }, MAX_KW);
    expect(r).toEqual({ kind: ReadingKind.Quarantined, kwh: 0, fromTs: null, nextGood: previous });
    expect(classifyReading(previous, { ts: H, value: 1100 }, MAX_KW).kind).toBe(ReadingKind.Normal);
  });

  it('quarantines an implausible reset as well', () => {
    const r = classifyReading({ ts: 0, value: 10_000 }, { ts: 60_000, value: 500 }, MAX_KW);
    expect(r.kind).toBe(ReadingKind.Quarantined);
  });
});
