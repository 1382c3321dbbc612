import { type ErrorCode, type ProblemDetails } from '@atm/contracts';
import { formatDateTime, formatMoney, formatTime } from '../format/format';
import { i18n } from '../i18n/i18n';
import { ApiError } from './http';

/** What the customer was doing, so a refusal can be told in their terms. */
export type Operation =
  'sign-in' | 'withdraw' | 'deposit' | 'transfer' | 'statement' | 'change-pin' | 'view';

/** The note every withdrawal is a multiple of, for the sentence that says so. */
const WITHDRAWAL_MULTIPLE_CENTS = 2000;

function lockedUntilText(lockedUntil: string | undefined, now: Date): string {
  const until = lockedUntil ? new Date(lockedUntil) : null;
  if (!until || Number.isNaN(until.getTime()) || !lockedUntil) {
    return i18n.t('errors.lockedForAWhile');
  }
  const sameDay = until.toDateString() === now.toDateString();
  const time = sameDay ? formatTime(lockedUntil) : formatDateTime(lockedUntil);
  return i18n.t('errors.lockedUntilTime', { time });
}

/**
 * One sentence, in the session's language, for a refusal. The catalogs hold one entry per
 * error code (`errors.<CODE>`); some operations have a variant (`errors.<CODE>_<operation>`)
 * picked through i18next's context.
 */
function sentence(problem: ProblemDetails, operation: Operation, now: Date): string {
  const code: ErrorCode = problem.code;
  switch (code) {
    case 'INVALID_CREDENTIALS':
      return problem.attemptsRemaining === undefined
        ? i18n.t('errors.INVALID_CREDENTIALS')
        : i18n.t('errors.INVALID_CREDENTIALS', {
            context: 'left',
            count: problem.attemptsRemaining,
          });
    case 'DAILY_LIMIT_EXCEEDED': {
      const remaining = problem.remainingCents ?? 0;
      const transfer = operation === 'transfer';
      const context =
        remaining > 0
          ? transfer
            ? 'transfer'
            : undefined
          : transfer
            ? 'transferReached'
            : 'reached';
      return i18n.t('errors.DAILY_LIMIT_EXCEEDED', { context, amount: formatMoney(remaining) });
    }
    case 'CARD_LOCKED':
      return i18n.t('errors.CARD_LOCKED', { until: lockedUntilText(problem.lockedUntil, now) });
    case 'INVALID_AMOUNT':
      return i18n.t('errors.INVALID_AMOUNT', {
        context: operation === 'withdraw' || operation === 'deposit' ? operation : undefined,
        multiple: formatMoney(WITHDRAWAL_MULTIPLE_CENTS),
      });
    case 'VALIDATION_FAILED':
    case 'RATE_LIMITED':
      return i18n.t(`errors.${code}`, {
        context: operation === 'statement' ? operation : undefined,
      });
    case 'ACCOUNT_NOT_ACTIVE':
      return i18n.t('errors.ACCOUNT_NOT_ACTIVE', {
        context: operation === 'transfer' ? operation : undefined,
      });
    default:
      return i18n.t(`errors.${code}`);
  }
}

export function errorMessage(error: unknown, operation: Operation, now: Date = new Date()): string {
  if (error instanceof ApiError && error.problem) {
    return sentence(error.problem, operation, now);
  }
  return i18n.t('errors.NETWORK');
}
