import { createHash } from 'node:crypto';
import { IDEMPOTENCY_KEY_PATTERN } from '@atm/contracts';
import { DomainError, validationFailed } from '../common/domain-error';
import { type Queryable, queryRows } from '../database/transaction';

/**
 * Idempotency of money movements, in the movement's own database transaction:
 *
 * 1. The first statement inserts the (customer, key) record. A concurrent request with the
 *    same key blocks on that uncommitted row until the first one commits (then it replays
 *    the answer) or rolls back (then it runs afresh). If it waits past `lock_timeout`, it
 *    answers 409 IDEMPOTENCY_IN_PROGRESS.
 * 2. The movement runs; the answer (201, or a 422 refusal) is stored on the record, and
 *    everything commits together. Any other outcome (400, 404, 503, a crash) rolls the
 *    record back with the movement, so a retry with the same key runs afresh. A process
 *    that dies mid-way holds nothing: its connection drops and PostgreSQL rolls back.
 */

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export type ClaimResult = { kind: 'CLAIMED' } | { kind: 'REPLAY'; answer: StoredAnswer };

/** Keys are kept at least this long (the contract says 24 hours). */
export const IDEMPOTENCY_RETENTION_HOURS = 48;

export function assertIdempotencyKeyShape(key: string | undefined): void {
  if (key !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw validationFailed([
      { field: 'Idempotency-Key', message: 'must be 1 to 255 characters of A-Z a-z 0-9 _ . : -' },
    ]);
  }
}

export function requireIdempotencyKey(key: string | undefined): string {
  if (key === undefined) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_REQUIRED',
      'Money-moving requests need an Idempotency-Key header; retry with the same key.',
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

/**
 * Claims the key for this request, in the same statement that checks the account belongs
 * to the customer (ownership answers first, and a 404 is never recorded).
 */
export async function claimIdempotencyKey(
  db: Queryable,
  input: { customerId: string; accountId: string; key: string; fingerprint: string; now: Date },
): Promise<ClaimResult> {
  const [claim] = await queryRows<{ owned: boolean; claimed: boolean }>(
    db,
    `WITH owner AS (
       SELECT 1 FROM accounts WHERE id = $5 AND customer_id = $1 AND kind = 'CUSTOMER'
     ), claimed AS (
       INSERT INTO idempotency_records (customer_id, key, request_hash, state, created_at)
       SELECT $1, $2, $3, 'IN_PROGRESS', $4 WHERE EXISTS (SELECT 1 FROM owner)
       ON CONFLICT (customer_id, key) DO NOTHING
       RETURNING key
     )
     SELECT EXISTS (SELECT 1 FROM owner) AS owned, EXISTS (SELECT 1 FROM claimed) AS claimed`,
    [input.customerId, input.key, input.fingerprint, input.now, input.accountId],
  );
  if (!claim?.owned) throw new DomainError('NOT_FOUND', 'The account was not found');
  if (claim.claimed) return { kind: 'CLAIMED' };
  const [existing] = await queryRows<{
    request_hash: string;
    state: string;
    response_status: number | null;
    response_body: unknown;
  }>(
    db,
    `SELECT request_hash, state, response_status, response_body FROM idempotency_records
      WHERE customer_id = $1 AND key = $2`,
    [input.customerId, input.key],
  );
  if (!existing || existing.state !== 'COMPLETED' || existing.response_status === null) {
    throw new DomainError(
      'IDEMPOTENCY_IN_PROGRESS',
      'A request with this Idempotency-Key is still being processed; retry shortly.',
    );
  }
  if (existing.request_hash !== input.fingerprint) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different request.',
    );
  }
  return {
    kind: 'REPLAY',
    answer: { status: existing.response_status, body: existing.response_body },
  };
}

export async function completeIdempotencyKey(
  db: Queryable,
  input: { customerId: string; key: string; answer: StoredAnswer },
): Promise<void> {
  await db.query(
    `UPDATE idempotency_records SET state = 'COMPLETED', response_status = $3, response_body = $4
      WHERE customer_id = $1 AND key = $2`,
    [input.customerId, input.key, input.answer.status, JSON.stringify(input.answer.body)],
  );
}
