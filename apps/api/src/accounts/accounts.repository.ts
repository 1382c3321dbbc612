import { Injectable } from '@nestjs/common';
import { type AccountStatus, type AccountType } from '@atm/contracts';
import { type Queryable, execute, queryRows } from '../database';

/** The bank's own accounts, created by the migrations; the ledger's other side. */
export type InternalAccountType = 'ATM_CASH' | 'BANK_VAULT' | 'CHECK_CLEARING' | 'BANK_EQUITY';

/** A customer account's row as the admin services read it. */
export interface CustomerAccountRow {
  id: string;
  customer_id: string;
  number: string;
  type: AccountType;
  status: AccountStatus;
  balance_cents: string;
}

/**
 * The statements on the `accounts` table for the modules that do not own it (admin,
 * transactions): each takes the caller's transaction or data source. The money path's
 * database functions and ledger writer are the documented exception (see
 * transactions/money-path-tables.ts); the customers' own reads are AccountsService's.
 */
@Injectable()
export class AccountsRepository {
  /** A new customer account at zero (opening money is a ledger transaction); its id. */
  async insertCustomerAccount(
    db: Queryable,
    account: { number: string; customerId: string; type: AccountType; createdAt: Date },
  ): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      db,
      `INSERT INTO accounts (number, customer_id, kind, type, balance_cents, created_at)
       VALUES ($1, $2, 'CUSTOMER', $3, 0, $4) RETURNING id`,
      [account.number, account.customerId, account.type, account.createdAt],
    );
    return row.id;
  }

  /** The id of an account with this number (customer or internal), or undefined. */
  async idByNumber(db: Queryable, number: string): Promise<string | undefined> {
    const [row] = await queryRows<{ id: string }>(db, `SELECT id FROM accounts WHERE number = $1`, [
      number,
    ]);
    return row?.id;
  }

  /** The id of one of the bank's internal accounts. */
  async internalAccountId(db: Queryable, type: InternalAccountType): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      db,
      `SELECT id FROM accounts WHERE kind = 'INTERNAL' AND type = $1`,
      [type],
    );
    if (!row) throw new Error(`internal account ${type} is missing: run the migrations`);
    return row.id;
  }

  /** The ids of the ATM's cash and the bank's vault, read in one statement. */
  async cashAccountIds(db: Queryable): Promise<{ atm: string; vault: string }> {
    const internal = await queryRows<{ type: string; id: string }>(
      db,
      `SELECT type, id FROM accounts WHERE kind = 'INTERNAL' AND type IN ('ATM_CASH', 'BANK_VAULT')`,
    );
    const atm = internal.find((a) => a.type === 'ATM_CASH')?.id;
    const vault = internal.find((a) => a.type === 'BANK_VAULT')?.id;
    if (!atm || !vault)
      throw new Error('internal accounts ATM_CASH and BANK_VAULT are missing: run the migrations');
    return { atm, vault };
  }

  /** A customer account by id or number, row-locked until the caller's transaction ends. */
  async lockCustomerAccount(
    db: Queryable,
    locator: { number: string } | { id: string },
  ): Promise<Omit<CustomerAccountRow, 'type'> | undefined> {
    const [account] = await queryRows<Omit<CustomerAccountRow, 'type'>>(
      db,
      `SELECT id, number, status, balance_cents, customer_id FROM accounts
        WHERE ${'id' in locator ? 'id = $1::uuid' : 'number = $1'} AND kind = 'CUSTOMER' FOR UPDATE`,
      ['id' in locator ? locator.id : locator.number],
    );
    return account;
  }

  async setStatus(db: Queryable, accountId: string, status: AccountStatus): Promise<void> {
    await execute(db, `UPDATE accounts SET status = $2 WHERE id = $1`, [accountId, status]);
  }

  /**
   * A checking account (by id or number) and the savings account to link to it (by number),
   * row-locked in id order like every movement, so a link never races a sweep.
   */
  lockForOverdraftLink(
    db: Queryable,
    checking: { id: string } | { number: string },
    savingsNumber: string | null,
  ): Promise<Array<Omit<CustomerAccountRow, 'balance_cents'>>> {
    return queryRows<Omit<CustomerAccountRow, 'balance_cents'>>(
      db,
      `SELECT id, number, customer_id, type, status FROM accounts
        WHERE kind = 'CUSTOMER' AND (id = $1::uuid OR number = $2 OR number = $3)
        ORDER BY id FOR UPDATE`,
      [
        'id' in checking ? checking.id : null,
        'number' in checking ? checking.number : null,
        savingsNumber,
      ],
    );
  }

  /** Links (or, with null, unlinks) the savings account a checking account sweeps from. */
  async setOverdraftSource(
    db: Queryable,
    checkingId: string,
    savingsId: string | null,
  ): Promise<void> {
    await execute(db, `UPDATE accounts SET overdraft_from_account_id = $2 WHERE id = $1`, [
      checkingId,
      savingsId,
    ]);
  }

  /** Every customer account, by number. */
  listCustomerAccounts(db: Queryable): Promise<CustomerAccountRow[]> {
    return queryRows<CustomerAccountRow>(
      db,
      `SELECT id, customer_id, number, type, status, balance_cents FROM accounts WHERE kind = 'CUSTOMER' ORDER BY number`,
    );
  }

  /** Accounts by id, row-locked in id order (like every movement) until the caller's transaction ends. */
  lockByIds(
    db: Queryable,
    ids: string[],
  ): Promise<Array<Pick<CustomerAccountRow, 'id' | 'number' | 'status' | 'balance_cents'>>> {
    return queryRows<Pick<CustomerAccountRow, 'id' | 'number' | 'status' | 'balance_cents'>>(
      db,
      `SELECT id, number, status, balance_cents FROM accounts
        WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
  }

  async countCustomerAccounts(db: Queryable): Promise<number> {
    const [row] = await queryRows<{ count: string }>(
      db,
      `SELECT count(*) AS count FROM accounts WHERE kind = 'CUSTOMER'`,
    );
    return Number(row?.count ?? 0);
  }
}
