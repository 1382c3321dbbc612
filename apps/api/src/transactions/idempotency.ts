import { createHash } from 'node:crypto';
import { DomainError, validationFailed } from '../common';
import { type Queryable, execute } from '../database';
import { IDEMPOTENCY_KEY_PATTERN } from '@atm/contracts';

/**
 * Idempotency of money movements, in the movement's own database call (atm_claim_key_v1
 * and atm_answer_v1 in the money functions' migration):
 *
 * 1. The call inserts the (customer, key) record. A concurrent request with the same key
 *    blocks on that uncommitted row until the first one commits (then it replays the
 *    answer) or rolls back (then it runs afresh). If it waits past `lock_timeout`, it
 *    answers 409 IDEMPOTENCY_IN_PROGRESS.
 * 2. The movement runs; the answer (201, or a 422 refusal) is stored on the record, and
 *    everything commits together. Any other outcome (400, 401, 404, 503, a crash) is never
 *    recorded, so a retry with the same key runs afresh. A process that dies mid-way holds
 *    nothing: its connection drops and PostgreSQL rolls back.
 *
 * Here: the key's shape (a 400 before anything runs) and the request's fingerprint.
 */

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** Keys are kept at least this long (the contract says 24 hours). */
const IDEMPOTENCY_RETENTION_HOURS = 48;

/** Removes the recorded answers past their retention; answers how many went. */
export function deleteExpiredIdempotencyRecords(db: Queryable, now: Date): Promise<number> {
  return execute(
    db,
    `DELETE FROM idempotency_records WHERE created_at < $1::timestamptz - make_interval(hours => $2)`,
    [now, IDEMPOTENCY_RETENTION_HOURS],
  );
}

export function assertIdempotencyKeyShape(key: string | undefined): void {
  if (key !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw validationFailed([
      { field: 'Idempotency-Key', message: 'must be 1 to 255 characters of A-Z a-z 0-9 _ . : -' },
    ]);
  }
}

/** A missing key is 400 IDEMPOTENCY_KEY_REQUIRED (the admin API's creating POSTs). */
export function requireIdempotencyKey(key: string | undefined): string {
  if (key === undefined) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_REQUIRED',
      'This request needs an Idempotency-Key header; retry with the same key.',
    );
  }
  return key;
}

/** A stable digest of what was asked: the operation, its path and its body. */
export function requestFingerprint(operation: string, target: string, body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value as Record<string, unknown>)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify([operation, target, canonical(body)]))
    .digest('hex');
}
