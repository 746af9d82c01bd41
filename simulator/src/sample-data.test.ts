import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleDataLines, sampleRegister, SLOTS_PER_DAY } from './sample-data';

const year = [...sampleRegister({ days: 365, seed: 42 })];
const slotKwh = year.map((v, i) => v - (i === 0 ? 0 : (year[i - 1] ?? 0)));
const dailyKwh = Array.from({ length: 365 }, (_, d) =>
  slotKwh.slice(d * SLOTS_PER_DAY, (d + 1) * SLOTS_PER_DAY).reduce((a, b) => a + b, 0),
);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('sample data', () => {
  it('writes the same file for the same seed, and a different one for another seed', () => {
    const a = [...sampleDataLines({ days: 7, seed: 42 })];
    expect([...sampleDataLines({ days: 7, seed: 42 })]).toEqual(a);
    expect([...sampleDataLines({ days: 7, seed: 43 })]).not.toEqual(a);
  });

  it('is a rising cumulative register, 144 readings a day, written with 4 decimals', () => {
    const lines = [...sampleDataLines({ days: 2, seed: 1 })];
    expect(lines).toHaveLength(288);
    expect(lines.every((l) => /^\d+\.\d{4}$/.test(l))).toBe(true);
    expect(slotKwh.every((kwh) => kwh > 0)).toBe(true);
  });

  it('has household magnitudes: roughly 0.04–0.6 kWh per 10 minutes and a few to ~16 kWh a day', () => {
    expect(Math.min(...slotKwh)).toBeGreaterThan(0.03);
    expect(Math.max(...slotKwh)).toBeLessThan(0.65);
    expect(Math.min(...dailyKwh)).toBeGreaterThan(3);
    expect(Math.max(...dailyKwh)).toBeLessThan(17);
  });

  it('follows a daily pattern: evenings use more than nights', () => {
    const hourKwh = (hour: number): number =>
      mean(
        dailyKwh.map((_, d) =>
          slotKwh.slice(d * 144 + hour * 6, d * 144 + hour * 6 + 6).reduce((a, b) => a + b, 0),
        ),
      );
    expect(hourKwh(19)).toBeGreaterThan(2.5 * hourKwh(3));
    expect(hourKwh(8)).toBeGreaterThan(1.5 * hourKwh(3));
  });

  it('follows a weekly pattern (weekends higher) and a seasonal one (January above July)', () => {
    const weekdays = dailyKwh.filter((_, d) => d % 7 < 5);
    const weekends = dailyKwh.filter((_, d) => d % 7 >= 5);
    expect(mean(weekends)).toBeGreaterThan(1.1 * mean(weekdays));
    expect(mean(dailyKwh.slice(0, 31))).toBeGreaterThan(1.2 * mean(dailyKwh.slice(181, 212)));
  });

  it('has occasional spikes well above the evening peak', () => {
    const spikes = slotKwh.filter((kwh) => kwh > 0.3).length;
    expect(spikes).toBeGreaterThan(50);
    expect(spikes).toBeLessThan(0.01 * slotKwh.length);
  });

  it('the committed simulator/data/sample.csv is exactly what --days 365 --seed 42 writes', async () => {
    const committed = await readFile(resolve(__dirname, '../data/sample.csv'), 'utf8');
    expect(committed).toBe([...sampleDataLines({ days: 365, seed: 42 })].join('\n') + '\n');
  });
});
