import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countLines } from './count-lines';
import { CsvFormatError, detectCsvFormat, readCsvLines, type CsvLine } from './csv-readings';

const SENSOR_CSV = resolve(__dirname, '../../../shared/data/sensor.csv');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wattdesk-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function linesOf(name: string, text: string): Promise<CsvLine[]> {
  const file = join(dir, name);
  await writeFile(file, text);
  const out: CsvLine[] = [];
  for await (const line of readCsvLines(file)) out.push(line);
  return out;
}

describe('the course format', () => {
  it('reads one cumulative value per line, numbered from 1', async () => {
    expect(await linesOf('course.csv', '0.5\n1\n3.64170771\n')).toEqual([
      { kind: 'reading', format: 'course', line: 1, value: 0.5 },
      { kind: 'reading', format: 'course', line: 2, value: 1 },
      { kind: 'reading', format: 'course', line: 3, value: 3.64170771 },
    ]);
  });

  it('reads Windows line ends, a byte-order mark and a last line without newline', async () => {
    const lines = await linesOf('crlf.csv', '\uFEFF1.5\r\n2.5\r\n3');
    expect(lines.map((l) => (l.kind === 'reading' ? l.value : l.reason))).toEqual([1.5, 2.5, 3]);
  });

  it('reports bad lines with their line number and reason, and keeps reading after them', async () => {
    const lines = await linesOf('bad.csv', '1\n\nabc\n0x10\n-2\n1,2\n"x\n7\n');
    expect(lines).toEqual([
      { kind: 'reading', format: 'course', line: 1, value: 1 },
      { kind: 'bad', line: 2, reason: 'empty' },
      { kind: 'bad', line: 3, reason: 'not numeric: "abc"' },
      { kind: 'bad', line: 4, reason: 'not numeric: "0x10"' },
      { kind: 'bad', line: 5, reason: 'negative: -2 (a register counts up from zero)' },
      { kind: 'bad', line: 6, reason: 'expected one value, got 2 fields' },
      { kind: 'bad', line: 7, reason: 'not numeric: "\\"x"' },
      { kind: 'reading', format: 'course', line: 8, value: 7 },
    ]);
  });

  it.skipIf(!existsSync(SENSOR_CSV))(
    "reads the course's sensor.csv whole: 3,998 rising values, no bad line (skipped when ../shared/data/sensor.csv is absent)",
    async () => {
      const values: number[] = [];
      for await (const line of readCsvLines(SENSOR_CSV)) {
        if (line.kind === 'bad') throw new Error(`sensor.csv:${line.line}: ${line.reason}`);
        values.push(line.value);
      }
      expect(values).toHaveLength(3_998);
      expect(values[0]).toBe(0.5);
      expect(values.every((v, i) => i === 0 || v >= (values[i - 1] ?? 0))).toBe(true);
      expect(await countLines(SENSOR_CSV)).toBe(3_998);
    },
  );
});

describe('the headed format', () => {
  it('keeps each line’s own timestamp (epoch ms or ISO with offset) and device', async () => {
    const text =
      'timestamp,device_id,measurement_value\n' +
      '2024-01-01T00:00:00Z,meter-1,10.5\n' +
      '1704067800000,"meter-1",10.75\n' +
      '2024-01-01T01:00:00+01:00,meter-2,3\n';
    expect(await linesOf('headed.csv', text)).toEqual([
      {
        kind: 'reading',
        format: 'headed',
        line: 2,
        value: 10.5,
        timestamp: 1704067200000,
        deviceId: 'meter-1',
      },
      {
        kind: 'reading',
        format: 'headed',
        line: 3,
        value: 10.75,
        timestamp: 1704067800000,
        deviceId: 'meter-1',
      },
      { kind: 'reading', format: 'headed', line: 4, value: 3, timestamp: 1704067200000, deviceId: 'meter-2' },
    ]);
  });

  it('finds the columns by name, in any order', async () => {
    const lines = await linesOf('order.csv', 'device_id,measurement_value,timestamp\nm,1.5,1704067200000\n');
    expect(lines).toEqual([
      { kind: 'reading', format: 'headed', line: 2, value: 1.5, timestamp: 1704067200000, deviceId: 'm' },
    ]);
  });

  it('reports a timestamp going backwards or repeating per device, and other bad lines', async () => {
    const text =
      'timestamp,device_id,measurement_value\n' +
      '2024-01-01T00:10:00Z,m,1\n' +
      '2024-01-01T00:00:00Z,m,2\n' +
      '2024-01-01T00:10:00Z,m,2\n' +
      '2024-01-01T00:00:00Z,other,2\n' +
      '2024-01-01T00:20:00,m,3\n' +
      '2024-01-01T00:20:00Z,,3\n' +
      '2024-01-01T00:20:00Z,m,three\n' +
      '2024-01-01T00:20:00Z,m\n' +
      ',,\n' +
      '2024-01-01T00:20:00Z,m,3\n';
    const lines = await linesOf('headed-bad.csv', text);
    expect(lines.map((l) => (l.kind === 'bad' ? `${l.line}: ${l.reason}` : `${l.line}: ok`))).toEqual([
      '2: ok',
      '3: timestamp 2024-01-01T00:00:00.000Z goes backwards from 2024-01-01T00:10:00.000Z (line 2) for m',
      '4: timestamp 2024-01-01T00:10:00.000Z repeats 2024-01-01T00:10:00.000Z (line 2) for m',
      '5: ok',
      '6: timestamp "2024-01-01T00:20:00" is not epoch ms or ISO-8601 with an offset between 2000 and 2100',
      '7: device_id is empty',
      '8: measurement_value not numeric: "three"',
      '9: expected 3 fields, got 2',
      '10: empty',
      '11: ok',
    ]);
  });

  it('refuses a header that names only some of the columns', async () => {
    await expect(linesOf('half-header.csv', 'timestamp,value\n1,2\n')).rejects.toThrow(CsvFormatError);
  });
});

describe('streaming', () => {
  it('fails with the file name when the file does not exist', async () => {
    const consume = async (): Promise<void> => {
      for await (const _ of readCsvLines(join(dir, 'missing.csv'))) break;
    };
    await expect(consume()).rejects.toThrow(/missing\.csv/);
  });
});

describe('detectCsvFormat', () => {
  it('tells the two formats apart from the first line', async () => {
    await linesOf('detect-course.csv', '0.5\n1\n');
    await linesOf('detect-headed.csv', 'timestamp,device_id,measurement_value\n1704067200000,m,1\n');
    expect(await detectCsvFormat(join(dir, 'detect-course.csv'))).toBe('course');
    expect(await detectCsvFormat(join(dir, 'detect-headed.csv'))).toBe('headed');
  });
});
