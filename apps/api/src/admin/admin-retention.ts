import { type Queryable, queryRows } from '../database';

/** Admin sessions last 8 hours at most; they are kept, like customers', 30 days after. */
const ADMIN_SESSION_RETENTION_DAYS = 30;

/** Admin keys follow the money movements' rules (kept at least 24 hours): 48, as theirs. */
const ADMIN_IDEMPOTENCY_RETENTION_HOURS = 48;

export interface AdminRecordsRemoved {
  sessions: number;
  idempotency: number;
}

/**
 * Removes the admin sessions and recorded admin answers past their retention, both in one
 * statement (housekeeping's share of the admin module's tables); answers how many went.
 */
export async function deleteExpiredAdminRecords(
  db: Queryable,
  now: Date,
): Promise<AdminRecordsRemoved> {
  const [removed] = await queryRows<{ sessions: string; idempotency: string }>(
    db,
    `WITH old_sessions AS (
       DELETE FROM admin_sessions
        WHERE created_at < $1::timestamptz - make_interval(days => $2)
       RETURNING 1
     ), old_answers AS (
       DELETE FROM admin_idempotency_records
        WHERE created_at < $1::timestamptz - make_interval(hours => $3)
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM old_sessions) AS sessions,
            (SELECT count(*) FROM old_answers) AS idempotency`,
    [now, ADMIN_SESSION_RETENTION_DAYS, ADMIN_IDEMPOTENCY_RETENTION_HOURS],
  );
  return {
    sessions: Number(removed?.sessions ?? 0),
    idempotency: Number(removed?.idempotency ?? 0),
  };
}
