import { InvalidArgumentError } from 'commander';
import { ACCOUNT_NUMBER_PATTERN, CARD_NUMBER_PATTERN } from '@atm/contracts';

/** Commander parsers for the values the contract fixes; a bad value is a usage error (exit 2). */
export function positiveInteger(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw new InvalidArgumentError(`${name} must be a whole number`);
    }
    return Number(value);
  };
}

export function accountNumber(value: string): string {
  const digits = value.replace(/-/g, '');
  if (!ACCOUNT_NUMBER_PATTERN.test(digits))
    throw new InvalidArgumentError('must be 12 digits (dashes allowed)');
  return digits;
}

export function cardNumber(value: string): string {
  if (!CARD_NUMBER_PATTERN.test(value)) throw new InvalidArgumentError('must be 16 digits');
  return value;
}
