import { type DepositKind } from '@atm/contracts';
import { type BusinessCalendar } from '../common';

/** The first $200 of a deposit is treated specially (available at once for cash). */
export const FIRST_TRANCHE_CENTS = 20_000;

export interface PlannedHold {
  amountCents: number;
  releaseAt: Date;
}

/**
 * The bank's funds-availability rules:
 * - cash: the first $200 is available at once, the rest is held until the next business day;
 * - check: the first $200 is held until the next business day, the rest until the second.
 * A hold releases at 00:00 of its business day in ATM_TIMEZONE.
 */
export function planDepositHolds(
  kind: DepositKind,
  amountCents: number,
  depositedAt: Date,
  calendar: BusinessCalendar,
): PlannedHold[] {
  const first = Math.min(amountCents, FIRST_TRANCHE_CENTS);
  const rest = amountCents - first;
  const nextBusinessDay = calendar.startOfBusinessDayAfter(depositedAt, 1);
  const holds: PlannedHold[] =
    kind === 'CASH'
      ? [{ amountCents: rest, releaseAt: nextBusinessDay }]
      : [
          { amountCents: first, releaseAt: nextBusinessDay },
          { amountCents: rest, releaseAt: calendar.startOfBusinessDayAfter(depositedAt, 2) },
        ];
  return holds.filter((hold) => hold.amountCents > 0);
}
