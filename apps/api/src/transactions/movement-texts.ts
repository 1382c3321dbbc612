import { ERROR_TITLES, type ErrorCode, problemTypeFor } from '@atm/contracts';
import { formatCents } from '@atm/money';
import { type AppConfig } from '../config';

export type MovementType = 'WITHDRAWAL' | 'DEPOSIT' | 'TRANSFER';

/**
 * The words of the refusals a movement call can record. The database function decides
 * which rule refuses and records the answer with the key (so a replay is the same body);
 * the API keeps the words: problem types and titles from the contract, and detail
 * templates where `%s` is the one value only the database knows (an amount formatted as
 * `$1,234.56`, or an account's status).
 */
interface MovementTexts {
  problems: Partial<Record<ErrorCode, { type: string; title: string }>>;
  details: Record<string, string>;
}

const REFUSAL_CODES: Record<MovementType, ErrorCode[]> = {
  WITHDRAWAL: [
    'ACCOUNT_NOT_ACTIVE',
    'INVALID_AMOUNT',
    'INSUFFICIENT_FUNDS',
    'DAILY_LIMIT_EXCEEDED',
    'CANNOT_DISPENSE',
  ],
  DEPOSIT: ['ACCOUNT_NOT_ACTIVE', 'INVALID_AMOUNT'],
  TRANSFER: [
    'SAME_ACCOUNT',
    'RECIPIENT_NOT_FOUND',
    'ACCOUNT_NOT_ACTIVE',
    'INSUFFICIENT_FUNDS',
    'DAILY_LIMIT_EXCEEDED',
  ],
};

/** A fixed text goes through SQL format() too: a literal % must be doubled. */
const literal = (text: string): string => text.replace(/%/g, '%%');

function detailsFor(type: MovementType, config: AppConfig): Record<string, string> {
  const common = {
    ACCOUNT_NOT_ACTIVE: 'The account is %s.',
    INSUFFICIENT_FUNDS: 'The available balance is %s.',
  };
  switch (type) {
    case 'WITHDRAWAL':
      return {
        ...common,
        INVALID_AMOUNT: literal(
          `Withdrawals must be a multiple of ${formatCents(config.withdrawalMultipleCents)}.`,
        ),
        DAILY_LIMIT_EXCEEDED: 'You can withdraw %s more today.',
        CANNOT_DISPENSE:
          'This ATM cannot make %s from the notes it holds. Please choose another amount.',
      };
    case 'DEPOSIT':
      return {
        ...common,
        INVALID_AMOUNT: literal(
          `A single deposit can be at most ${formatCents(config.maxDepositCents)}.`,
        ),
      };
    case 'TRANSFER':
      return {
        ...common,
        RECIPIENT_NOT_ACTIVE: 'The recipient account is %s.',
        SAME_ACCOUNT: 'Choose a different account to transfer to.',
        RECIPIENT_NOT_FOUND: 'No customer account of this bank has that number.',
        DAILY_LIMIT_EXCEEDED: 'You can transfer %s more today.',
      };
  }
}

/** The texts argument of each movement function, as JSON, made once per process. */
export function movementTexts(config: AppConfig): Record<MovementType, string> {
  const build = (type: MovementType): string => {
    const texts: MovementTexts = {
      problems: Object.fromEntries(
        REFUSAL_CODES[type].map((code) => [
          code,
          { type: problemTypeFor(code), title: ERROR_TITLES[code] },
        ]),
      ),
      details: detailsFor(type, config),
    };
    return JSON.stringify(texts);
  };
  return {
    WITHDRAWAL: build('WITHDRAWAL'),
    DEPOSIT: build('DEPOSIT'),
    TRANSFER: build('TRANSFER'),
  };
}
