/**
 * Money is an integer number of cents held in a JavaScript number that is a safe integer.
 * Every arithmetic helper here refuses to leave the safe range instead of rounding, so a
 * float can never sneak into a balance.
 */

export const MAX_CENTS = Number.MAX_SAFE_INTEGER;

export class MoneyError extends Error {
  override readonly name = 'MoneyError';
}

export function isSafeCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertSafeCents(value: unknown, what = 'amount'): number {
  if (!isSafeCents(value)) {
    throw new MoneyError(`${what} is not a safe integer number of cents`);
  }
  return value;
}

export function addCents(...values: number[]): number {
  let total = 0;
  for (const value of values) {
    total = assertSafeCents(total + assertSafeCents(value), 'sum');
  }
  return total;
}

export function subtractCents(minuend: number, subtrahend: number): number {
  return assertSafeCents(assertSafeCents(minuend) - assertSafeCents(subtrahend), 'difference');
}

/**
 * PostgreSQL `bigint` arrives from `pg` as a decimal string (both engines are configured
 * that way). This is the one place where it becomes a number; a value outside the safe
 * range is a corrupted ledger, not something to round.
 */
export function centsFromDatabase(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return assertSafeCents(value, 'database amount');
  const text = typeof value === 'bigint' ? value.toString() : value.trim();
  if (!/^-?\d+$/.test(text)) {
    throw new MoneyError('database amount is not an integer');
  }
  const asBigInt = BigInt(text);
  if (asBigInt > BigInt(MAX_CENTS) || asBigInt < -BigInt(MAX_CENTS)) {
    throw new MoneyError('database amount is outside the safe integer range');
  }
  return Number(asBigInt);
}
