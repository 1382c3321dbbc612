import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import {
  type Account,
  type AdminAuditPage,
  type AdminCustomer,
  type AdminDashboard,
} from '@atm/contracts';
import { AccountsRepository, type CustomerProfileRow, CustomersRepository } from '../../accounts';
import { type AuditRow, AuditService } from '../../audit';
import { CardsService } from '../../auth';
import {
  BusinessCalendar,
  type AdminActor,
  Clock,
  DomainError,
  validationFailed,
} from '../../common';
import { type Queryable } from '../../database';
import { StatementStore } from '../../statements';
import { CashService, LedgerRepository } from '../../transactions';
import { auditCustomerId, auditLogEntry, type AuditSubjectLabels } from './audit-log-entry';

/** Search pages are ordered by name, then id; the cursor is the last row's (name, id). */
function encodeCustomerCursor(row: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.name, row.id]), 'utf8').toString('base64url');
}

function decodeCustomerCursor(cursor: string): { name: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/.test(value[1])
    ) {
      return { name: value[0], id: value[1] };
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw validationFailed([{ field: 'cursor', message: 'is not a cursor this API gave out' }]);
}

/** LIKE's own metacharacters taken literally: the query is a plain substring. */
function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * What the admin console reads: the dashboard's figures, customer search and a customer's
 * page (audited as CUSTOMER_VIEWED). Each figure and row comes from the module that owns
 * its table; this service only puts them together.
 */
@Injectable()
export class AdminConsoleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly customers: CustomersRepository,
    private readonly ledger: LedgerRepository,
    private readonly statements: StatementStore,
    private readonly calendar: BusinessCalendar,
    private readonly cards: CardsService,
    private readonly cash: CashService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async dashboard(): Promise<AdminDashboard> {
    const now = this.clock.now();
    const today = this.calendar.dayBounds(this.calendar.dayOf(now));
    // An admin page, not a hot path: one small query per owner, run side by side.
    const [customers, accounts, cards, movements, failedSignIns, statements, stock] =
      await Promise.all([
        this.customers.count(this.dataSource),
        this.accounts.countCustomerAccounts(this.dataSource),
        this.cards.countsByState(now),
        this.ledger.movementsBetween(today.start, today.end),
        this.audit.countFailedSignIns(today.start, today.end),
        this.statements.countOutstanding(),
        this.cash.stock(),
      ]);
    return {
      customers,
      accounts,
      cards,
      cash: stock.notes.map((note) => ({
        denominationCents: note.denominationCents,
        count: note.count,
      })),
      today: {
        withdrawals: movements.withdrawals,
        deposits: movements.deposits,
        transfers: movements.transfers,
        failedSignIns,
      },
      statements,
      cashBalancing: await this.cash.balancing(),
    };
  }

  /**
   * Customers whose name or e-mail contains `query` (any case), or who hold an account whose
   * number contains it (dashes ignored), or a card ending in it. Bound parameters and
   * escaped LIKE metacharacters: the query is only ever text to look for.
   */
  async searchCustomers(page: {
    query?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  }): Promise<{ items: AdminCustomer[]; nextCursor: string | null }> {
    const after = page.cursor === undefined ? null : decodeCustomerCursor(page.cursor);
    const query = page.query?.trim() ?? '';
    const digits = query.replace(/[\s-]/g, '');
    const last4 = /^\d{4}$/.test(digits) ? digits : null;
    const rows = await this.customers.search(this.dataSource, {
      pattern: query === '' ? null : likePattern(query),
      numberPattern: /^\d{1,12}$/.test(digits) ? likePattern(digits) : null,
      cardHolderIds: last4 === null ? null : await this.cards.holdersOfCardEnding(last4),
      after,
      limit: page.limit + 1,
    });
    const shown = rows.slice(0, page.limit);
    const items = await this.describe(shown);
    const last = shown[shown.length - 1];
    return {
      items,
      nextCursor: rows.length > page.limit && last ? encodeCustomerCursor(last) : null,
    };
  }

  /** One customer's page; every look is an audit event with the administrator's name. */
  async customerDetail(customerId: string, actor: AdminActor): Promise<AdminCustomer> {
    const rows = await this.customers.findProfile(this.dataSource, customerId);
    const [customer] = await this.describe(rows);
    if (!customer) throw new DomainError('NOT_FOUND', 'No customer has that id');
    await this.audit.recordAdminAction('CUSTOMER_VIEWED', actor, { customerId });
    return customer;
  }

  /** A customer as the console shows one, right after creating it (no view is audited). */
  async customerById(customerId: string, db: Queryable = this.dataSource): Promise<AdminCustomer> {
    const rows = await this.customers.findProfile(db, customerId);
    const [customer] = await this.describe(rows, db);
    if (!customer) throw new DomainError('NOT_FOUND', 'No customer has that id');
    return customer;
  }

  /** Any customer account by id, as the console shows one, or undefined. */
  customerAccount(
    accountId: string,
    db: Queryable = this.dataSource,
  ): Promise<(Account & { customerId: string }) | undefined> {
    return this.ledger.findCustomerAccount(db, this.clock.now(), accountId);
  }

  /**
   * A page of the audit log, newest first, each event with the names and numbers of what it
   * concerns (one more query for the page). The cursor is the page's last id.
   */
  async auditLog(filter: Parameters<AuditService['page']>[0]): Promise<AdminAuditPage> {
    const page = await this.audit.page(filter);
    const labels = await this.auditSubjectLabels(page.items);
    const last = page.items[page.items.length - 1];
    return {
      items: page.items.map((row) => auditLogEntry(row, labels)),
      nextCursor: page.hasMore && last ? last.id : null,
    };
  }

  /** The names of the customers and the numbers of the accounts these events concern. */
  auditSubjectLabels(rows: readonly AuditRow[]): Promise<AuditSubjectLabels> {
    return this.customers.namesAndNumbers(this.dataSource, {
      customerIds: [...new Set(rows.map(auditCustomerId).filter((id) => id !== undefined))],
      accountIds: [...new Set(rows.flatMap((row) => row.accountId ?? []))],
    });
  }

  private async describe(
    rows: CustomerProfileRow[],
    db: Queryable = this.dataSource,
  ): Promise<AdminCustomer[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const accounts = await this.ledger.listForCustomers(db, this.clock.now(), ids);
    const cards = await this.cards.listForCustomersAsAdmin(ids, db);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      createdAt: new Date(r.created_at).toISOString(),
      accounts: accounts.get(r.id) ?? [],
      cards: cards.get(r.id) ?? [],
    }));
  }
}
