// Streams a meter CSV file into readings and bad lines, one line at a time, so memory stays constant.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { parse, type Info } from 'csv-parse';
import { timestampSchema } from '../../src/shared/contracts/timestamp';

/**
 * `course`: one cumulative kWh value per line, no header, no timestamps.
 * `headed`: a `timestamp,device_id,measurement_value` header, then one reading per line.
 */
export type CsvFormat = 'course' | 'headed';

export const HEADER_COLUMNS = ['timestamp', 'device_id', 'measurement_value'] as const;

/** A line of the course format: the register value, kWh. */
export interface CourseReading {
  kind: 'reading';
  format: 'course';
  /** 1-based line in the file. */
  line: number;
  value: number;
}

/** A line of the headed format, with its own time (epoch ms) and device. */
export interface HeadedReading {
  kind: 'reading';
  format: 'headed';
  line: number;
  value: number;
  timestamp: number;
  deviceId: string;
}

export interface BadLine {
  kind: 'bad';
  line: number;
  reason: string;
}

export type CsvReading = CourseReading | HeadedReading;
export type CsvLine = CsvReading | BadLine;

/** The file cannot be read as either format at all (as opposed to one bad line). */
export class CsvFormatError extends Error {}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const EPOCH_MS = /^\d+$/;

/** The lines of `file`, in order. Bad lines come out as such, never thrown; only I/O and format errors throw. */
export async function* readCsvLines(file: string): AsyncGenerator<CsvLine> {
  // Quotes are not special: one physical line is always one record, so a stray quote cannot swallow
  // the lines after it and line numbers stay exact. A field's surrounding quotes are removed below.
  const parser = pipeline(
    createReadStream(file),
    parse({
      info: true,
      quote: false,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      trim: true,
    }),
    () => undefined, // errors reach the loop below through the parser
  );
  let columns: ColumnIndex | null = null;
  const lastByDevice = new Map<string, { timestamp: number; line: number }>();
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
    const line = info.lines;
    const fields = record.map(unquote);
    if (line === 1 && columns === null) {
      columns = headerColumns(fields);
      if (columns) continue;
    }
    yield columns ? headedLine(fields, line, columns, lastByDevice) : courseLine(fields, line);
  }
}

/** The format of `file`, from its first line alone. */
export async function detectCsvFormat(file: string): Promise<CsvFormat> {
  const parser = pipeline(
    createReadStream(file),
    parse({ to_line: 1, quote: false, relax_column_count: true, bom: true, trim: true }),
    () => undefined,
  );
  for await (const record of parser as AsyncIterable<string[]>)
    return headerColumns(record.map(unquote)) ? 'headed' : 'course';
  return 'course';
}

interface ColumnIndex {
  timestamp: number;
  deviceId: number;
  value: number;
  width: number;
}

/** The column positions when `fields` is the headed format's header; null when it is a course-format value. */
function headerColumns(fields: string[]): ColumnIndex | null {
  const names = fields.map((f) => f.toLowerCase());
  if (!names.some((n) => (HEADER_COLUMNS as readonly string[]).includes(n))) return null;
  const missing = HEADER_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0)
    throw new CsvFormatError(
      `line 1: the header lacks ${missing.join(', ')} (expected ${HEADER_COLUMNS.join(',')})`,
    );
  return {
    timestamp: names.indexOf('timestamp'),
    deviceId: names.indexOf('device_id'),
    value: names.indexOf('measurement_value'),
    width: names.length,
  };
}

function courseLine(fields: string[], line: number): CourseReading | BadLine {
  if (fields.length > 1) return bad(line, `expected one value, got ${fields.length} fields`);
  const value = registerValue(fields[0] ?? '');
  return typeof value === 'string' ? bad(line, value) : { kind: 'reading', format: 'course', line, value };
}

function headedLine(
  fields: string[],
  line: number,
  columns: ColumnIndex,
  lastByDevice: Map<string, { timestamp: number; line: number }>,
): HeadedReading | BadLine {
  if (fields.every((f) => f === '')) return bad(line, 'empty');
  if (fields.length < columns.width)
    return bad(line, `expected ${columns.width} fields, got ${fields.length}`);
  const deviceId = fields[columns.deviceId] ?? '';
  if (deviceId === '') return bad(line, 'device_id is empty');
  const timestamp = timestampOf(fields[columns.timestamp] ?? '');
  if (typeof timestamp === 'string') return bad(line, timestamp);
  const value = registerValue(fields[columns.value] ?? '');
  if (typeof value === 'string') return bad(line, `measurement_value ${value}`);
  const previous = lastByDevice.get(deviceId);
  if (previous && timestamp <= previous.timestamp) {
    const how = timestamp === previous.timestamp ? 'repeats' : 'goes backwards from';
    return bad(
      line,
      `timestamp ${iso(timestamp)} ${how} ${iso(previous.timestamp)} (line ${previous.line}) for ${deviceId}`,
    );
  }
  lastByDevice.set(deviceId, { timestamp, line });
  return { kind: 'reading', format: 'headed', line, value, timestamp, deviceId };
}

/** kWh, or the reason the text is not a register value. */
function registerValue(text: string): number | string {
  if (text === '') return 'empty';
  if (!DECIMAL.test(text)) return `not numeric: ${JSON.stringify(text)}`;
  const value = Number(text);
  if (!Number.isFinite(value)) return `not numeric: ${JSON.stringify(text)}`;
  if (value < 0) return `negative: ${text} (a register counts up from zero)`;
  return value;
}

/** Epoch ms, or the reason the text is not a timestamp of the `consumptions` contract. */
function timestampOf(text: string): number | string {
  if (text === '') return 'timestamp is empty';
  const parsed = timestampSchema.safeParse(EPOCH_MS.test(text) ? Number(text) : text);
  if (parsed.success) return parsed.data;
  return `timestamp ${JSON.stringify(text)} is not epoch ms or ISO-8601 with an offset between 2000 and 2100`;
}

function unquote(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"')
    ? field.slice(1, -1).trim()
    : field;
}

function bad(line: number, reason: string): BadLine {
  return { kind: 'bad', line, reason };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
