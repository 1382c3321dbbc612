import { type FieldError, STATEMENT_MAX_DAYS } from '@atm/contracts';
import { DateTime } from 'luxon';

/** Exactly YYYY-MM-DD; whether the day exists is checked separately (2026-02-30 does not). */
export const ISO_DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isRealCalendarDay(value: string): boolean {
  if (!ISO_DAY_PATTERN.test(value)) return false;
  const day = DateTime.fromISO(value, { zone: 'UTC' });
  return day.isValid && day.toISODate() === value;
}

/** Days from `from` to `to`, both included. */
export function daysIncluded(from: string, to: string): number {
  const start = DateTime.fromISO(from, { zone: 'UTC' });
  const end = DateTime.fromISO(to, { zone: 'UTC' });
  return Math.round(end.diff(start, 'days').days) + 1;
}

/**
 * The contract's rules for a statement period, on days that are already well-formed: not
 * reversed, at most STATEMENT_MAX_DAYS days with both ends included, and not ending after
 * `today` (the calendar day in ATM_TIMEZONE). Answers the broken rules, empty when none.
 */
export function statementRangeErrors(from: string, to: string, today: string): FieldError[] {
  if (from > to) return [{ field: 'to', message: 'must not be before from' }];
  const errors: FieldError[] = [];
  if (daysIncluded(from, to) > STATEMENT_MAX_DAYS) {
    errors.push({
      field: 'to',
      message: `the period must be at most ${STATEMENT_MAX_DAYS} days, both ends included`,
    });
  }
  if (to > today) errors.push({ field: 'to', message: `must not be after today (${today})` });
  return errors;
}
