import { describe, expect, it } from 'vitest';
import { Pacer } from './pacing';

const TEN_MINUTES = 600_000;
const T0 = Date.UTC(2024, 0, 1);

/** The wall ms at which each simulated time is sent, waiting exactly as told from wall time `wall0`. */
function sendTimes(pacer: Pacer, simulated: number[], wall0 = 1_000_000): number[] {
  let wall = wall0;
  return simulated.map((s) => {
    wall += pacer.delayUntil(s, wall);
    return wall - wall0;
  });
}

describe('Pacer', () => {
  const readings = [T0, T0 + TEN_MINUTES, T0 + 2 * TEN_MINUTES, T0 + 3 * TEN_MINUTES];

  it('by default sends one reading per interval of wall time, the first at once', () => {
    expect(sendTimes(new Pacer(1), readings)).toEqual([0, TEN_MINUTES, 2 * TEN_MINUTES, 3 * TEN_MINUTES]);
  });

  it('at speed 60 replays one hour per minute: 10 minutes of readings every 10 seconds', () => {
    expect(sendTimes(new Pacer(60), readings)).toEqual([0, 10_000, 20_000, 30_000]);
  });

  it('at max speed never waits', () => {
    expect(sendTimes(new Pacer('max'), readings)).toEqual([0, 0, 0, 0]);
  });

  it('follows irregular gaps between timestamps', () => {
    expect(sendTimes(new Pacer(2), [T0, T0 + 60_000, T0 + 3_600_000])).toEqual([0, 30_000, 1_800_000]);
  });

  it('does not drift when a send runs late: the next one is due on the original schedule', () => {
    const pacer = new Pacer(1);
    pacer.delayUntil(T0, 0);
    // The second reading went out 4 minutes late; the third is still due at 20 minutes.
    expect(pacer.delayUntil(T0 + TEN_MINUTES, 14 * 60_000)).toBe(0);
    expect(pacer.delayUntil(T0 + 2 * TEN_MINUTES, 14 * 60_000)).toBe(6 * 60_000);
  });

  it('moves the schedule by the time spent paused', () => {
    const pacer = new Pacer(1);
    pacer.delayUntil(T0, 0);
    pacer.pause(60_000);
    pacer.resume(60_000 + 3_600_000);
    expect(pacer.delayUntil(T0 + TEN_MINUTES, 3_660_000)).toBe(TEN_MINUTES - 60_000);
    expect(pacer.dueAt(T0 + TEN_MINUTES)).toBe(3_600_000 + TEN_MINUTES);
  });
});
