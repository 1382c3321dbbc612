import { ERROR_TITLES, type ErrorCode, type FieldError } from '@atm/contracts';

export interface DomainErrorExtras {
  errors?: FieldError[];
  attemptsRemaining?: number;
  lockedUntil?: string;
  remainingCents?: number;
  /** Sent as the Retry-After header, not in the body. */
  retryAfterSeconds?: number;
}

/**
 * A refusal the contract names. Services throw these (never HTTP exceptions); the problem
 * details filter turns the code into a status and an `application/problem+json` body.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    readonly detail: string = ERROR_TITLES[code],
    readonly extras: DomainErrorExtras = {},
  ) {
    super(`${code}: ${detail}`);
  }
}

export function validationFailed(errors: FieldError[], detail?: string): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    { errors },
  );
}

export function notFound(what = 'resource'): DomainError {
  return new DomainError('NOT_FOUND', `The ${what} was not found`);
}
