import { type ErrorCode, type ProblemDetails } from '@atm/contracts';
import { formatCents } from '@atm/money';
import { formatDateTime, formatTime } from '../format/dates';
import { ApiError } from './http';

/** What the customer was doing, so a refusal can be told in their terms. */
export type Operation =
  'sign-in' | 'withdraw' | 'deposit' | 'transfer' | 'statement' | 'change-pin' | 'view';

function lockedUntilText(lockedUntil: string | undefined, now: Date): string {
  if (!lockedUntil) return 'for a while';
  const until = new Date(lockedUntil);
  if (Number.isNaN(until.getTime())) return 'for a while';
  const sameDay = until.toDateString() === now.toDateString();
  return `until ${sameDay ? formatTime(lockedUntil) : formatDateTime(lockedUntil)}`;
}

type Sentence = (problem: ProblemDetails, operation: Operation, now: Date) => string;

/** One human sentence for every error code of the contract. */
const SENTENCES: Record<ErrorCode, Sentence> = {
  VALIDATION_FAILED: (_p, op) =>
    op === 'statement'
      ? 'That date range cannot be used. Choose up to 366 days, ending today at the latest.'
      : 'Something you entered is not valid. Please check it and try again.',
  IDEMPOTENCY_KEY_REQUIRED: () => 'The ATM could not send this safely. Please try again.',
  UNAUTHENTICATED: () => 'Your session has ended. Please insert your card again.',
  SESSION_EXPIRED: () => 'Your session timed out. Please insert your card again.',
  INVALID_CREDENTIALS: (p) => {
    const left = p.attemptsRemaining;
    if (left === undefined) return 'The PIN is not correct.';
    return `The PIN is not correct. You have ${left} ${left === 1 ? 'try' : 'tries'} left.`;
  },
  CARD_BLOCKED: () => 'This card is blocked. Please contact the bank.',
  FORBIDDEN: () => 'This action is not allowed.',
  NOT_FOUND: () => 'That account could not be found.',
  IDEMPOTENCY_IN_PROGRESS: () =>
    'Your request is still being processed. Please wait a moment and try again.',
  STATEMENT_NOT_READY: () => 'The statement is not ready yet. Please wait a moment.',
  STATEMENT_GONE: () => 'This statement is no longer available. Please request a new one.',
  IDEMPOTENCY_KEY_REUSED: () =>
    'This request clashes with an earlier one. Please start the transaction again.',
  INVALID_AMOUNT: (_p, op) =>
    op === 'withdraw'
      ? 'That amount cannot be paid out. Choose an amount in multiples of $20.00.'
      : op === 'deposit'
        ? 'That amount is over the largest deposit this ATM takes.'
        : 'That amount is not allowed.',
  INSUFFICIENT_FUNDS: () => 'The available balance of this account does not cover that amount.',
  DAILY_LIMIT_EXCEEDED: (p, op) => {
    const verb = op === 'transfer' ? 'transfer' : 'withdraw';
    const remaining = p.remainingCents ?? 0;
    return remaining > 0
      ? `You can ${verb} ${formatCents(remaining)} more today.`
      : `You have reached today's ${verb === 'transfer' ? 'transfer' : 'withdrawal'} limit for this account.`;
  },
  SAME_ACCOUNT: () => 'The money cannot go to the account it comes from. Choose another account.',
  RECIPIENT_NOT_FOUND: () => 'There is no account with that number at this bank. Please check it.',
  ACCOUNT_NOT_ACTIVE: (_p, op) =>
    op === 'transfer'
      ? 'One of the accounts is frozen or closed, so the transfer cannot be made.'
      : 'This account is frozen or closed, so it cannot be used.',
  WEAK_PIN: () =>
    'That PIN is too easy to guess. Avoid repeated digits, runs like 1234, and your current PIN.',
  CANNOT_DISPENSE: () =>
    'The ATM cannot make that amount from the notes it holds. Please choose another amount.',
  ACCOUNT_NOT_EMPTY: () => 'The account still holds money, so it cannot be closed.',
  INVALID_OVERDRAFT_LINK: () => 'Only a savings account of the same customer can be linked.',
  ADMIN_LOCKED: () => 'Too many failed sign-ins. Please try again later.',
  CARD_LOCKED: (p, _op, now) =>
    `Your card is locked after too many wrong PINs. It stays locked ${lockedUntilText(p.lockedUntil, now)}.`,
  RATE_LIMITED: (_p, op) =>
    op === 'statement'
      ? 'Statements for this account are still being made. Please wait for them to finish.'
      : 'Too many attempts. Please wait a minute and try again.',
  SERVICE_UNAVAILABLE: () =>
    'The ATM cannot reach the bank right now. Please try again in a moment.',
  MAINTENANCE: () => 'This ATM is out of service right now. Please try again later.',
  INTERNAL_ERROR: () => 'Something went wrong on our side. No money was moved. Please try again.',
};

const NETWORK_SENTENCE = 'The ATM could not reach the bank. Please try again.';

export function errorMessage(error: unknown, operation: Operation, now: Date = new Date()): string {
  if (error instanceof ApiError) {
    if (!error.problem) return NETWORK_SENTENCE;
    return SENTENCES[error.problem.code](error.problem, operation, now);
  }
  return NETWORK_SENTENCE;
}
