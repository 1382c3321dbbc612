import { type Pool } from 'pg';
import { DAILY_TRANSFER_LIMIT_CENTS, DAILY_WITHDRAWAL_LIMIT_CENTS } from './bank';
import { acknowledgedTransactions, type OperationOutcome } from './workload';

/**
 * The ledger check that ends every scenario, by SQL against the scenario's database. The
 * scenarios' databases hold nothing but their own work, so "every movement in the ledger"
 * is "every movement of this scenario".
 */

export interface BankSnapshot {
  customerTotalCents: number;
  notes: Map<number, number>;
}

async function one<T>(pool: Pool, sql: string, params: unknown[] = []): Promise<T> {
  const result = await pool.query(sql, params);
  return result.rows[0] as T;
}

export async function snapshot(pool: Pool): Promise<BankSnapshot> {
  const total = await one<{ total: string }>(
    pool,
    `SELECT COALESCE(SUM(balance_cents), 0)::text AS total FROM accounts WHERE kind = 'CUSTOMER'`,
  );
  const notes = await pool.query<{ denomination_cents: number; count: string }>(
    `SELECT denomination_cents, SUM(note_count)::text AS count FROM note_cassettes GROUP BY 1`,
  );
  return {
    customerTotalCents: Number(total.total),
    notes: new Map(notes.rows.map((r) => [Number(r.denomination_cents), Number(r.count)])),
  };
}

export interface LedgerReport {
  movements: number;
  deposits: number;
  withdrawals: number;
  transfers: number;
  refusals: number;
  replayed: number;
  depositedCents: number;
  withdrawnCents: number;
}

/**
 * Every invariant of the issue:
 * - each customer balance equals the sum of its entries and is not negative;
 * - each transaction's entries sum to zero (so all entries, internal included, sum to zero);
 * - customer totals moved by exactly the acknowledged deposits minus withdrawals;
 * - exactly one ledger transaction per acknowledged movement, and none besides;
 * - every operation got a final answer, recorded with its key (no key left in progress);
 * - no daily-limit counter past its limit, and each equals that day's acknowledged debits;
 * - the note stock went down by exactly the notes the acknowledged withdrawals dispensed.
 */
export async function expectBankConsistent(
  pool: Pool,
  before: BankSnapshot,
  outcomes: readonly OperationOutcome[],
): Promise<LedgerReport> {
  const invariants = await one<Record<string, string>>(
    pool,
    `SELECT
      (SELECT count(*) FROM accounts a WHERE a.kind = 'CUSTOMER' AND a.balance_cents <>
         COALESCE((SELECT SUM(e.amount_cents) FROM ledger_entries e WHERE e.account_id = a.id), 0))::text AS mismatched,
      (SELECT count(*) FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id
                              HAVING SUM(amount_cents) <> 0 OR count(*) < 2) x)::text AS unbalanced,
      (SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries)::text AS total,
      (SELECT count(*) FROM accounts WHERE kind = 'CUSTOMER' AND balance_cents < 0)::text AS negative,
      (SELECT count(*) FROM ledger_transactions t WHERE NOT EXISTS
         (SELECT 1 FROM ledger_entries e WHERE e.transaction_id = t.id))::text AS entryless,
      (SELECT count(*) FROM ledger_transactions t WHERE t.amount_cents <>
         (SELECT SUM(abs(e.amount_cents)) / 2 FROM ledger_entries e WHERE e.transaction_id = t.id))::text AS misstated,
      (SELECT count(*) FROM idempotency_records WHERE state <> 'COMPLETED')::text AS in_progress`,
  );
  expect(invariants).toEqual({
    mismatched: '0',
    unbalanced: '0',
    total: '0',
    negative: '0',
    entryless: '0',
    misstated: '0',
    in_progress: '0',
  });

  // Every operation ended on an answer the contract records.
  const unanswered = outcomes.filter((o) => o.status !== 201 && o.status !== 422);
  expect(unanswered.map((o) => `${o.operation.key}: ${o.trail.join(',')}`)).toEqual([]);
  const completed = await one<{ n: string }>(
    pool,
    `SELECT count(*)::text AS n FROM idempotency_records WHERE state = 'COMPLETED'`,
  );
  expect(Number(completed.n)).toBe(outcomes.length);

  // Exactly one ledger transaction per acknowledged movement.
  const acknowledged = acknowledgedTransactions(outcomes);
  const ids = acknowledged.map((a) => a.transaction.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const { op, transaction } of acknowledged) {
    if (
      transaction.type !== op.kind ||
      transaction.amountCents !== op.amountCents ||
      transaction.accountId !== op.accountId
    ) {
      throw new Error(
        `answer of ${op.key} does not describe its request: ${JSON.stringify(transaction)}`,
      );
    }
  }
  const ledger = await pool.query<{ id: string; type: string; amount: string; account: string }>(
    `SELECT id::text AS id, type, amount_cents::text AS amount, account_id::text AS account
       FROM ledger_transactions WHERE type IN ('WITHDRAWAL', 'DEPOSIT', 'TRANSFER')`,
  );
  const inLedger = new Map(ledger.rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !inLedger.has(id));
  const acknowledgedIds = new Set(ids);
  const extra = ledger.rows.filter((r) => !acknowledgedIds.has(r.id)).map((r) => r.id);
  expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  for (const { op, transaction } of acknowledged) {
    const row = inLedger.get(transaction.id);
    expect([row?.type, Number(row?.amount), row?.account]).toEqual([
      op.kind,
      op.amountCents,
      op.accountId,
    ]);
  }

  // Customer totals move exactly by deposits minus withdrawals (transfers move within).
  const sum = (kind: string) =>
    acknowledged
      .filter((a) => a.op.kind === kind)
      .reduce((total, a) => total + a.transaction.amountCents, 0);
  const depositedCents = sum('DEPOSIT');
  const withdrawnCents = sum('WITHDRAWAL');
  const after = await snapshot(pool);
  expect(after.customerTotalCents).toBe(
    before.customerTotalCents + depositedCents - withdrawnCents,
  );

  // Notes: the stock went down by exactly what the acknowledged withdrawals dispensed.
  const dispensed = new Map<number, number>();
  for (const { notes } of acknowledged) {
    for (const n of notes)
      dispensed.set(n.denominationCents, (dispensed.get(n.denominationCents) ?? 0) + n.count);
  }
  for (const [denomination, count] of before.notes) {
    expect([denomination, after.notes.get(denomination)]).toEqual([
      denomination,
      count - (dispensed.get(denomination) ?? 0),
    ]);
  }

  // Daily limits: never past the limit, and each counter equals that day's acknowledged
  // debits of its account (the day of the transaction in ATM_TIMEZONE, UTC here).
  const usage = await pool.query<{ kind: string; used: string; ledger: string; account: string }>(
    `SELECT u.kind, u.used_cents::text AS used, u.account_id::text AS account,
            COALESCE((SELECT SUM(t.amount_cents) FROM ledger_transactions t
                       WHERE t.account_id = u.account_id AND t.type = u.kind
                         AND (t.created_at AT TIME ZONE 'UTC')::date = u.day), 0)::text AS ledger
       FROM daily_limit_usage u`,
  );
  const limitOf = (kind: string) =>
    kind === 'WITHDRAWAL' ? DAILY_WITHDRAWAL_LIMIT_CENTS : DAILY_TRANSFER_LIMIT_CENTS;
  const pastLimit = usage.rows.filter((u) => Number(u.used) > limitOf(u.kind));
  const drifted = usage.rows.filter((u) => u.used !== u.ledger);
  expect({ pastLimit, drifted }).toEqual({ pastLimit: [], drifted: [] });

  return {
    movements: acknowledged.length,
    deposits: acknowledged.filter((a) => a.op.kind === 'DEPOSIT').length,
    withdrawals: acknowledged.filter((a) => a.op.kind === 'WITHDRAWAL').length,
    transfers: acknowledged.filter((a) => a.op.kind === 'TRANSFER').length,
    refusals: outcomes.filter((o) => o.status === 422).length,
    replayed: outcomes.filter((o) => o.replayed).length,
    depositedCents,
    withdrawnCents,
  };
}

/** A fingerprint of everything a request could change that matters (hostile-input check). */
export async function stateFingerprint(pool: Pool): Promise<Record<string, string>> {
  return one<Record<string, string>>(
    pool,
    `SELECT
      (SELECT md5(COALESCE(string_agg(id || ':' || COALESCE(balance_cents::text, '-') || ':' || status, ',' ORDER BY id), ''))
         FROM accounts) AS accounts,
      (SELECT count(*)::text FROM ledger_transactions) AS transactions,
      (SELECT count(*)::text || ':' || COALESCE(SUM(amount_cents), 0)::text FROM ledger_entries) AS entries,
      (SELECT md5(COALESCE(string_agg(account_id || kind || day || used_cents, ',' ORDER BY account_id, kind, day), ''))
         FROM daily_limit_usage) AS limits,
      (SELECT md5(COALESCE(string_agg(id || ':' || note_count, ',' ORDER BY id), '')) FROM note_cassettes) AS notes,
      (SELECT count(*)::text FROM idempotency_records) AS idempotency,
      (SELECT count(*)::text FROM deposit_holds) AS holds,
      (SELECT count(*)::text FROM statements) AS statements,
      (SELECT count(*)::text FROM customers) AS customers,
      (SELECT md5(COALESCE(string_agg(id || ':' || status || ':' || failed_pin_attempts || ':' ||
               COALESCE(locked_until::text, '-') || ':' || pin_hash, ',' ORDER BY id), '')) FROM cards) AS cards,
      (SELECT count(*)::text FROM sessions WHERE ended_at IS NOT NULL) AS ended_sessions,
      (SELECT maintenance::text FROM atm_settings) AS maintenance`,
  );
}
