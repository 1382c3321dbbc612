import { planDepositHolds } from './deposit-holds';
import { BusinessCalendar } from '../common';

const utc = new BusinessCalendar('UTC');
const tuesday = new Date('2026-11-24T14:00:00Z');
const friday = new Date('2026-11-27T14:00:00Z');

describe('planDepositHolds', () => {
  it('holds nothing for cash up to $200', () => {
    expect(planDepositHolds('CASH', 20000, tuesday, utc)).toEqual([]);
    expect(planDepositHolds('CASH', 500, tuesday, utc)).toEqual([]);
  });

  it('holds cash above $200 until the next business day', () => {
    expect(planDepositHolds('CASH', 50000, tuesday, utc)).toEqual([
      { amountCents: 30000, releaseAt: new Date('2026-11-25T00:00:00Z') },
    ]);
    expect(planDepositHolds('CASH', 50000, friday, utc)).toEqual([
      { amountCents: 30000, releaseAt: new Date('2026-11-30T00:00:00Z') },
    ]);
  });

  it('holds a check: the first $200 one business day, the rest two', () => {
    expect(planDepositHolds('CHECK', 50000, friday, utc)).toEqual([
      { amountCents: 20000, releaseAt: new Date('2026-11-30T00:00:00Z') },
      { amountCents: 30000, releaseAt: new Date('2026-12-01T00:00:00Z') },
    ]);
    expect(planDepositHolds('CHECK', 15000, tuesday, utc)).toEqual([
      { amountCents: 15000, releaseAt: new Date('2026-11-25T00:00:00Z') },
    ]);
  });

  it('never holds more than the deposit', () => {
    for (const amount of [1, 19999, 20000, 20001, 1000000]) {
      for (const kind of ['CASH', 'CHECK'] as const) {
        const held = planDepositHolds(kind, amount, tuesday, utc).reduce(
          (s, h) => s + h.amountCents,
          0,
        );
        expect(held).toBeLessThanOrEqual(amount);
      }
    }
  });
});
