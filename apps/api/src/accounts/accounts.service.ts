import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type Account, type LimitsResponse } from '@atm/contracts';
import { BusinessCalendar, Clock, notFound } from '../common';
import {
  type SessionClaims,
  sessionRefused,
  type SessionRefusalCode,
  SessionsService,
} from '../auth';
import { type AppConfig, APP_CONFIG } from '../config';
import { type Queryable, queryRows } from '../database';

/** The signed-in customer's accounts: balances and limits (the history is the ledger's). */
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
}
