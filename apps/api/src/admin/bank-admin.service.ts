import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { ACCOUNT_NUMBER_PATTERN, type AccountStatus, type AccountType } from '@atm/contracts';
import { centsFromDatabase } from '@atm/money';
import { AccountsRepository, CustomersRepository } from '../accounts';
import { AuditService } from '../audit';
import { CardsService } from '../auth';
import {
  type AdminActor,
  UUID_PATTERN,
  Clock,
  isUniqueViolation,
  DomainError,
  validationFailed,
  freeTextProblem,
} from '../common';
import { type Queryable, inTransaction } from '../database';
import { postTransaction } from '../transactions';
import { auditAccountRefusal } from './account-refusal-audit';

export interface AccountListing {
  id: string;
  number: string;
  type: AccountType;
  status: AccountStatus;
  balanceCents: number;
}

export interface CustomerListing {
  id: string;
  name: string;
  email: string | null;
  accounts: AccountListing[];
  cards: Array<{ last4: string; status: string; lockedUntil: string | null }>;
}

/** What an administrator does to customers and accounts (the admin CLI's back end). */
@Injectable()
export class BankAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly accounts: AccountsRepository,
    private readonly customers: CustomersRepository,
    private readonly cards: CardsService,
  ) {}

  async createCustomer(
    input: { name: string; email?: string },
    actor: AdminActor,
    db?: Queryable,
  ): Promise<string> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) {
      throw validationFailed([{ field: 'name', message: 'must be 1 to 200 characters' }]);
    }
    if (input.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) {
      throw validationFailed([{ field: 'email', message: 'is not an email address' }]);
    }
    for (const [field, value] of [
      ['name', name],
      ['email', input.email],
    ] as const) {
      const problem = value === undefined ? undefined : freeTextProblem(value);
      if (problem) throw validationFailed([{ field, message: problem }]);
    }
    const work = async (runner: Queryable) => {
      const id = await this.customers.insert(runner, {
        name,
        email: input.email ?? null,
        createdAt: this.clock.now(),
      });
      await this.audit.recordAdminAction('CUSTOMER_CREATED', actor, { customerId: id }, runner);
      return id;
    };
    return db ? work(db) : inTransaction(this.dataSource, work);
  }

  /**
   * Opens an account. Opening money is a ledger transaction from the bank's equity account,
   * not a bare number, so the ledger explains every cent.
   */
  async openAccount(
    input: { customerId: string; type: AccountType; openingCents: number; number?: string },
    actor: AdminActor,
    db?: Queryable,
  ): Promise<{ id: string; number: string }> {
    if (!UUID_PATTERN.test(input.customerId))
      throw validationFailed([{ field: 'customer', message: 'must be a customer id (UUID)' }]);
    if (!Number.isSafeInteger(input.openingCents) || input.openingCents < 0) {
      throw validationFailed([
        { field: 'opening-cents', message: 'must be a whole number of cents >= 0' },
      ]);
    }
    if (input.number !== undefined && !ACCOUNT_NUMBER_PATTERN.test(input.number)) {
      throw validationFailed([{ field: 'number', message: 'must be 12 digits' }]);
    }
    const work = async (runner: Queryable) => {
      if (!(await this.customers.exists(runner, input.customerId)))
        throw new DomainError('NOT_FOUND', 'No customer has that id');
      const opened = await this.insertAccount(runner, input);
      if (input.openingCents > 0) {
        const equity = await this.accounts.internalAccountId(runner, 'BANK_EQUITY');
        await postTransaction(runner, {
          type: 'OPENING',
          amountCents: input.openingCents,
          accountId: opened.id,
          counterpartyAccountId: equity,
          customerId: input.customerId,
          description: 'Opening balance',
          at: this.clock.now(),
          postings: [
            {
              accountId: opened.id,
              amountCents: input.openingCents,
              entryType: 'OPENING',
              description: 'Opening balance',
              hasRunningBalance: true,
            },
            {
              accountId: equity,
              amountCents: -input.openingCents,
              entryType: 'OPENING',
              description: `Opening balance of ${opened.number}`,
              hasRunningBalance: false,
            },
          ],
        });
      }
      await this.audit.recordAdminAction(
        'ACCOUNT_OPENED',
        actor,
        {
          customerId: input.customerId,
          accountId: opened.id,
          details: { type: input.type, openingCents: input.openingCents },
        },
        runner,
      );
      return opened;
    };
    return db ? work(db) : inTransaction(this.dataSource, work);
  }

  private async insertAccount(
    db: Queryable,
    input: { customerId: string; type: AccountType; number?: string },
  ): Promise<{ id: string; number: string }> {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      // Customer account numbers start with 1 to 8; 9 is the bank's own accounts.
      const number =
        input.number ?? `${randomInt(1, 9)}${String(randomInt(0, 1e11)).padStart(11, '0')}`;
      try {
        const id = await this.accounts.insertCustomerAccount(db, {
          number,
          customerId: input.customerId,
          type: input.type,
          createdAt: this.clock.now(),
        });
        return { id, number };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (input.number !== undefined) {
          throw new DomainError('VALIDATION_FAILED', `Account ${input.number} already exists`, {
            errors: [{ field: 'number', message: 'is taken' }],
          });
        }
      }
    }
    throw new Error('could not find a free account number');
  }

  /** The CLI's form: by account number. */
  async setAccountStatus(
    number: string,
    target: AccountStatus,
    actor: AdminActor,
  ): Promise<{ id: string; number: string; status: AccountStatus }> {
    if (!ACCOUNT_NUMBER_PATTERN.test(number))
      throw validationFailed([{ field: 'number', message: 'must be 12 digits' }]);
    return this.changeAccountStatus({ number }, target, actor);
  }

  /** The console's form: by account id. */
  setAccountStatusById(
    accountId: string,
    target: AccountStatus,
    actor: AdminActor,
  ): Promise<{ id: string; number: string; status: AccountStatus }> {
    return this.changeAccountStatus({ id: accountId }, target, actor);
  }

  /**
   * Freeze, unfreeze or close, under the account's row lock like any money movement (so a
   * close cannot race a deposit). A refusal is audited too, after the rollback, so two
   * administrators acting on one account at once both leave a trace whoever wins.
   */
  private async changeAccountStatus(
    locator: { number: string } | { id: string },
    target: AccountStatus,
    actor: AdminActor,
  ): Promise<{ id: string; number: string; status: AccountStatus }> {
    const type = `ACCOUNT_${target === 'ACTIVE' ? 'UNFROZEN' : target}`;
    // Set inside the transaction once the account is known, for auditing a refusal.
    const seen: { account?: { id: string; customer_id: string } } = {};
    try {
      return await inTransaction(this.dataSource, async (db) => {
        const account = await this.accounts.lockCustomerAccount(db, locator);
        if (!account)
          throw new DomainError('NOT_FOUND', 'No customer account has that number or id');
        seen.account = account;
        const { number } = account;
        if (account.status === 'CLOSED')
          throw new DomainError('ACCOUNT_NOT_ACTIVE', `Account ${number} is closed`);
        if (account.status === target)
          throw new DomainError(
            'VALIDATION_FAILED',
            `Account ${number} is already ${target === 'ACTIVE' ? 'active' : target.toLowerCase()}`,
          );
        if (target === 'CLOSED') {
          const balance = centsFromDatabase(account.balance_cents);
          if (balance !== 0)
            throw new DomainError(
              'ACCOUNT_NOT_EMPTY',
              `Account ${number} has a balance of ${balance} cents; only a zero balance can be closed`,
            );
        }
        if (target === 'ACTIVE' && account.status !== 'FROZEN') {
          throw new DomainError('VALIDATION_FAILED', `Account ${number} is not frozen`);
        }
        await this.accounts.setStatus(db, account.id, target);
        await this.audit.recordAdminAction(
          type,
          actor,
          { customerId: account.customer_id, accountId: account.id },
          db,
        );
        return { id: account.id, number, status: target };
      });
    } catch (error) {
      await auditAccountRefusal(this.audit, type, actor, seen.account, error);
      throw error;
    }
  }

  async listCustomers(db: Queryable = this.dataSource): Promise<CustomerListing[]> {
    const customers = await this.customers.list(db);
    const accounts = await this.accounts.listCustomerAccounts(db);
    const cards = await this.cards.listAllBrief(db);
    const now = this.clock.now();
    return customers.map((c) => ({
      id: c.id,
      name: c.name,
      email: c.email,
      accounts: accounts
        .filter((a) => a.customer_id === c.id)
        .map((a) => ({
          id: a.id,
          number: a.number,
          type: a.type,
          status: a.status,
          balanceCents: centsFromDatabase(a.balance_cents),
        })),
      cards: cards
        .filter((k) => k.customer_id === c.id)
        .map((k) => {
          const lockedUntil = k.locked_until === null ? null : new Date(k.locked_until);
          return {
            last4: k.last4.trim(),
            status: k.status,
            lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil.toISOString() : null,
          };
        }),
    }));
  }

  customerCount(): Promise<number> {
    return this.customers.count(this.dataSource);
  }
}
