// The reading rules of docs/energy-rules.md: baseline, normal, reset, glitch and quarantined readings.

export const ReadingKind = {
  Baseline: 0,
  Normal: 1,
  Reset: 2,
  Glitch: 3,
  Quarantined: 4,
} as const;
export type ReadingKind = (typeof ReadingKind)[keyof typeof ReadingKind];

/** A reading that counts: later readings are compared with it. */
export interface GoodReading {
  ts: number;
  /** Cumulative register, kWh. */
  value: number;
}

export interface Classified {
  kind: ReadingKind;
  /** Energy in kWh over (fromTs, ts]; 0 when the reading carries none. */
  kwh: number;
  /** Start of the interval the energy covers, or null when it carries none. */
  fromTs: number | null;
  /** The reading the next one is compared with. */
  nextGood: GoodReading;
}

/** A drop to below this share of the previous value is a meter reset, a smaller drop a glitch. */
export const RESET_RATIO = 0.1;
const MS_PER_HOUR = 3_600_000;

export function isGood(kind: ReadingKind): boolean {
  return kind === ReadingKind.Baseline || kind === ReadingKind.Normal || kind === ReadingKind.Reset;
}

/**
 * Classifies a reading against the last good one.
 * `maxPowerKw` caps the average power, in kW, that an interval may imply before its reading is quarantined.
 */
export function classifyReading(
  previous: GoodReading | null,
  reading: GoodReading,
  maxPowerKw: number,
): Classified {
  if (previous === null) {
    return { kind: ReadingKind.Baseline, kwh: 0, fromTs: null, nextGood: reading };
  }
  const drop = reading.value < previous.value;
  if (drop && reading.value >= previous.value * RESET_RATIO) {
    return { kind: ReadingKind.Glitch, kwh: 0, fromTs: null, nextGood: previous };
  }
  const kwh = drop ? reading.value : reading.value - previous.value;
  const hours = (reading.ts - previous.ts) / MS_PER_HOUR;
  if (kwh / hours > maxPowerKw) {
    return { kind: ReadingKind.Quarantined, kwh: 0, fromTs: null, nextGood: previous };
  }
  return {
    kind: drop ? ReadingKind.Reset : ReadingKind.Normal,
    kwh,
    fromTs: previous.ts,
    nextGood: reading,
  };
}
