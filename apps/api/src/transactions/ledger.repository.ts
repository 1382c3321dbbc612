import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type Account, CURRENCY, type EntryType, maskAccountNumber } from '@atm/contracts';
import { centsFromDatabase } from '@atm/money';
import { type CustomerAccountRow } from '../accounts';
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
 * An entry's facts (check number, memo, overdraft sweep, the other account of a transfer)
 * and the FROM that reads them, for entries `le`: the history page and a statement print
 * the same facts.
 */
const ENTRY_FACTS_FROM_LEDGER = `t.details->>'checkNumber' AS check_number, t.details->>'memo' AS memo,
  (t.details->>'overdraftProtection') IS NOT NULL AS overdraft_protection,
  CASE le.type WHEN 'TRANSFER_OUT' THEN cp.number
               WHEN 'TRANSFER_IN' THEN src.number END AS counterparty_number
  FROM ledger_entries le
  JOIN ledger_transactions t ON t.id = le.transaction_id
  LEFT JOIN accounts cp ON cp.id = t.counterparty_account_id
  LEFT JOIN accounts src ON src.id = t.account_id`;

interface AccountWithAvailableRow extends CustomerAccountRow {
  available_cents: string;
  overdraft_from_number: string | null;
}

/**
 * A customer account with its available balance: the ledger balance less the deposit holds
 * whose release time has not come yet (holds release by themselves as time passes, with no
 * job to run). One statement over `accounts` and `deposit_holds`, for the admin console
 * (the customers' own reads are database functions).
 */
const ACCOUNT_WITH_AVAILABLE_SELECT = `
  SELECT a.id, a.customer_id, a.number, a.type, a.status, a.balance_cents,
         a.balance_cents - COALESCE((SELECT SUM(h.amount_cents) FROM deposit_holds h
                                      WHERE h.account_id = a.id AND h.release_at > $1), 0) AS available_cents,
         (SELECT link.number FROM accounts link WHERE link.id = a.overdraft_from_account_id) AS overdraft_from_number
    FROM accounts a`;

function toAccount(row: AccountWithAvailableRow): Account {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    balanceCents: centsFromDatabase(row.balance_cents),
    availableBalanceCents: centsFromDatabase(row.available_cents),
    currency: CURRENCY,
    status: row.status,
    overdraftFromAccountNumber:
      row.overdraft_from_number === null ? null : maskAccountNumber(row.overdraft_from_number),
  };
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

  /** Any customer account by id, with its available balance at `now`, or undefined. */
  async findCustomerAccount(
    db: Queryable,
    now: Date,
    accountId: string,
  ): Promise<(Account & { customerId: string }) | undefined> {
    const rows = await queryRows<AccountWithAvailableRow>(
      db,
      `${ACCOUNT_WITH_AVAILABLE_SELECT} WHERE a.id = $2 AND a.kind = 'CUSTOMER'`,
      [now, accountId],
    );
    return rows[0] ? { ...toAccount(rows[0]), customerId: rows[0].customer_id } : undefined;
  }

  /** The accounts of several customers at once (the admin console's lists), by customer. */
  async listForCustomers(
    db: Queryable,
    now: Date,
    customerIds: string[],
  ): Promise<Map<string, Account[]>> {
    const rows = await queryRows<AccountWithAvailableRow>(
      db,
      `${ACCOUNT_WITH_AVAILABLE_SELECT}
        WHERE a.customer_id = ANY($2::uuid[]) AND a.kind = 'CUSTOMER' ORDER BY a.number`,
      [now, customerIds],
    );
    const byCustomer = new Map<string, Account[]>(customerIds.map((id) => [id, []]));
    for (const row of rows) byCustomer.get(row.customer_id)?.push(toAccount(row));
    return byCustomer;
  }

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
                  ${ENTRY_FACTS_FROM_LEDGER}
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
      `SELECT le.amount_cents, le.description, le.created_at, le.type,
              ${ENTRY_FACTS_FROM_LEDGER}
        WHERE le.account_id = $1 AND le.created_at >= $2 AND le.created_at < $3
        ORDER BY le.seq`,
      [accountId, start, end],
    );
  }

  /** Withdrawals, deposits and transfers posted in [start, end), reversals not counted. */
  async movementsBetween(
    start: Date,
    end: Date,
  ): Promise<{ withdrawals: number; deposits: number; transfers: number }> {
    const [row] = await queryRows<{ withdrawals: string; deposits: string; transfers: string }>(
      this.dataSource,
      `SELECT
         (SELECT count(*) FROM ledger_transactions WHERE type = 'WITHDRAWAL' AND reverses_transaction_id IS NULL AND created_at >= $1 AND created_at < $2) AS withdrawals,
         (SELECT count(*) FROM ledger_transactions WHERE type = 'DEPOSIT' AND reverses_transaction_id IS NULL AND created_at >= $1 AND created_at < $2) AS deposits,
         (SELECT count(*) FROM ledger_transactions WHERE type = 'TRANSFER' AND reverses_transaction_id IS NULL AND created_at >= $1 AND created_at < $2) AS transfers`,
      [start, end],
    );
    return {
      withdrawals: Number(row?.withdrawals ?? 0),
      deposits: Number(row?.deposits ?? 0),
      transfers: Number(row?.transfers ?? 0),
    };
  }
}
