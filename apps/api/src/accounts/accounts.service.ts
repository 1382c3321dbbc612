import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type Account, CURRENCY, type LimitsResponse, maskAccountNumber } from '@atm/contracts';
import { centsFromDatabase } from '@atm/money';
import { BusinessCalendar, Clock, notFound } from '../common';
import {
  type SessionClaims,
  sessionRefused,
  type SessionRefusalCode,
  SessionsService,
} from '../auth';
import { type AppConfig, APP_CONFIG } from '../config';
import { type CustomerAccountRow } from './accounts.repository';
import { type Queryable, queryRows } from '../database';

interface AccountRow extends CustomerAccountRow {
  available_cents: string;
  overdraft_from_number: string | null;
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
