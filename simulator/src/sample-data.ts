// Realistic household meter data for demos and tests: 10-minute cumulative kWh readings in the course format.
import { mulberry32 } from './prng';

export const SLOTS_PER_DAY = 144;
/** Hours per 10-minute slot: kW × this = kWh. */
const SLOT_HOURS = 1 / 6;

export interface SampleDataOptions {
  days: number;
  seed: number;
}

/**
 * The cumulative register, kWh, after each 10-minute slot. Day 0 is taken to be Monday 1 January, so the
 * weekly and seasonal patterns line up when line 1 is replayed at a Monday midnight in early January.
 *
 * Power, kW, is the sum of:
 * - a base load (fridge, standby) of about 0.24 kW;
 * - activity: a morning peak (7:30 on weekdays, 9:00 at weekends), daytime use (higher at weekends), an evening
 *   peak around 19:00 and a late-evening tail, all larger in winter (lighting, heating) than in summer;
 * - occasional appliance spikes (oven, kettle, washing machine) of 1–2.2 kW for 10–30 minutes.
 * Each day gets its own level (±15%) and each slot its own noise, from the seed.
 */
export function* sampleRegister({ days, seed }: SampleDataOptions): Generator<number> {
  const random = mulberry32(seed);
  let register = 0;
  let spikeSlotsLeft = 0;
  let spikeKw = 0;
  for (let day = 0; day < days; day++) {
    const weekend = day % 7 >= 5;
    const dayLevel = 0.85 + 0.3 * random();
    // 1 in mid-January, falling to 0 in mid-July.
    const winter = (1 + Math.cos((2 * Math.PI * (day - 15)) / 365)) / 2;
    const season = 0.65 + 0.6 * winter;
    for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
      const hour = (slot + 0.5) / 6;
      const activity =
        bump(hour, weekend ? 9 : 7.5, 1, 0.45) +
        (hour >= 8 && hour < 17 ? (weekend ? 0.3 : 0.05) : 0) +
        bump(hour, 19, 1.6, 0.65) +
        (hour >= 21 && hour < 23.5 ? 0.2 : 0);
      if (spikeSlotsLeft === 0 && hour >= 6 && hour < 23 && random() < 0.004) {
        spikeSlotsLeft = 1 + Math.floor(random() * 3);
        spikeKw = 1 + 1.2 * random();
      }
      const spike = spikeSlotsLeft > 0 ? spikeKw : 0;
      if (spikeSlotsLeft > 0) spikeSlotsLeft -= 1;
      const noise = 0.85 + 0.3 * random();
      const baseKw = 0.24 * (0.92 + 0.16 * random());
      const kw = baseKw + activity * season * dayLevel * noise + spike;
      register += kw * SLOT_HOURS;
      yield register;
    }
  }
}

/** The file's lines: one cumulative value per line, 4 decimals, no header. */
export function* sampleDataLines(options: SampleDataOptions): Generator<string> {
  for (const value of sampleRegister(options)) yield value.toFixed(4);
}

/** A bell-shaped peak of `heightKw` at `centreHour`, `widthHours` wide (standard deviation). */
function bump(hour: number, centreHour: number, widthHours: number, heightKw: number): number {
  const z = (hour - centreHour) / widthHours;
  return heightKw * Math.exp(-0.5 * z * z);
}
