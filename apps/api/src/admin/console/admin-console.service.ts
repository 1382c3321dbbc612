import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type AdminCustomer, type AdminDashboard } from '@atm/contracts';
import { AccountsService } from '../../accounts';
import { AuditService } from '../../audit';
import { CardsService } from '../../auth';
import {
  BusinessCalendar,
  type AdminActor,
  Clock,
  DomainError,
  validationFailed,
} from '../../common';
import { type Queryable, queryRows } from '../../database';
import { CashService } from '../../transactions';

interface CustomerRow {
  id: string;
  name: string;
  email: string | null;
  created_at: string | Date;
}

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
 * page (audited as CUSTOMER_VIEWED). Accounts and cards come from their own services.
 */
@Injectable()
export class AdminConsoleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly calendar: BusinessCalendar,
    private readonly cards: CardsService,
    private readonly cash: CashService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async dashboard(): Promise<AdminDashboard> {
    const now = this.clock.now();
    const today = this.calendar.dayBounds(this.calendar.dayOf(now));
    const [row] = await queryRows<Record<string, string>>(
      this.dataSource,
      `SELECT
         (SELECT count(*) FROM customers) AS customers,
         (SELECT count(*) FROM accounts WHERE kind = 'CUSTOMER') AS accounts,
         (SELECT count(*) FROM cards WHERE status = 'ACTIVE' AND (locked_until IS NULL OR locked_until <= $1)) AS cards_active,
         (SELECT count(*) FROM cards WHERE status = 'ACTIVE' AND locked_until > $1) AS cards_locked,
         (SELECT count(*) FROM cards WHERE status = 'BLOCKED') AS cards_blocked,
         (SELECT count(*) FROM ledger_transactions WHERE type = 'WITHDRAWAL' AND reverses_transaction_id IS NULL AND created_at >= $2 AND created_at < $3) AS withdrawals,
         (SELECT count(*) FROM ledger_transactions WHERE type = 'DEPOSIT' AND reverses_transaction_id IS NULL AND created_at >= $2 AND created_at < $3) AS deposits,
         (SELECT count(*) FROM ledger_transactions WHERE type = 'TRANSFER' AND reverses_transaction_id IS NULL AND created_at >= $2 AND created_at < $3) AS transfers,
         (SELECT count(*) FROM audit_events WHERE type = 'LOGIN' AND outcome <> 'SUCCESS' AND occurred_at >= $2 AND occurred_at < $3) AS failed_sign_ins,
         (SELECT count(*) FROM statements WHERE status IN ('PENDING', 'PROCESSING')) AS statements_pending,
         (SELECT count(*) FROM statements WHERE status = 'FAILED') AS statements_failed`,
      [now, today.start, today.end],
    );
    const n = (key: string) => Number(row?.[key] ?? 0);
    const stock = await this.cash.stock();
    return {
      customers: n('customers'),
      accounts: n('accounts'),
      cards: { active: n('cards_active'), locked: n('cards_locked'), blocked: n('cards_blocked') },
      cash: stock.notes.map((note) => ({
        denominationCents: note.denominationCents,
        count: note.count,
      })),
      today: {
        withdrawals: n('withdrawals'),
        deposits: n('deposits'),
        transfers: n('transfers'),
        failedSignIns: n('failed_sign_ins'),
      },
      statements: { pending: n('statements_pending'), failed: n('statements_failed') },
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
    const rows = await queryRows<CustomerRow>(
      this.dataSource,
      `SELECT c.id, c.name, c.email, c.created_at FROM customers c
        WHERE ($1::text IS NULL
               OR c.name ILIKE $1 ESCAPE '\\'
               OR c.email ILIKE $1 ESCAPE '\\'
               OR ($2::text IS NOT NULL AND EXISTS (
                     SELECT 1 FROM accounts a WHERE a.customer_id = c.id AND a.kind = 'CUSTOMER' AND a.number LIKE $2 ESCAPE '\\'))
               OR ($3::text IS NOT NULL AND EXISTS (
                     SELECT 1 FROM cards k WHERE k.customer_id = c.id AND k.last4 = $3)))
          AND ($4::text IS NULL OR (c.name, c.id) > ($4::text, $5::uuid))
        ORDER BY c.name, c.id
        LIMIT $6`,
      [
        query === '' ? null : likePattern(query),
        /^\d{1,12}$/.test(digits) ? likePattern(digits) : null,
        /^\d{4}$/.test(digits) ? digits : null,
        after?.name ?? null,
        after?.id ?? null,
        page.limit + 1,
      ],
    );
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
    const rows = await queryRows<CustomerRow>(
      this.dataSource,
      `SELECT id, name, email, created_at FROM customers WHERE id = $1`,
      [customerId],
    );
    const [customer] = await this.describe(rows);
    if (!customer) throw new DomainError('NOT_FOUND', 'No customer has that id');
    await this.audit.record({
      type: 'CUSTOMER_VIEWED',
      outcome: 'SUCCESS',
      actorType: 'ADMIN',
      actor: actor.actor,
      customerId,
    });
    return customer;
  }

  /** A customer as the console shows one, right after creating it (no view is audited). */
  async customerById(customerId: string, db: Queryable = this.dataSource): Promise<AdminCustomer> {
    const rows = await queryRows<CustomerRow>(
      db,
      `SELECT id, name, email, created_at FROM customers WHERE id = $1`,
      [customerId],
    );
    const [customer] = await this.describe(rows, db);
    if (!customer) throw new DomainError('NOT_FOUND', 'No customer has that id');
    return customer;
  }

  private async describe(
    rows: CustomerRow[],
    db: Queryable = this.dataSource,
  ): Promise<AdminCustomer[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const accounts = await this.accounts.listForCustomers(ids, db);
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
