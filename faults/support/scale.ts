// How big the fault suite runs: `bounded` (inside `npm test`, well under 5 minutes on 2 cores) or `full`
// (`npm run test:faults`). The one place that reads the suite's environment: WATTDESK_FAULTS, and
// WATTDESK_FAULTS_SEED to repeat a run's random choices.
export type FaultScale = 'bounded' | 'full';

function readScale(): FaultScale {
  const value = process.env.WATTDESK_FAULTS ?? 'bounded';
  if (value !== 'bounded' && value !== 'full')
    throw new Error(`WATTDESK_FAULTS must be "bounded" or "full", not "${value}"`);
  return value;
}

export const FAULT_SCALE: FaultScale = readScale();

/** The bounded or the full value, by the scale of this run. */
export function scaled<T>(bounded: T, full: T): T {
  return FAULT_SCALE === 'full' ? full : bounded;
}

/** The seed of this run's random choices: WATTDESK_FAULTS_SEED, or a fresh one (tests print it). */
export function faultSeed(): number {
  const fixed = process.env.WATTDESK_FAULTS_SEED;
  if (fixed === undefined) return Math.floor(Math.random() * 2 ** 31);
  if (!/^\d+$/.test(fixed)) throw new Error(`WATTDESK_FAULTS_SEED must be a whole number, not "${fixed}"`);
  return Number(fixed);
}
