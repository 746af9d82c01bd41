import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from './csv-export';

describe('the CSV export', () => {
  it('writes start, kwh and readings per row, kWh unrounded', () => {
    expect(
      toCsv([
        { start: '2026-10-25T03:00:00+03:00', kwh: 0.123456789, readings: 6 },
        { start: '2026-10-25T03:00:00+02:00', kwh: 0, readings: 0 },
      ]),
    ).toBe(
      'start,kwh,readings\r\n2026-10-25T03:00:00+03:00,0.123456789,6\r\n2026-10-25T03:00:00+02:00,0,0\r\n',
    );
  });

  it('names the file after the device and the period, safely', () => {
    expect(csvFileName('wattdesk', 'Heat pump / cellar', '2026-10')).toBe(
      'wattdesk-Heat-pump-cellar-2026-10.csv',
    );
  });
});
