import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { isLanguage, type Language, type Statement, type StatementStatus } from '@atm/contracts';
import { execute, type Queryable, queryRows } from '../database';

interface StatementRow {
  id: string;
  account_id: string;
  customer_id: string;
  from_date: string;
  to_date: string;
  status: StatementStatus;
  page_count: number | null;
  storage_key: string | null;
  created_at: string | Date;
  completed_at: string | Date | null;
}

export interface StoredStatement extends Statement {
  customerId: string;
  storageKey: string | null;
}

/** A statement claimed by one run of its job. */
export interface ClaimedStatement {
  id: string;
  accountId: string;
  customerId: string;
  from: string;
  to: string;
  attempts: number;
  /** The file an earlier, unfinished run chose (it may exist if that run died after writing). */
  previousKey: string | null;
  /** The language the statement is written in. */
  language: Language;
}

// Dates as text: node-pg would turn a `date` into a JS Date at local midnight.
const columns = (t: string) =>
  `${t}.id, ${t}.account_id, ${t}.customer_id, ${t}.from_date::text AS from_date,
   ${t}.to_date::text AS to_date, ${t}.status, ${t}.page_count, ${t}.storage_key,
   ${t}.created_at, ${t}.completed_at`;

/** The columns every read of a statement maps alike: whose it is and its period. */
type StatementIdentityRow = Pick<
  StatementRow,
  'id' | 'account_id' | 'customer_id' | 'from_date' | 'to_date'
>;

function identityOf(
  row: StatementIdentityRow,
): Pick<ClaimedStatement, 'id' | 'accountId' | 'customerId' | 'from' | 'to'> {
  return {
    id: row.id,
    accountId: row.account_id,
    customerId: row.customer_id,
    from: row.from_date,
    to: row.to_date,
  };
}

function toStatement(row: StatementRow): StoredStatement {
  return {
    ...identityOf(row),
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    ...(row.completed_at ? { completedAt: new Date(row.completed_at).toISOString() } : {}),
    ...(row.page_count !== null ? { pageCount: row.page_count } : {}),
    storageKey: row.storage_key,
  };
}

/** Public view: no customer id, no storage key. */
export function publicStatement(statement: StoredStatement): Statement {
  const { customerId: _customerId, storageKey: _storageKey, ...visible } = statement;
  return visible;
}

/**
 * The `statements` table: PostgreSQL is the source of truth for a statement's state; the
 * queue only ever carries its id. Every state change is a guarded UPDATE, so the order in
 * which retries, recoveries and sweeps run cannot break the life cycle
 * PENDING → PROCESSING → READY | FAILED.
 */
@Injectable()
export class StatementStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    db: Queryable,
    request: {
      accountId: string;
      customerId: string;
      from: string;
      to: string;
      at: Date;
      language: Language;
    },
  ): Promise<StoredStatement> {
    const [row] = await queryRows<StatementRow>(
      db,
      `INSERT INTO statements (account_id, customer_id, from_date, to_date, status, created_at, language)
       VALUES ($1, $2, $3, $4, 'PENDING', $5, $6)
       RETURNING ${columns('statements')}`,
      [
        request.accountId,
        request.customerId,
        request.from,
        request.to,
        request.at,
        request.language,
      ],
    );
    if (!row) throw new Error('the statement was not written');
    return toStatement(row);
  }

  async countUnfinished(db: Queryable, accountId: string): Promise<number> {
    const [row] = await queryRows<{ count: string }>(
      db,
      `SELECT count(*)::text AS count FROM statements
        WHERE account_id = $1 AND status IN ('PENDING', 'PROCESSING')`,
      [accountId],
    );
    return Number(row?.count ?? 0);
  }

  /** Statements finished (READY or FAILED) before `cutoff`, oldest first, with their files. */
  async completedBefore(
    cutoff: Date,
    limit: number,
  ): Promise<Array<{ id: string; storageKey: string | null }>> {
    const rows = await queryRows<{ id: string; storage_key: string | null }>(
      this.dataSource,
      `SELECT id, storage_key FROM statements
        WHERE status IN ('READY', 'FAILED') AND completed_at < $1
        ORDER BY completed_at LIMIT $2`,
      [cutoff, limit],
    );
    return rows.map((row) => ({ id: row.id, storageKey: row.storage_key }));
  }

  /** Deletes finished statements by id (a statement being made again is left alone). */
  async deleteFinished(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return execute(
      this.dataSource,
      `DELETE FROM statements WHERE id = ANY($1::uuid[]) AND status IN ('READY', 'FAILED')`,
      [ids],
    );
  }

  /**
   * Another customer's statement is not found, exactly like one that does not exist. The
   * join on `accounts` (the accounts module's table) only reads the number printed in the
   * file's name: one statement rather than a second round trip to that module.
   */
  async findForCustomer(
    id: string,
    customerId: string,
  ): Promise<(StoredStatement & { accountNumber: string }) | undefined> {
    const [row] = await queryRows<StatementRow & { account_number: string }>(
      this.dataSource,
      `SELECT ${columns('s')}, a.number AS account_number
         FROM statements s JOIN accounts a ON a.id = s.account_id
        WHERE s.id = $1 AND s.customer_id = $2`,
      [id, customerId],
    );
    return row ? { ...toStatement(row), accountNumber: row.account_number } : undefined;
  }

  /**
   * Records that a job was put on the queue, whatever the statement's status by now: a
   * worker may take the job and finish it before the API gets here, and the job was enqueued
   * all the same (only recording it while PENDING left such rows without the fact).
   */
  async markEnqueued(id: string, at: Date): Promise<void> {
    await execute(this.dataSource, `UPDATE statements SET enqueued_at = $2 WHERE id = $1`, [
      id,
      at,
    ]);
  }

  /**
   * Takes the statement for one run: PENDING, or PROCESSING left by a run that died or
   * stalled. The new token supersedes the old run's, which can then no longer finish.
   * Answers undefined when the statement is finished (READY or FAILED) or unknown.
   */
  async claim(
    id: string,
    run: { token: string; storageKey: string; at: Date },
  ): Promise<ClaimedStatement | undefined> {
    const [row] = await queryRows<
      StatementIdentityRow & { attempts: number; previous_key: string | null; language: string }
    >(
      this.dataSource,
      `WITH previous AS (
         SELECT id, storage_key FROM statements
          WHERE id = $1 AND status IN ('PENDING', 'PROCESSING')
          FOR UPDATE
       )
       UPDATE statements s
          SET status = 'PROCESSING', attempts = s.attempts + 1, started_at = $4,
              claim_token = $2, storage_key = $3, failure_reason = NULL
         FROM previous
        WHERE s.id = previous.id
       RETURNING s.id, s.account_id, s.customer_id, s.from_date::text AS from_date,
                 s.to_date::text AS to_date, s.attempts, previous.storage_key AS previous_key,
                 s.language`,
      [id, run.token, run.storageKey, run.at],
    );
    if (!row) return undefined;
    return {
      ...identityOf(row),
      attempts: Number(row.attempts),
      previousKey: row.previous_key,
      language: isLanguage(row.language) ? row.language : 'en',
    };
  }

  /** READY exactly once: only the run that holds the latest claim gets here. */
  async markReady(
    db: Queryable,
    id: string,
    token: string,
    result: { pageCount: number; at: Date },
  ): Promise<boolean> {
    const touched = await execute(
      db,
      `UPDATE statements
          SET status = 'READY', page_count = $3, completed_at = $4, claim_token = NULL
        WHERE id = $1 AND claim_token = $2 AND status = 'PROCESSING'`,
      [id, token, result.pageCount, result.at],
    );
    return touched === 1;
  }

  /** Back to PENDING until the next attempt (still owned by this run's claim). */
  async releaseForRetry(id: string, token: string, reason: string): Promise<boolean> {
    const touched = await execute(
      this.dataSource,
      `UPDATE statements SET status = 'PENDING', failure_reason = $3
        WHERE id = $1 AND claim_token = $2 AND status = 'PROCESSING'`,
      [id, token, reason],
    );
    return touched === 1;
  }

  /**
   * FAILED with the reason kept in the row (never in a response). With a token, only that
   * run's claim may fail it; without one (a job the queue gave up on), any unfinished row.
   * Answers whose statement it was, or undefined when nothing changed.
   */
  async markFailed(
    db: Queryable,
    id: string,
    token: string | null,
    failure: { reason: string; at: Date },
  ): Promise<{ accountId: string; customerId: string } | undefined> {
    const [row] = await queryRows<{ account_id: string; customer_id: string }>(
      db,
      `UPDATE statements
          SET status = 'FAILED', failure_reason = $3, completed_at = $4, claim_token = NULL
        WHERE id = $1 AND status IN ('PENDING', 'PROCESSING')
          AND ($2::uuid IS NULL OR claim_token = $2::uuid)
       RETURNING account_id, customer_id`,
      [id, token, failure.reason.slice(0, 1000), failure.at],
    );
    return row ? { accountId: row.account_id, customerId: row.customer_id } : undefined;
  }

  /** Unfinished statements, oldest first (recovery after a crash, the outbox sweep). */
  async unfinished(limit: number): Promise<Array<{ id: string; status: StatementStatus }>> {
    return queryRows<{ id: string; status: StatementStatus }>(
      this.dataSource,
      `SELECT id, status FROM statements
        WHERE status IN ('PENDING', 'PROCESSING')
        ORDER BY created_at
        LIMIT $1`,
      [limit],
    );
  }

  /** The dashboard's statements: waiting or being made, and failed. */
  async countOutstanding(): Promise<{ pending: number; failed: number }> {
    const [row] = await queryRows<{ pending: string; failed: string }>(
      this.dataSource,
      `SELECT
         (SELECT count(*) FROM statements WHERE status IN ('PENDING', 'PROCESSING')) AS pending,
         (SELECT count(*) FROM statements WHERE status = 'FAILED') AS failed`,
    );
    return { pending: Number(row?.pending ?? 0), failed: Number(row?.failed ?? 0) };
  }
}
