import { Injectable } from '@nestjs/common';
import { type Queryable, queryRows } from '../database';

export interface CustomerRow {
  id: string;
  name: string;
  email: string | null;
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

  async count(db: Queryable): Promise<number> {
    const [row] = await queryRows<{ count: string }>(db, `SELECT count(*) AS count FROM customers`);
    return Number(row?.count ?? 0);
  }
}
