import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager } from 'typeorm';
import { ERROR_STATUS } from '@atm/contracts';
import { Clock, isLockTimeout, DomainError, mapError, toProblem } from '../../common';
import { inTransaction, queryRows } from '../../database';
import {
  assertIdempotencyKeyShape,
  requestFingerprint,
  requireIdempotencyKey,
  type StoredAnswer,
} from '../../transactions';

export interface AdminAnswer extends StoredAnswer {
  replayed: boolean;
}

function stillRunning(): DomainError {
  return new DomainError(
    'IDEMPOTENCY_IN_PROGRESS',
    'A request with this Idempotency-Key is still being processed; retry shortly.',
  );
}

/**
 * The money movements' idempotency rules for the admin POSTs that create something, with
 * keys scoped to the administrator: a key of the wrong shape is a 400 and a missing one
 * IDEMPOTENCY_KEY_REQUIRED, before anything runs; the key is claimed in the work's own
 * transaction; a success or a 422 refusal is stored with it and replayed; anything else
 * rolls back, key included, so a retry runs afresh. The work runs under a savepoint, so a
 * refusal it raises half-way leaves none of its writes behind.
 */
@Injectable()
export class AdminIdempotency {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  run(
    spec: {
      adminUserId: string;
      key: string | undefined;
      operation: string;
      target: string;
      body: unknown;
    },
    work: (db: EntityManager) => Promise<StoredAnswer>,
  ): Promise<AdminAnswer> {
    assertIdempotencyKeyShape(spec.key);
    const key = requireIdempotencyKey(spec.key);
    const fingerprint = requestFingerprint(spec.operation, spec.target, spec.body);
    return inTransaction(this.dataSource, async (db) => {
      let claimed: Array<{ key: string }>;
      try {
        claimed = await queryRows<{ key: string }>(
          db,
          `INSERT INTO admin_idempotency_records (admin_user_id, key, request_hash, state, created_at)
           VALUES ($1, $2, $3, 'IN_PROGRESS', $4)
           ON CONFLICT (admin_user_id, key) DO NOTHING RETURNING key`,
          [spec.adminUserId, key, fingerprint, this.clock.now()],
        );
      } catch (error) {
        if (isLockTimeout(error)) throw stillRunning();
        throw error;
      }
      if (claimed.length === 0) {
        const [existing] = await queryRows<{
          request_hash: string;
          state: string;
          response_status: number | null;
          response_body: unknown;
        }>(
          db,
          `SELECT request_hash, state, response_status, response_body FROM admin_idempotency_records
            WHERE admin_user_id = $1 AND key = $2`,
          [spec.adminUserId, key],
        );
        if (!existing || existing.state !== 'COMPLETED' || existing.response_status === null)
          throw stillRunning();
        if (existing.request_hash !== fingerprint)
          throw new DomainError(
            'IDEMPOTENCY_KEY_REUSED',
            'This Idempotency-Key was already used for a different request.',
          );
        return { status: existing.response_status, body: existing.response_body, replayed: true };
      }

      await db.query('SAVEPOINT admin_work');
      let answer: StoredAnswer;
      try {
        answer = await work(db);
      } catch (error) {
        if (!(error instanceof DomainError) || ERROR_STATUS[error.code] !== 422) throw error;
        await db.query('ROLLBACK TO SAVEPOINT admin_work');
        answer = { status: 422, body: toProblem(mapError(error)) };
      }
      await db.query(
        `UPDATE admin_idempotency_records SET state = 'COMPLETED', response_status = $3, response_body = $4
          WHERE admin_user_id = $1 AND key = $2`,
        [spec.adminUserId, key, answer.status, JSON.stringify(answer.body)],
      );
      return { ...answer, replayed: false };
    });
  }
}
