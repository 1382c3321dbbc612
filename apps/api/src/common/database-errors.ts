import { DomainError } from './domain-error';

/**
 * Classifies errors from `pg`/TypeORM. A dependency that is down must answer 503 and change
 * nothing; a serialization failure or deadlock is retried before any answer is given; a row
 * lock that cannot be had is a busy row, not an outage (see busyRowRefusal).
 */

/** Codes of a database that cannot answer now: unreachable, restarting, full or too slow. */
const UNAVAILABLE_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOENT', // the embedded database's socket is gone
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '57014', // query_canceled (statement_timeout)
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);

const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'connect ECONNREFUSED',
  'Connection refused',
  'the database system is starting up',
  'the database system is shutting down',
  'Client was closed',
  'Cannot use a pool after calling end',
  'Query read timeout',
  'Handler disconnected',
];

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e.code ?? e.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : '';
}

export function isDatabaseUnavailableError(error: unknown): boolean {
  const code = errorCode(error);
  if (code !== undefined && UNAVAILABLE_ERROR_CODES.has(code)) return true;
  const message = errorMessage(error);
  return UNAVAILABLE_MESSAGES.some((m) => message.includes(m));
}

/** serialization_failure, deadlock_detected: safe to run the whole transaction again. */
export function isTransientTransactionError(error: unknown): boolean {
  const code = errorCode(error);
  return code === '40001' || code === '40P01';
}

/** lock_not_available: waited longer than lock_timeout for a row lock. */
export function isLockTimeout(error: unknown): boolean {
  return errorCode(error) === '55P03';
}

/**
 * The answer to a row lock that could not be had after the bounded retry (the contract's
 * Hardening rule): with an Idempotency-Key the client retries with the same key (409);
 * without one it is told to come back in a second (429). Never 503: the database is up.
 */
export function busyRowRefusal(withIdempotencyKey: boolean): DomainError {
  if (withIdempotencyKey) {
    return new DomainError(
      'IDEMPOTENCY_IN_PROGRESS',
      'A request with this Idempotency-Key is still being processed; retry shortly.',
    );
  }
  return new DomainError('RATE_LIMITED', 'The ATM is busy. Please try again in a moment.', {
    retryAfterSeconds: 1,
  });
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (errorCode(error) !== '23505') return false;
  if (constraint === undefined) return true;
  const e = error as { constraint?: string; driverError?: { constraint?: string } };
  return (e.constraint ?? e.driverError?.constraint) === constraint;
}

/** What a log line may say about an error. */
export interface LoggableError {
  type: string;
  message: string;
  code?: string;
  constraint?: string;
  stack?: string;
}

/**
 * The part of an error that may be logged. A database error (TypeORM's QueryFailedError,
 * or pg's own) carries the statement, its parameters (ids, a memo, a new PIN hash) and the
 * driver's error object with the row's values in `detail`: only its code, message and
 * constraint are kept. Other errors keep their message and stack, never their own fields.
 */
export function loggableError(error: unknown): LoggableError {
  const type =
    error instanceof Error
      ? error.name
      : typeof error === 'object' && error !== null
        ? 'object'
        : typeof error;
  const message = errorMessage(error);
  const code = errorCode(error);
  if (code !== undefined) {
    const e = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
    const constraint = e.constraint ?? e.driverError?.constraint;
    return {
      type,
      message,
      code,
      ...(typeof constraint === 'string' ? { constraint } : {}),
    };
  }
  return {
    type,
    message,
    ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
  };
}
