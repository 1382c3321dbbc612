/**
 * The error codes of the API contract (`application/problem+json` `code`), with the HTTP
 * status each one answers with. Clients branch on the code, never on the status or text.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  CARD_BLOCKED: 403,
  /** v1.1: an administrator's role does not allow the action. */
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  IDEMPOTENCY_IN_PROGRESS: 409,
  STATEMENT_NOT_READY: 409,
  /** v1.1: the statement's PDF no longer exists (retention or a lost file). */
  STATEMENT_GONE: 410,
  IDEMPOTENCY_KEY_REUSED: 422,
  INVALID_AMOUNT: 422,
  INSUFFICIENT_FUNDS: 422,
  DAILY_LIMIT_EXCEEDED: 422,
  SAME_ACCOUNT: 422,
  RECIPIENT_NOT_FOUND: 422,
  ACCOUNT_NOT_ACTIVE: 422,
  WEAK_PIN: 422,
  CANNOT_DISPENSE: 422,
  /** v1.1: closing an account whose balance is not zero. */
  ACCOUNT_NOT_EMPTY: 422,
  /** v1.1: the overdraft source is not a savings account of the same customer. */
  INVALID_OVERDRAFT_LINK: 422,
  CARD_LOCKED: 423,
  /** v1.1: too many failed admin sign-ins from one address for one user name. */
  ADMIN_LOCKED: 423,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  MAINTENANCE: 503,
  /** Not in the contract's table: a bug of ours. Never carries details or a stack. */
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request is not valid',
  IDEMPOTENCY_KEY_REQUIRED: 'An Idempotency-Key header is required',
  UNAUTHENTICATED: 'Authentication is required',
  SESSION_EXPIRED: 'The session has expired',
  INVALID_CREDENTIALS: 'The card number or PIN is not correct',
  CARD_BLOCKED: 'The card is blocked',
  FORBIDDEN: 'Your role does not allow this action',
  NOT_FOUND: 'Not found',
  IDEMPOTENCY_IN_PROGRESS: 'A request with this Idempotency-Key is still being processed',
  STATEMENT_NOT_READY: 'The statement is not ready yet',
  STATEMENT_GONE: 'The statement is no longer available',
  IDEMPOTENCY_KEY_REUSED: 'The Idempotency-Key was used with a different request',
  INVALID_AMOUNT: 'The amount is not allowed',
  INSUFFICIENT_FUNDS: 'Insufficient funds',
  DAILY_LIMIT_EXCEEDED: 'Daily limit exceeded',
  SAME_ACCOUNT: 'Transfer to the same account',
  RECIPIENT_NOT_FOUND: 'Recipient account not found',
  ACCOUNT_NOT_ACTIVE: 'The account is not active',
  WEAK_PIN: 'The PIN is too easy to guess',
  CANNOT_DISPENSE: 'The ATM cannot dispense this amount',
  ACCOUNT_NOT_EMPTY: 'The account still holds money',
  INVALID_OVERDRAFT_LINK: 'Only a savings account of the same customer can be linked',
  CARD_LOCKED: 'The card is locked',
  ADMIN_LOCKED: 'Too many failed sign-ins',
  RATE_LIMITED: 'Too many requests',
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable',
  MAINTENANCE: 'The ATM is out of service',
  INTERNAL_ERROR: 'Something went wrong on our side',
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, value);
}

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details as this API writes them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: FieldError[];
  attemptsRemaining?: number;
  lockedUntil?: string;
  remainingCents?: number;
  retryAfterSeconds?: number;
}

export const PROBLEM_TYPE_BASE = 'https://atm.example/problems/';

export function problemTypeFor(code: ErrorCode): string {
  return `${PROBLEM_TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`;
}
