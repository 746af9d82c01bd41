import { describe, expect, it } from 'vitest';
import { estimateRemaining, type RemainingInput } from './remaining-estimate';

const base: RemainingInput = {
  totalLines: 100,
  line: 41,
  loop: false,
  devices: 2,
  inFlight: 4,
  rate: 0,
  speed: 60,
  intervalMs: 600_000,
  format: 'course',
};

describe('estimateRemaining', () => {
  it('counts the messages of the lines not yet read, plus those awaiting confirmation', () => {
    expect(estimateRemaining(base).remaining).toBe(60 * 2 + 4);
  });

  it('a paced course-format replay ends on schedule: lines left × interval ÷ speed', () => {
    expect(estimateRemaining(base).etaMs).toBe((60 * 600_000) / 60);
  });

  it('at max speed, or for a headed file, divides by the recent rate', () => {
    expect(estimateRemaining({ ...base, speed: 'max', rate: 62 }).etaMs).toBe(2_000);
    expect(estimateRemaining({ ...base, format: 'headed', rate: 124 }).etaMs).toBe(1_000);
    expect(estimateRemaining({ ...base, speed: 'max', rate: 0 }).etaMs).toBeNull();
  });

  it('has no end when looping', () => {
    expect(estimateRemaining({ ...base, loop: true })).toEqual({ remaining: null, etaMs: null });
  });
});
