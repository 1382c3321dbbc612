import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import {
  type Account,
  type AccountStatus,
  type AccountType,
  CURRENCY,
  type EntriesPage,
  type Entry,
  type EntryType,
  HISTORY_PAGE_DEFAULT,
  type LimitsResponse,
} from '@atm/contracts';
import { centsFromDatabase } from '@atm/money';
import { Clock } from '../common/clock';
import { DomainError, notFound, validationFailed } from '../common/domain-error';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type Queryable, queryRows } from '../database/transaction';
import { BusinessCalendar } from './business-calendar';

interface AccountRow {
  id: string;
  number: string;
  type: AccountType;
  status: AccountStatus;
  balance_cents: string;
  available_cents: string;
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
}

/**
 * The available balance is the ledger balance less the deposit holds whose release time has
 * not come yet: holds release by themselves as time passes, with no job to run.
 */
export const ACCOUNT_SELECT = `
  SELECT a.id, a.number, a.type, a.status, a.balance_cents,
         a.balance_cents - COALESCE((SELECT SUM(h.amount_cents) FROM deposit_holds h
                                      WHERE h.account_id = a.id AND h.release_at > $1), 0) AS available_cents
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
  readonly calendar: BusinessCalendar;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.calendar = new BusinessCalendar(config.atmTimeZone);
  }

  async listForCustomer(customerId: string): Promise<Account[]> {
    const rows = await queryRows<AccountRow>(
      this.dataSource,
      `${ACCOUNT_SELECT} WHERE a.customer_id = $2 AND a.kind = 'CUSTOMER' ORDER BY a.number`,
      [this.clock.now(), customerId],
    );
    return rows.map(toAccount);
  }

  /** Another customer's account answers exactly like one that does not exist. */
  async getForCustomer(
    customerId: string,
    accountId: string,
    db: Queryable = this.dataSource,
  ): Promise<Account> {
    const rows = await queryRows<AccountRow>(
      db,
      `${ACCOUNT_SELECT} WHERE a.id = $2 AND a.customer_id = $3 AND a.kind = 'CUSTOMER'`,
      [this.clock.now(), accountId, customerId],
    );
    if (!rows[0]) throw notFound('account');
    return toAccount(rows[0]);
  }

  async limits(customerId: string, accountId: string): Promise<LimitsResponse> {
    await this.getForCustomer(customerId, accountId);
    const today = this.calendar.dayOf(this.clock.now());
    const rows = await queryRows<{ kind: 'WITHDRAWAL' | 'TRANSFER'; used_cents: string }>(
      this.dataSource,
      `SELECT kind, used_cents FROM daily_limit_usage WHERE account_id = $1 AND day = $2`,
      [accountId, today],
    );
    const used = (kind: 'WITHDRAWAL' | 'TRANSFER') =>
      centsFromDatabase(rows.find((r) => r.kind === kind)?.used_cents ?? '0');
    const usage = (limit: number, usedToday: number) => ({
      dailyLimitCents: limit,
      usedTodayCents: usedToday,
      remainingCents: Math.max(limit - usedToday, 0),
    });
    return {
      withdrawal: usage(this.config.dailyWithdrawalLimitCents, used('WITHDRAWAL')),
      transfer: usage(this.config.dailyTransferLimitCents, used('TRANSFER')),
    };
  }

  async history(
    customerId: string,
    accountId: string,
    page: { limit?: string; cursor?: string },
  ): Promise<EntriesPage> {
    const limit = page.limit === undefined ? HISTORY_PAGE_DEFAULT : Number(page.limit);
    const beforeSeq = page.cursor === undefined ? null : decodeCursor(page.cursor);
    await this.getForCustomer(customerId, accountId);
    const rows = await queryRows<EntryRow>(
      this.dataSource,
      `SELECT id, seq, transaction_id, type, amount_cents, balance_after_cents, description, created_at
         FROM ledger_entries
        WHERE account_id = $1 AND ($2::bigint IS NULL OR seq < $2::bigint)
        ORDER BY seq DESC
        LIMIT $3`,
      [accountId, beforeSeq, limit + 1],
    );
    const items: Entry[] = rows.slice(0, limit).map((row) => ({
      id: row.id,
      transactionId: row.transaction_id,
      type: row.type,
      amountCents: centsFromDatabase(row.amount_cents),
      balanceAfterCents: centsFromDatabase(row.balance_after_cents),
      description: row.description,
      createdAt: new Date(row.created_at).toISOString(),
    }));
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null };
  }

  /** Raises ACCOUNT_NOT_ACTIVE unless the account is active. */
  static assertActive(account: { status: AccountStatus }, role = 'The account'): void {
    if (account.status !== 'ACTIVE') {
      throw new DomainError('ACCOUNT_NOT_ACTIVE', `${role} is ${account.status.toLowerCase()}.`);
    }
  }
}
