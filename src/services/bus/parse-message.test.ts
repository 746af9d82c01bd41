import { describe, expect, it } from 'vitest';
import { consumptionMessageSchema } from '../../shared/contracts/consumption';
import { MAX_MESSAGE_BYTES, parseJsonMessage } from './parse-message';

const parse = (body: string | Buffer) =>
  parseJsonMessage(consumptionMessageSchema, Buffer.isBuffer(body) ? body : Buffer.from(body));

describe('parseJsonMessage with the consumptions contract', () => {
  it('accepts epoch ms and ISO-8601 with an offset, normalised to epoch ms', () => {
    const a = parse('{"timestamp": 1767225600000, "device_id": "m1", "measurement_value": 12.5}');
    const b = parse(
      '{"timestamp": "2026-01-01T02:00:00+02:00", "device_id": "m1", "measurement_value": 12.5}',
    );
    expect(a).toEqual({
      ok: true,
      value: { timestamp: 1767225600000, device_id: 'm1', measurement_value: 12.5 },
    });
    expect(b).toEqual(a);
  });

  it.each([
    ['not JSON', '{"timestamp":', /^not JSON/],
    ['a wrong type', '{"timestamp": 1767225600000, "device_id": 7, "measurement_value": 1}', /^device_id:/],
    ['a missing field', '{"timestamp": 1767225600000, "device_id": "m1"}', /^measurement_value:/],
    ['a negative timestamp', '{"timestamp": -5, "device_id": "m1", "measurement_value": 1}', /^timestamp:/],
    [
      'a far-future timestamp',
      '{"timestamp": 8.64e15, "device_id": "m1", "measurement_value": 1}',
      /^timestamp:/,
    ],
    [
      'an ISO time without offset',
      '{"timestamp": "2026-01-01T00:00:00", "device_id": "m1", "measurement_value": 1}',
      /^timestamp:/,
    ],
    [
      'a negative register',
      '{"timestamp": 1767225600000, "device_id": "m1", "measurement_value": -1}',
      /^measurement_value:/,
    ],
    [
      'NaN spelled out',
      '{"timestamp": 1767225600000, "device_id": "m1", "measurement_value": NaN}',
      /^not JSON/,
    ],
    [
      'an overflowing number',
      '{"timestamp": 1767225600000, "device_id": "m1", "measurement_value": 1e999}',
      /^measurement_value:/,
    ],
    [
      'an unknown field',
      '{"timestamp": 1767225600000, "device_id": "m1", "measurement_value": 1, "x": 1}',
      /x/,
    ],
    [
      'a __proto__ key',
      '{"timestamp": 1767225600000, "device_id": "m1", "measurement_value": 1, "__proto__": {"a": 1}}',
      /__proto__/,
    ],
    ['an array', '[1, 2]', /expected object/],
  ])('refuses %s and says why', (_what, body, reason) => {
    const result = parse(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  it('refuses a huge body before parsing it', () => {
    const result = parse(Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x20));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/too large/) });
  });
});
