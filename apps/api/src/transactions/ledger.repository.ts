import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type EntryType } from '@atm/contracts';
import { type Queryable, queryRows } from '../database';

/** What a screen or a statement prints of one ledger entry, as the database gives it. */
export interface LedgerEntryRow {
  amount_cents: string;
  description: string;
  created_at: string | Date;
  type: EntryType;
  check_number: string | null;
  memo: string | null;
  overdraft_protection: boolean;
  counterparty_number: string | null;
}

/** An entry of the history page: its ids, place in the ledger and running balance too. */
export interface HistoryEntryRow extends LedgerEntryRow {
  id: string;
  seq: string;
  transaction_id: string;
  balance_after_cents: string;
}

/**
 * The reads of the ledger tables (ledger_transactions, ledger_entries), which this module
 * owns; the writes are the money path's (money-path-tables.ts). A statement here may join
 * `accounts` for the counterparty's number or the owner check: one statement, one round
 * trip, rather than a query per entry through the accounts module.
 */
@Injectable()
export class LedgerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Ownership and a history page in one statement: a row with owned = false (not the
   * customer's account), or the entries before `beforeSeq`, newest first (a single row of
   * NULLs when the account has none yet).
   */
  historyPage(page: {
    customerId: string;
    accountId: string;
    beforeSeq: string | null;
    rows: number;
  }): Promise<(HistoryEntryRow & { owned: boolean })[]> {
    return queryRows<HistoryEntryRow & { owned: boolean }>(
      this.dataSource,
      `SELECT o.owned, e.*
         FROM (SELECT EXISTS (SELECT 1 FROM accounts WHERE id = $1 AND customer_id = $4 AND kind = 'CUSTOMER') AS owned) o
         LEFT JOIN LATERAL (
           SELECT le.id, le.seq, le.transaction_id, le.type, le.amount_cents,
                  le.balance_after_cents, le.description, le.created_at,
                  t.details->>'checkNumber' AS check_number, t.details->>'memo' AS memo,
                  (t.details->>'overdraftProtection') IS NOT NULL AS overdraft_protection,
                  CASE le.type WHEN 'TRANSFER_OUT' THEN cp.number
                               WHEN 'TRANSFER_IN' THEN src.number END AS counterparty_number
             FROM ledger_entries le
             JOIN ledger_transactions t ON t.id = le.transaction_id
             LEFT JOIN accounts cp ON cp.id = t.counterparty_account_id
             LEFT JOIN accounts src ON src.id = t.account_id
            WHERE o.owned AND le.account_id = $1 AND ($2::bigint IS NULL OR le.seq < $2::bigint)
            ORDER BY le.seq DESC
            LIMIT $3) e ON true`,
      [page.accountId, page.beforeSeq, page.rows, page.customerId],
    );
  }

  /** The sum of every entry before `before` (a statement's opening balance), as text. */
  async balanceBefore(db: Queryable, accountId: string, before: Date): Promise<string> {
    const [opening] = await queryRows<{ cents: string }>(
      db,
      `SELECT COALESCE(SUM(amount_cents), 0)::text AS cents
         FROM ledger_entries WHERE account_id = $1 AND created_at < $2`,
      [accountId, before],
    );
    return opening?.cents ?? '0';
  }

  /** The entries posted in [start, end), in ledger order (seq). */
  entriesBetween(
    db: Queryable,
    accountId: string,
    start: Date,
    end: Date,
  ): Promise<LedgerEntryRow[]> {
    return queryRows<LedgerEntryRow>(
      db,
      `SELECT e.amount_cents, e.description, e.created_at, e.type,
              t.details->>'checkNumber' AS check_number, t.details->>'memo' AS memo,
              (t.details->>'overdraftProtection') IS NOT NULL AS overdraft_protection,
              CASE e.type WHEN 'TRANSFER_OUT' THEN cp.number
                          WHEN 'TRANSFER_IN' THEN src.number END AS counterparty_number
         FROM ledger_entries e
         JOIN ledger_transactions t ON t.id = e.transaction_id
         LEFT JOIN accounts cp ON cp.id = t.counterparty_account_id
         LEFT JOIN accounts src ON src.id = t.account_id
        WHERE e.account_id = $1 AND e.created_at >= $2 AND e.created_at < $3
        ORDER BY e.seq`,
      [accountId, start, end],
    );
  }
}
