import { MAX_CENTS, MoneyError } from './cents';

const DOLLAR_TEXT = /^\$?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses what a person types (`12`, `12.5`, `$1,234.56`) into cents, digit by digit, so
 * `0.1 + 0.2` style float errors cannot happen. Anything else, including negative
 * amounts, more than two decimals, or amounts past the safe range, is refused.
 */
export function parseDollarsToCents(text: string): number {
  const trimmed = text.trim();
  const match = DOLLAR_TEXT.exec(trimmed);
  if (!match) {
    throw new MoneyError(`"${text}" is not an amount of dollars`);
  }
  const wholeDigits = (match[1] ?? '').replace(/,/g, '');
  const fractionDigits = (match[2] ?? '').padEnd(2, '0');
  const cents = BigInt(wholeDigits) * 100n + BigInt(fractionDigits);
  if (cents > BigInt(MAX_CENTS)) {
    throw new MoneyError('amount is too large');
  }
  return Number(cents);
}

/** Like {@link parseDollarsToCents} but answers `null` instead of throwing. */
export function tryParseDollarsToCents(text: string): number | null {
  try {
    return parseDollarsToCents(text);
  } catch {
    return null;
  }
}
