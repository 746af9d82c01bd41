import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it('reads the forms people type for an interval', () => {
    expect(parseDuration('10m')).toBe(600_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1.5h')).toBe(5_400_000);
  });

  it('refuses anything that is not a positive duration with a unit', () => {
    for (const bad of ['', '10', 'm', '10x', '-5m', '0s', '10 m', 'ten minutes', '1h-'])
      expect(parseDuration(bad), bad).toBeNull();
  });
});

describe('formatDuration', () => {
  it('prints the two largest units', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(725_000)).toBe('12m 05s');
    expect(formatDuration(12_000_000)).toBe('3h 20m');
    expect(formatDuration(187_200_000)).toBe('2d 04h');
  });
});
