import { type Queryable, execute, queryRows } from '../../database';

/** The contract's number: 5 consecutive failures lock a (user name, client address) pair. */
export const ADMIN_MAX_FAILED_SIGN_INS = 5;

export type AdminFailureOutcome =
  { kind: 'COUNTED'; attemptsRemaining: number } | { kind: 'LOCKED'; lockedUntil: Date };

/** The pair's lock, if one is in force now. */
export async function adminLockedUntil(
  db: Queryable,
  input: { username: string; clientIp: string; now: Date },
): Promise<Date | null> {
  const [row] = await queryRows<{ locked_until: string | Date | null }>(
    db,
    `SELECT locked_until FROM admin_login_attempts WHERE username = $1 AND client_ip = $2 AND locked_until > $3`,
    [input.username, input.clientIp, input.now],
  );
  return row?.locked_until ? new Date(row.locked_until) : null;
}

/**
 * Counts one failure in a single guarded statement, so concurrent failures never buy more
 * tries than the maximum. A lock that has run out starts the count again from one; the
 * failure that reaches the maximum locks the pair.
 */
export async function recordAdminFailure(
  db: Queryable,
  input: { username: string; clientIp: string; now: Date; lockoutSeconds: number },
): Promise<AdminFailureOutcome> {
  const [row] = await queryRows<{ failed_attempts: number; locked_until: string | Date | null }>(
    db,
    `INSERT INTO admin_login_attempts AS a (username, client_ip, failed_attempts, locked_until, updated_at)
     VALUES ($1, $2, 1, NULL, $3)
     ON CONFLICT (username, client_ip) DO UPDATE SET
       failed_attempts = CASE WHEN a.locked_until IS NOT NULL AND a.locked_until <= $3 THEN 1
                              ELSE a.failed_attempts + 1 END,
       locked_until = CASE
         WHEN a.locked_until > $3 THEN a.locked_until
         WHEN (CASE WHEN a.locked_until IS NOT NULL AND a.locked_until <= $3 THEN 1 ELSE a.failed_attempts + 1 END) >= $4
           THEN $3::timestamptz + make_interval(secs => $5)
         ELSE NULL END,
       updated_at = $3
     RETURNING failed_attempts, locked_until`,
    [input.username, input.clientIp, input.now, ADMIN_MAX_FAILED_SIGN_INS, input.lockoutSeconds],
  );
  const lockedUntil = row?.locked_until ? new Date(row.locked_until) : null;
  if (lockedUntil && lockedUntil > input.now) return { kind: 'LOCKED', lockedUntil };
  return {
    kind: 'COUNTED',
    attemptsRemaining: Math.max(ADMIN_MAX_FAILED_SIGN_INS - (row?.failed_attempts ?? 1), 0),
  };
}

/** A successful sign-in resets the pair's count. */
export async function clearAdminFailures(
  db: Queryable,
  input: { username: string; clientIp: string },
): Promise<void> {
  await execute(db, `DELETE FROM admin_login_attempts WHERE username = $1 AND client_ip = $2`, [
    input.username,
    input.clientIp,
  ]);
}
