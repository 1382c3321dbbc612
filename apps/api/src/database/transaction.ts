import { type DataSource, type EntityManager } from 'typeorm';
import { isTransientTransactionError, retryOnLockTimeout } from '../common';

export type Queryable = Pick<EntityManager, 'query'>;

const MAX_TRANSIENT_RETRIES = 5;

/**
 * Runs `work` in one database transaction. A serialization failure or deadlock rolls the
 * whole transaction back and runs it again (a bounded number of times) before any answer
 * is given, so a client never sees one. A row lock that waited past lock_timeout runs the
 * transaction again too, a few times (retryOnLockTimeout), before the client is told to retry.
 *
 * Everything inside must use the `EntityManager` it is handed: on the embedded engine, a
 * query through the data source would wait for this very transaction to finish.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: { isolation?: 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE' } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      // Without an explicit level TypeORM sends only BEGIN (PostgreSQL's default is READ
      // COMMITTED); naming one costs an extra round trip per transaction.
      return await retryOnLockTimeout(() =>
        options.isolation
          ? dataSource.transaction(options.isolation, work)
          : dataSource.transaction(work),
      );
    } catch (error) {
      const transient = isTransientTransactionError(error);
      if (!transient || attempt >= MAX_TRANSIENT_RETRIES) throw error;
      // Back off a little, with jitter, so the transactions that collided do not collide again.
      await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt + Math.random() * 10));
    }
  }
}

/**
 * Runs one statement and answers its rows. TypeORM answers `[rows, affectedCount]` for
 * UPDATE and DELETE (even with RETURNING) and plain rows otherwise; this evens that out.
 */
export async function queryRows<T>(
  db: Queryable,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result: unknown = await db.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return (Array.isArray(result) ? result : []) as T[];
}

/** Runs one UPDATE/DELETE/INSERT and answers how many rows it touched. */
export async function execute(db: Queryable, sql: string, params: unknown[] = []): Promise<number> {
  const result: unknown = await db.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') {
    return result[1];
  }
  return Array.isArray(result) ? result.length : 0;
}
