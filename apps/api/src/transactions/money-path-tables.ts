/**
 * The one documented exception to "each table has one owner": moving money. A withdrawal,
 * deposit or transfer is one call of a PostgreSQL function (the migrations that define the
 * atm_* functions), and a cash load, opening or reversal one transaction through
 * ledger-writer.ts, so that every cent moves in a single transaction with its rows locked in
 * a fixed order. Those statements belong to this module and write these tables, some owned
 * by other modules, directly; money-path-tables.spec.ts reads their SQL and holds this list
 * to it.
 */
export const MONEY_PATH_TABLES = [
  'accounts', // balances (the accounts module owns the rest)
  'audit_events', // the movement's audit record (audit module)
  'daily_limit_usage',
  'deposit_holds',
  'idempotency_records',
  'ledger_entries',
  'ledger_transactions',
  'note_cassettes', // the dispenser's stock
  'sessions', // the session's last use, or its expiry (auth module)
] as const;
