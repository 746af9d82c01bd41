// How far each replayed device's register starts from the file's values, so devices need not look identical.
import { mulberry32, seedOf } from './prng';

/**
 * `step`: device number k (from 0, in --device order) starts k × kwh higher; 0 keeps every device on the file's values.
 * `random`: each device gets its own offset in [0, RANDOM_OFFSET_MAX_KWH), drawn from its id, so a resumed
 * replay gives the same device the same offset again and its register never jumps.
 */
export type DeviceOffset = { kind: 'step'; kwh: number } | { kind: 'random' };

export const RANDOM_OFFSET_MAX_KWH = 10_000;

/** kWh added to the register of the device `deviceId`, the `index`-th device of the replay. */
export function registerOffset(offset: DeviceOffset, deviceId: string, index: number): number {
  if (offset.kind === 'step') return index * offset.kwh;
  // Whole Wh, so the offset adds no long tail of decimals to the file's values.
  return Math.floor(mulberry32(seedOf(deviceId))() * RANDOM_OFFSET_MAX_KWH * 1000) / 1000;
}
