import { describe, expect, it } from 'vitest';
import { DeliveryLedger } from './delivery-ledger';

describe('DeliveryLedger', () => {
  it('resumes from the oldest line with an unconfirmed message, even when later lines are confirmed first', () => {
    const ledger = new DeliveryLedger(10);
    const line1 = ledger.add({ pass: 1, line: 1 }, 100, 2);
    const line2 = ledger.add({ pass: 1, line: 2 }, 200, 2);
    ledger.confirm(line2);
    ledger.confirm(line2);
    ledger.confirm(line1);
    expect(ledger.firstUnconfirmed()).toEqual({ pass: 1, line: 1 });
    expect(ledger.confirmedUntil).toBeNull();
    expect(ledger.confirmedLines).toBe(1);

    ledger.confirm(line1);
    expect(ledger.firstUnconfirmed()).toBeNull();
    expect(ledger.confirmedUntil).toBe(200);
    expect({ inFlight: ledger.inFlight, confirmed: ledger.confirmed, lines: ledger.confirmedLines }).toEqual({
      inFlight: 0,
      confirmed: 4,
      lines: 2,
    });
  });

  it('holds a sender back while the window is full, and lets it go on the next confirmation', async () => {
    const ledger = new DeliveryLedger(2);
    const first = ledger.add({ pass: 1, line: 1 }, 100, 2);
    let roomMade = false;
    const waiting = ledger.room(1, new AbortController().signal).then(() => (roomMade = true));
    await Promise.resolve();
    expect(roomMade).toBe(false);
    ledger.confirm(first);
    await waiting;
    expect(roomMade).toBe(true);
  });

  it('stops waiting when the replay halts', async () => {
    const ledger = new DeliveryLedger(1);
    ledger.add({ pass: 1, line: 1 }, 100, 1);
    const halt = new AbortController();
    const drained = ledger.drained(halt.signal);
    halt.abort();
    await drained;
    expect(ledger.inFlight).toBe(1);
  });
});
