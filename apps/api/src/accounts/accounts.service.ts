import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import {
  type Account,
  CURRENCY,
  type EntriesPage,
  type Entry,
  type EntryFacts,
  type EntryType,
  HISTORY_PAGE_DEFAULT,
  type LimitsResponse,
  maskAccountNumber,
} from '@atm/contracts';
import { centsFromDatabase } from '@atm/money';
import { BusinessCalendar, Clock, notFound, validationFailed } from '../common';
import {
  type SessionClaims,
  sessionRefused,
  type SessionRefusalCode,
  SessionsService,
} from '../auth';
import { type AppConfig, APP_CONFIG } from '../config';
import { type CustomerAccountRow } from './accounts.repository';
import { type Queryable, queryRows } from '../database';

/** The facts a screen writes an entry's description from, in any language. */
function entryFacts(row: EntryRow): Omit<EntryFacts, 'type'> {
  return {
    ...(row.check_number ? { checkNumber: row.check_number } : {}),
    ...(row.counterparty_number
      ? { counterpartyAccountNumber: maskAccountNumber(row.counterparty_number) }
      : {}),
    ...(row.memo ? { memo: row.memo } : {}),
    ...(row.overdraft_protection ? { overdraftProtection: true } : {}),
  };
}

interface AccountRow extends CustomerAccountRow {
  available_cents: string;
  overdraft_from_number: string | null;
}

interface EntryRow {
  id: string;
  seq: string;
  transaction_id: string;
  type: EntryType;
  amount_cents: string;
  balance_after_cents: string;
  description: string;
  created_at: string | Date;
  check_number: string | null;
  memo: string | null;
  overdraft_protection: boolean;
  counterparty_number: string | null;
}

/**
 * For the admin console's reads (the customers' reads are database functions). The
 * available balance is the ledger balance less the deposit holds whose release time has
 * not come yet: holds release by themselves as time passes, with no job to run.
 */
export const ACCOUNT_SELECT = `
  SELECT a.id, a.customer_id, a.number, a.type, a.status, a.balance_cents,
         a.balance_cents - COALESCE((SELECT SUM(h.amount_cents) FROM deposit_holds h
                                      WHERE h.account_id = a.id AND h.release_at > $1), 0) AS available_cents,
         (SELECT link.number FROM accounts link WHERE link.id = a.overdraft_from_account_id) AS overdraft_from_number
    FROM accounts a`;

function toAccount(row: AccountRow): Account {
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

export function encodeCursor(seq: string): string {
  return Buffer.from(`e${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^e([1-9][0-9]{0,17})$/.exec(decoded);
  if (!match?.[1]) {
    throw validationFailed([{ field: 'cursor', message: 'is not a cursor this API gave out' }]);
  }
  return match[1];
}

/** The signed-in customer's accounts: balances, limits and history. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
    private readonly calendar: BusinessCalendar,
  ) {}

  /**
   * GET /accounts and GET /accounts/:id: the session check and the read in one call
   * (atm_accounts_v2), answered as the database built it, with no row mapping here.
   */
  async listForSession(claims: SessionClaims, accountId: string | null = null): Promise<Account[]> {
    const [row] = await queryRows<{
      result: { error: SessionRefusalCode } | { accounts: Account[] };
    }>(this.dataSource, `SELECT atm_accounts_v2($1, $2, $3, $4, $5, $6) AS result`, [
      ...this.sessions.callArguments(claims, this.clock.now()),
      accountId,
    ]);
    const result = row?.result;
    if (!result) throw new Error('atm_accounts_v2 answered nothing');
    if ('error' in result) throw sessionRefused(result.error);
    return result.accounts;
  }

  async getForSession(claims: SessionClaims, accountId: string): Promise<Account> {
    const [account] = await this.listForSession(claims, accountId);
    if (!account) throw notFound('account');
    return account;
  }

  /** Another customer's account answers exactly like one that does not exist. */
  async getForCustomer(
    customerId: string,
    accountId: string,
    db: Queryable = this.dataSource,
  ): Promise<Account> {
    const [row] = await queryRows<{ accounts: Account[] }>(
      db,
      `SELECT atm_customer_accounts_v2($1, $2, $3) AS accounts`,
      [customerId, this.clock.now(), accountId],
    );
    const account = row?.accounts[0];
    if (!account) throw notFound('account');
    return account;
  }

  /** Today's use of the daily limits; the ownership check is in the same statement. */
  async limits(customerId: string, accountId: string): Promise<LimitsResponse> {
    const [row] = await queryRows<{ limits: LimitsResponse | null }>(
      this.dataSource,
      `SELECT atm_limits_v1($1, $2, $3, $4, $5) AS limits`,
      [
        customerId,
        accountId,
        this.calendar.dayOf(this.clock.now()),
        this.config.dailyWithdrawalLimitCents,
        this.config.dailyTransferLimitCents,
      ],
    );
    if (!row?.limits) throw notFound('account');
    return row.limits;
  }

  async history(
    customerId: string,
    accountId: string,
    page: { limit?: string; cursor?: string },
  ): Promise<EntriesPage> {
    const limit = page.limit === undefined ? HISTORY_PAGE_DEFAULT : Number(page.limit);
    const beforeSeq = page.cursor === undefined ? null : decodeCursor(page.cursor);
    // Ownership and the page in one statement: a row with owned = false (404), or the
    // entries (a single row of NULLs when the account has none yet).
    const found = await queryRows<EntryRow & { owned: boolean }>(
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
      [accountId, beforeSeq, limit + 1, customerId],
    );
    if (!found[0]?.owned) throw notFound('account');
    const rows = found.filter((row) => row.id !== null);
    const items: Entry[] = rows.slice(0, limit).map((row) => ({
      id: row.id,
      transactionId: row.transaction_id,
      type: row.type,
      amountCents: centsFromDatabase(row.amount_cents),
      balanceAfterCents: centsFromDatabase(row.balance_after_cents),
      description: row.description,
      createdAt: new Date(row.created_at).toISOString(),
      ...entryFacts(row),
    }));
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null };
  }

  /** Any customer account by id (the admin console), or undefined. */
  async findCustomerAccount(
    accountId: string,
    db: Queryable = this.dataSource,
  ): Promise<(Account & { customerId: string }) | undefined> {
    const rows = await queryRows<AccountRow & { customer_id: string }>(
      db,
      `${ACCOUNT_SELECT} WHERE a.id = $2 AND a.kind = 'CUSTOMER'`,
      [this.clock.now(), accountId],
    );
    return rows[0] ? { ...toAccount(rows[0]), customerId: rows[0].customer_id } : undefined;
  }

  /** The accounts of several customers at once (the admin console's lists), by customer. */
  async listForCustomers(
    customerIds: string[],
    db: Queryable = this.dataSource,
  ): Promise<Map<string, Account[]>> {
    const rows = await queryRows<AccountRow & { customer_id: string }>(
      db,
      `${ACCOUNT_SELECT}
        WHERE a.customer_id = ANY($2::uuid[]) AND a.kind = 'CUSTOMER' ORDER BY a.number`,
      [this.clock.now(), customerIds],
    );
    const byCustomer = new Map<string, Account[]>(customerIds.map((id) => [id, []]));
    for (const row of rows) byCustomer.get(row.customer_id)?.push(toAccount(row));
    return byCustomer;
  }
}
