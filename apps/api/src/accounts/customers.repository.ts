import { Injectable } from '@nestjs/common';
import { type Queryable, queryRows } from '../database';

export interface CustomerRow {
  id: string;
  name: string;
  email: string | null;
}

/** A customer with the time they became one (the admin console's lists). */
export interface CustomerProfileRow extends CustomerRow {
  created_at: string | Date;
}

/**
 * The statements on the `customers` table: the bank's customers, whose accounts this
 * module keeps. Each takes the caller's transaction or data source.
 */
@Injectable()
export class CustomersRepository {
  async insert(
    db: Queryable,
    customer: { name: string; email: string | null; createdAt: Date },
  ): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      db,
      `INSERT INTO customers (name, email, created_at) VALUES ($1, $2, $3) RETURNING id`,
      [customer.name, customer.email, customer.createdAt],
    );
    return row.id;
  }

  async exists(db: Queryable, customerId: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(db, `SELECT id FROM customers WHERE id = $1`, [
      customerId,
    ]);
    return rows.length > 0;
  }

  /** The id of the customer with exactly this name and email (the demo data's key). */
  async idByNameAndEmail(db: Queryable, name: string, email: string): Promise<string | undefined> {
    const [row] = await queryRows<{ id: string }>(
      db,
      `SELECT id FROM customers WHERE name = $1 AND email = $2`,
      [name, email],
    );
    return row?.id;
  }

  /** Every customer, oldest first. */
  list(db: Queryable): Promise<CustomerRow[]> {
    return queryRows<CustomerRow>(
      db,
      `SELECT id, name, email FROM customers ORDER BY created_at, name`,
    );
  }

  /**
   * The names of these customers and the numbers of these accounts, by id, in one round
   * trip (what the audit log shows for the ids its events name); unknown ids are left out.
   */
  async namesAndNumbers(
    db: Queryable,
    ids: { customerIds: readonly string[]; accountIds: readonly string[] },
  ): Promise<{ customerNames: Map<string, string>; accountNumbers: Map<string, string> }> {
    const customerNames = new Map<string, string>();
    const accountNumbers = new Map<string, string>();
    if (ids.customerIds.length + ids.accountIds.length > 0) {
      const rows = await queryRows<{ kind: 'customer' | 'account'; id: string; label: string }>(
        db,
        `SELECT 'customer' AS kind, id, name AS label FROM customers WHERE id = ANY($1::uuid[])
         UNION ALL
         SELECT 'account' AS kind, id, number AS label FROM accounts WHERE id = ANY($2::uuid[])`,
        [ids.customerIds, ids.accountIds],
      );
      for (const row of rows)
        (row.kind === 'customer' ? customerNames : accountNumbers).set(row.id, row.label);
    }
    return { customerNames, accountNumbers };
  }

  async count(db: Queryable): Promise<number> {
    const [row] = await queryRows<{ count: string }>(db, `SELECT count(*) AS count FROM customers`);
    return Number(row?.count ?? 0);
  }

  /** The name, number and type a statement of this account is printed for. */
  async statementHolder(
    db: Queryable,
    accountId: string,
  ): Promise<{ name: string; number: string; type: 'CHECKING' | 'SAVINGS' } | undefined> {
    const [holder] = await queryRows<{
      name: string;
      number: string;
      type: 'CHECKING' | 'SAVINGS';
    }>(
      db,
      `SELECT c.name, a.number, a.type
         FROM accounts a JOIN customers c ON c.id = a.customer_id
        WHERE a.id = $1`,
      [accountId],
    );
    return holder;
  }

  /**
   * Customers whose name or e-mail matches `pattern` (an escaped ILIKE pattern), or who hold
   * a customer account whose number matches `numberPattern`, or whose id is in
   * `cardHolderIds` (the auth module's answer for a card's last four); by name, then id,
   * after the cursor's (name, id).
   */
  search(
    db: Queryable,
    filter: {
      pattern: string | null;
      numberPattern: string | null;
      cardHolderIds: string[] | null;
      after: { name: string; id: string } | null;
      limit: number;
    },
  ): Promise<CustomerProfileRow[]> {
    return queryRows<CustomerProfileRow>(
      db,
      `SELECT c.id, c.name, c.email, c.created_at FROM customers c
        WHERE ($1::text IS NULL
               OR c.name ILIKE $1 ESCAPE '\\'
               OR c.email ILIKE $1 ESCAPE '\\'
               OR ($2::text IS NOT NULL AND EXISTS (
                     SELECT 1 FROM accounts a WHERE a.customer_id = c.id AND a.kind = 'CUSTOMER' AND a.number LIKE $2 ESCAPE '\\'))
               OR ($3::uuid[] IS NOT NULL AND c.id = ANY($3::uuid[])))
          AND ($4::text IS NULL OR (c.name, c.id) > ($4::text, $5::uuid))
        ORDER BY c.name, c.id
        LIMIT $6`,
      [
        filter.pattern,
        filter.numberPattern,
        filter.cardHolderIds,
        filter.after?.name ?? null,
        filter.after?.id ?? null,
        filter.limit,
      ],
    );
  }

  /** One customer as the admin console shows one (no row when there is none). */
  findProfile(db: Queryable, customerId: string): Promise<CustomerProfileRow[]> {
    return queryRows<CustomerProfileRow>(
      db,
      `SELECT id, name, email, created_at FROM customers WHERE id = $1`,
      [customerId],
    );
  }
}
