import { type TestApp } from './test-app';

/**
 * The ledger's invariants, checked by SQL after every money test: each customer account's
 * balance equals the sum of its entries and is never negative; every transaction's entries
 * sum to zero; so the sum of all entries (all balances, internal included) is zero.
 */
export async function expectLedgerConsistent(t: TestApp): Promise<void> {
  const [row] = await t.sql<{
    mismatched: string;
    unbalanced: string;
    total: string;
    negative: string;
    entryless: string;
  }>(`
    SELECT
      (SELECT count(*) FROM accounts a WHERE a.kind = 'CUSTOMER' AND a.balance_cents <>
         COALESCE((SELECT SUM(e.amount_cents) FROM ledger_entries e WHERE e.account_id = a.id), 0)) AS mismatched,
      (SELECT count(*) FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id
                              HAVING SUM(amount_cents) <> 0 OR count(*) < 2) x) AS unbalanced,
      (SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries) AS total,
      (SELECT count(*) FROM accounts WHERE kind = 'CUSTOMER' AND balance_cents < 0) AS negative,
      (SELECT count(*) FROM ledger_transactions t WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.transaction_id = t.id)) AS entryless`);
  expect(row).toEqual({
    mismatched: '0',
    unbalanced: '0',
    total: '0',
    negative: '0',
    entryless: '0',
  });
}

/** The sum of every customer balance (internal accounts are its mirror image). */
export async function totalCustomerBalance(t: TestApp): Promise<number> {
  const [row] = await t.sql<{ total: string }>(
    `SELECT COALESCE(SUM(balance_cents), 0) AS total FROM accounts WHERE kind = 'CUSTOMER'`,
  );
  return Number(row?.total);
}
