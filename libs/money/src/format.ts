import { assertSafeCents } from './cents';

const GROUPING = /\B(?=(\d{3})+(?!\d))/g;

/**
 * Formats cents as US dollars, `$1,234.56` or `-$1,234.56`, using integer arithmetic only
 * (no `toFixed`, which works on binary floats).
 */
export function formatCents(cents: number): string {
  assertSafeCents(cents);
  const negative = cents < 0;
  const absolute = negative ? -cents : cents;
  const dollars = Math.trunc(absolute / 100);
  const remainder = absolute % 100;
  const grouped = String(dollars).replace(GROUPING, ',');
  const centsText = remainder < 10 ? `0${remainder}` : String(remainder);
  return `${negative ? '-' : ''}$${grouped}.${centsText}`;
}

/** `+$12.00` for money in, `-$12.00` for money out: the way receipts and histories read. */
export function formatSignedCents(cents: number): string {
  return cents > 0 ? `+${formatCents(cents)}` : formatCents(cents);
}
