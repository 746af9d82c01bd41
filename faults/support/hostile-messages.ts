// Generated malformed and hostile bodies for the `consumptions` queue, each with the reason the edge must
// give when it dead-letters it: wrong types, oversized bodies, NaN and Infinity, impossible timestamps,
// non-JSON, prototype keys and unknown fields. Any valid reading would be stored; none of these may be.
import type { SeededRandom } from './seeded-random';

export interface HostileMessage {
  kind: string;
  body: Buffer;
  /** What the dead-letter reason header must say. */
  reason: RegExp;
}

/** The largest body the monitoring edge parses (src/services/bus/parse-message.ts), bytes. */
const EDGE_LIMIT = 64 * 1024;
const HUGE_BYTES = 10 * 1024 * 1024;
const T = Date.UTC(2024, 0, 1);

const TOO_LARGE = /^message too large: \d+ bytes/;
const NOT_JSON = /^not JSON: /;
const NOT_OBJECT = /expected object/;
const field = (name: string) => new RegExp(`^${name}: `);
const UNKNOWN_KEY = /Unrecognized key/;

type Make = (r: SeededRandom) => { body: string | Buffer; reason: RegExp };

/** A reading that would be valid, with `changes` applied (undefined removes the field). */
function reading(changes: Record<string, unknown>, r: SeededRandom): string {
  const base: Record<string, unknown> = {
    timestamp: T + r.int(0, 100_000) * 600_000,
    device_id: `hostile-${r.int(0, 9)}`,
    measurement_value: r.int(0, 1_000_000) / 1000,
  };
  return JSON.stringify({ ...base, ...changes });
}

/** Text spliced into a valid reading's JSON in place of its measurement value (for what JSON cannot say). */
function rawValue(text: string, r: SeededRandom): string {
  return reading({ measurement_value: '@@' }, r).replace('"@@"', text);
}

const KINDS: Record<string, Make> = {
  'value as a string': (r) => ({
    body: reading({ measurement_value: String(r.int(1, 99)) }, r),
    reason: field('measurement_value'),
  }),
  'value as an object': (r) => ({
    body: reading({ measurement_value: { kwh: 1 } }, r),
    reason: field('measurement_value'),
  }),
  'value null': (r) => ({
    body: reading({ measurement_value: null }, r),
    reason: field('measurement_value'),
  }),
  'device id as a number': (r) => ({
    body: reading({ device_id: r.int(1, 999) }, r),
    reason: field('device_id'),
  }),
  'device id empty': (r) => ({ body: reading({ device_id: '' }, r), reason: field('device_id') }),
  'device id too long': (r) => ({
    body: reading({ device_id: 'x'.repeat(129 + r.int(0, 500)) }, r),
    reason: field('device_id'),
  }),
  'timestamp as a boolean': (r) => ({ body: reading({ timestamp: true }, r), reason: field('timestamp') }),
  'timestamp as an array': (r) => ({ body: reading({ timestamp: [T] }, r), reason: field('timestamp') }),
  'timestamp not whole ms': (r) => ({ body: reading({ timestamp: T + 0.5 }, r), reason: field('timestamp') }),
  'timestamp negative': (r) => ({
    body: reading({ timestamp: -r.int(1, 1e12) }, r),
    reason: field('timestamp'),
  }),
  'timestamp far future': (r) => ({
    body: reading({ timestamp: Date.UTC(2100, 0, 1) + r.int(0, 1e15) }, r),
    reason: field('timestamp'),
  }),
  'timestamp ISO far future': (r) => ({
    body: reading({ timestamp: `${r.int(2100, 9999)}-01-01T00:00:00Z` }, r),
    reason: field('timestamp'),
  }),
  'timestamp ISO without offset': (r) => ({
    body: reading({ timestamp: '2024-01-01T00:00:00' }, r),
    reason: field('timestamp'),
  }),
  'timestamp before 2000': (r) => ({
    body: reading({ timestamp: r.int(0, Date.UTC(2000, 0, 1) - 1) }, r),
    reason: field('timestamp'),
  }),
  'value negative': (r) => ({
    body: reading({ measurement_value: -r.int(1, 1e6) }, r),
    reason: field('measurement_value'),
  }),
  'value beyond any register': (r) => ({
    body: reading({ measurement_value: 1e13 * r.int(1, 9) }, r),
    reason: field('measurement_value'),
  }),
  'value NaN': (r) => ({ body: rawValue('NaN', r), reason: NOT_JSON }),
  'value Infinity': (r) => ({ body: rawValue(r.pick(['Infinity', '-Infinity']), r), reason: NOT_JSON }),
  'value overflowing to Infinity': (r) => ({
    body: rawValue(r.pick(['1e999', '-1e999']), r),
    reason: field('measurement_value'),
  }),
  'fields missing': (r) => ({
    body: reading({ timestamp: undefined, measurement_value: undefined }, r),
    reason: field('timestamp'),
  }),
  'unknown field': (r) => ({ body: reading({ unit: 'kWh', extra: r.int(0, 9) }, r), reason: UNKNOWN_KEY }),
  '__proto__ key': (r) => ({
    body: reading({}, r).replace('{', '{"__proto__":{"polluted":true},'),
    reason: UNKNOWN_KEY,
  }),
  'constructor.prototype key': (r) => ({
    body: reading({}, r).replace('{', '{"constructor":{"prototype":{"polluted":true}},'),
    reason: UNKNOWN_KEY,
  }),
  'array body': () => ({ body: '[]', reason: NOT_OBJECT }),
  'null body': () => ({ body: 'null', reason: NOT_OBJECT }),
  'number body': (r) => ({ body: String(r.int(0, 1e9)), reason: NOT_OBJECT }),
  'deeply nested': (r) => {
    const depth = r.int(10_000, 30_000);
    return { body: '['.repeat(depth) + ']'.repeat(depth), reason: NOT_OBJECT };
  },
  'empty body': () => ({ body: '', reason: NOT_JSON }),
  'truncated JSON': (r) => ({ body: reading({}, r).slice(0, r.int(1, 40)), reason: NOT_JSON }),
  XML: () => ({ body: '<reading><kwh>1</kwh></reading>', reason: NOT_JSON }),
  // A leading NUL is never JSON, whatever follows.
  'random bytes': (r) => ({
    body: Buffer.from([0, ...Array.from({ length: r.int(0, 255) }, () => r.int(0, 255))]),
    reason: NOT_JSON,
  }),
  'invalid UTF-8': () => ({ body: Buffer.from([0x7b, 0xff, 0xfe, 0xfd, 0x7d]), reason: NOT_JSON }),
  'just over the edge limit': (r) => ({
    body: reading({ padding: 'x'.repeat(EDGE_LIMIT + r.int(0, 4096)) }, r),
    reason: TOO_LARGE,
  }),
};

/** A 10 MB body: a valid reading padded with an unknown field, refused by size before it is parsed. */
function huge(r: SeededRandom): HostileMessage {
  return {
    kind: '10 MB body',
    body: Buffer.from(reading({ padding: 'x'.repeat(HUGE_BYTES) }, r)),
    reason: TOO_LARGE,
  };
}

/** `count` hostile messages, `hugeCount` of them 10 MB, the rest drawn evenly from every other kind. */
export function hostileMessages(count: number, hugeCount: number, r: SeededRandom): HostileMessage[] {
  const kinds = Object.entries(KINDS);
  const out: HostileMessage[] = Array.from({ length: hugeCount }, () => huge(r));
  for (let i = 0; out.length < count; i++) {
    const [kind, make] = kinds[i % kinds.length]!;
    const { body, reason } = make(r);
    out.push({ kind, body: Buffer.isBuffer(body) ? body : Buffer.from(body), reason });
  }
  return out;
}

export const HOSTILE_KINDS = Object.keys(KINDS).length + 1;
