import { type AppConfig } from '../config';
import { type Queryable, execute, queryRows } from '../database';

/**
 * The wrong-PIN counter and lock of a card, kept in PostgreSQL and changed only by single
 * guarded UPDATEs, so that concurrent wrong PINs can never buy more tries than the maximum:
 * once the UPDATE that reaches the maximum commits, every later one finds the card locked
 * and changes nothing. A lock whose time has passed counts as no lock, and the count starts
 * again from zero.
 *
 * The same rules apply to card numbers that do not exist (kept in unknown_card_attempts),
 * so that both answer alike, decay included: a count whose last wrong PIN is older than
 * counterDecaySeconds counts as zero, for both kinds, when the next wrong PIN is counted.
 */

export interface LockoutPolicy {
  maxFailedAttempts: number;
  lockoutSeconds: number;
}

/** The configured policy: sign-in and housekeeping read it from here, so they cannot differ. */
export function lockoutPolicy(
  config: Pick<AppConfig, 'maxFailedPinAttempts' | 'lockoutDurationSeconds'>,
): LockoutPolicy {
  return {
    maxFailedAttempts: config.maxFailedPinAttempts,
    lockoutSeconds: config.lockoutDurationSeconds,
  };
}

/**
 * How long a wrong-PIN count is remembered after its last wrong PIN (twice the lockout:
 * a count is never forgotten while its lock could still be running). The one decay rule
 * for real and unknown cards, and housekeeping's for deleting unknown cards' rows.
 */
export function counterDecaySeconds(policy: LockoutPolicy): number {
  return policy.lockoutSeconds * 2;
}

/**
 * Removes the wrong-PIN counters of unknown card numbers untouched for longer than the
 * decay time: past it a row counts as zero anyway, so deleting it changes no answer.
 */
export function deleteDecayedUnknownCardAttempts(
  db: Queryable,
  now: Date,
  policy: LockoutPolicy,
): Promise<number> {
  return execute(
    db,
    `DELETE FROM unknown_card_attempts WHERE updated_at < $1::timestamptz - make_interval(secs => $2)`,
    [now, counterDecaySeconds(policy)],
  );
}

export type WrongPinOutcome =
  | { kind: 'COUNTED'; attemptsRemaining: number }
  | { kind: 'LOCKED_NOW'; lockedUntil: Date }
  | { kind: 'ALREADY_LOCKED'; lockedUntil: Date };

interface CounterRow {
  failed_pin_attempts: number;
  locked_until: string | Date | null;
}

function interpret(
  row: CounterRow | undefined,
  policy: LockoutPolicy,
): WrongPinOutcome | undefined {
  if (!row) return undefined;
  if (row.locked_until !== null) {
    return { kind: 'LOCKED_NOW', lockedUntil: new Date(row.locked_until) };
  }
  return {
    kind: 'COUNTED',
    attemptsRemaining: Math.max(policy.maxFailedAttempts - row.failed_pin_attempts, 0),
  };
}

/** The lock `lockSql` reads (one parameter, the counter's key), if there is one. */
async function readLock(db: Queryable, lockSql: string, key: string): Promise<Date | undefined> {
  const [row] = await queryRows<{ locked_until: string | Date | null }>(db, lockSql, [key]);
  return row?.locked_until ? new Date(row.locked_until) : undefined;
}

/** Nothing was counted: a concurrent wrong PIN locked the counter first. */
function alreadyLocked(lockedUntil: Date | undefined, now: Date): WrongPinOutcome {
  return { kind: 'ALREADY_LOCKED', lockedUntil: lockedUntil ?? now };
}

/** The card's lock as it stands, running or run out (read after a guarded write lost). */
export function cardLockedUntil(db: Queryable, cardId: string): Promise<Date | undefined> {
  return readLock(db, `SELECT locked_until FROM cards WHERE id = $1`, cardId);
}

/**
 * The count after one more wrong PIN, in SQL over a counter row whose last wrong PIN was at
 * `lastWrongAt`: a lock that ended, or a count older than the decay time ($decay seconds
 * before $now), starts again from 1. One expression for both tables.
 */
function nextCountSql(row: string, lastWrongAt: string, now: string, decay: string): string {
  return `CASE WHEN ${row}locked_until IS NOT NULL
                  OR ${lastWrongAt} IS NULL
                  OR ${lastWrongAt} <= ${now}::timestamptz - make_interval(secs => ${decay})
               THEN 1 ELSE ${row}failed_pin_attempts + 1 END`;
}

const NEXT_COUNT = nextCountSql('', 'last_wrong_pin_at', '$2', '$5');

export async function recordWrongPinForCard(
  db: Queryable,
  cardId: string,
  now: Date,
  policy: LockoutPolicy,
): Promise<WrongPinOutcome> {
  const rows = await queryRows<CounterRow>(
    db,
    `UPDATE cards
        SET failed_pin_attempts = ${NEXT_COUNT},
            locked_until = CASE WHEN ${NEXT_COUNT} >= $3
                                THEN $2::timestamptz + make_interval(secs => $4) END,
            last_wrong_pin_at = $2
      WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2)
      RETURNING failed_pin_attempts, locked_until`,
    [cardId, now, policy.maxFailedAttempts, policy.lockoutSeconds, counterDecaySeconds(policy)],
  );
  return interpret(rows[0], policy) ?? alreadyLocked(await cardLockedUntil(db, cardId), now);
}

export async function recordWrongPinForUnknownCard(
  db: Queryable,
  numberHash: string,
  now: Date,
  policy: LockoutPolicy,
): Promise<WrongPinOutcome> {
  const firstLock = policy.maxFailedAttempts <= 1;
  const next = nextCountSql('u.', 'u.updated_at', '$2', '$6');
  const rows = await queryRows<CounterRow>(
    db,
    `INSERT INTO unknown_card_attempts AS u (number_hash, failed_pin_attempts, locked_until, updated_at)
     VALUES ($1, 1, CASE WHEN $5 THEN $2::timestamptz + make_interval(secs => $4) END, $2)
     ON CONFLICT (number_hash) DO UPDATE
        SET failed_pin_attempts = ${next},
            locked_until = CASE WHEN ${next} >= $3
                                THEN $2::timestamptz + make_interval(secs => $4) END,
            updated_at = $2
      WHERE u.locked_until IS NULL OR u.locked_until <= $2
     RETURNING failed_pin_attempts, locked_until`,
    [
      numberHash,
      now,
      policy.maxFailedAttempts,
      policy.lockoutSeconds,
      firstLock,
      counterDecaySeconds(policy),
    ],
  );
  return (
    interpret(rows[0], policy) ??
    alreadyLocked(
      await readLock(
        db,
        `SELECT locked_until FROM unknown_card_attempts WHERE number_hash = $1`,
        numberHash,
      ),
      now,
    )
  );
}

/** Answers the lock's end when the unknown card number is locked now. */
export async function unknownCardLockedUntil(
  db: Queryable,
  numberHash: string,
  now: Date,
): Promise<Date | undefined> {
  const rows = await queryRows<{ locked_until: string | Date }>(
    db,
    `SELECT locked_until FROM unknown_card_attempts WHERE number_hash = $1 AND locked_until > $2`,
    [numberHash, now],
  );
  return rows[0] ? new Date(rows[0].locked_until) : undefined;
}

/**
 * A right PIN resets the count, unless the card was locked meanwhile (then it answers
 * false and the sign-in is refused as locked).
 */
export async function recordRightPin(db: Queryable, cardId: string, now: Date): Promise<boolean> {
  const rows = await queryRows<unknown>(
    db,
    `UPDATE cards SET failed_pin_attempts = 0, locked_until = NULL
      WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2)
      RETURNING id`,
    [cardId, now],
  );
  return rows.length > 0;
}
