import { type AccountStatus } from '@atm/contracts';
import { centsFromDatabase } from '@atm/money';
import { type Queryable, queryRows } from '../database/transaction';
import { type Cassette, type CassetteRow, CASSETTES_SQL, toCassette } from './note-stock';

export interface LockedAccount {
  id: string;
  number: string;
  customerId: string | null;
  kind: 'CUSTOMER' | 'INTERNAL';
  status: AccountStatus;
  balanceCents: number;
}

/**
 * Locks the given accounts in one fixed order (by id), so two movements touching the same
 * accounts (A→B and B→A) always queue instead of deadlocking.
 */
export async function lockAccounts(
  db: Queryable,
  ids: string[],
): Promise<Map<string, LockedAccount>> {
  const rows = await queryRows<{
    id: string;
    number: string;
    customer_id: string | null;
    kind: 'CUSTOMER' | 'INTERNAL';
    status: AccountStatus;
    balance_cents: string | null;
  }>(
    db,
    `SELECT id, number, customer_id, kind, status, balance_cents FROM accounts
      WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        number: r.number,
        customerId: r.customer_id,
        kind: r.kind,
        status: r.status,
        balanceCents: centsFromDatabase(r.balance_cents),
      },
    ]),
  );
}

export interface FundsUnderLock {
  heldCents: number;
  usedTodayCents: number;
  /** The note stock, read in the same round trip when asked for (withdrawals). */
  cassettes: Cassette[];
}

/**
 * Read after the account lock is held (a new statement sees every movement committed
 * before the lock was granted): deposit holds not yet released, and today's use of the
 * daily limit.
 */
export async function readFundsUnderLock(
  db: Queryable,
  input: {
    accountId: string;
    now: Date;
    day: string;
    limitKind: 'WITHDRAWAL' | 'TRANSFER';
    withNoteStock?: boolean;
  },
): Promise<FundsUnderLock> {
  const [row] = await queryRows<{
    held: string | null;
    used: string | null;
    cassettes: CassetteRow[] | null;
  }>(
    db,
    `SELECT (SELECT SUM(amount_cents) FROM deposit_holds WHERE account_id = $1 AND release_at > $2) AS held,
            (SELECT used_cents FROM daily_limit_usage WHERE account_id = $1 AND day = $3 AND kind = $4) AS used,
            CASE WHEN $5 THEN (SELECT json_agg(c) FROM (${CASSETTES_SQL}) c) END AS cassettes`,
    [input.accountId, input.now, input.day, input.limitKind, input.withNoteStock === true],
  );
  return {
    heldCents: centsFromDatabase(row?.held ?? null),
    usedTodayCents: centsFromDatabase(row?.used ?? null),
    cassettes: (row?.cassettes ?? []).map(toCassette),
  };
}

/** Adds to today's use of a daily limit; runs under the account's row lock. */
export async function addDailyUsage(
  db: Queryable,
  input: {
    accountId: string;
    day: string;
    limitKind: 'WITHDRAWAL' | 'TRANSFER';
    amountCents: number;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO daily_limit_usage (account_id, day, kind, used_cents) VALUES ($1, $2, $3, $4)
     ON CONFLICT (account_id, day, kind) DO UPDATE SET used_cents = daily_limit_usage.used_cents + EXCLUDED.used_cents`,
    [input.accountId, input.day, input.limitKind, input.amountCents],
  );
}
