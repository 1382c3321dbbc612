import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { inTransaction, queryRows } from '../src/database/transaction';
import { currentEngine } from './support/test-database';

/**
 * PGlite has a single session. Through its socket, concurrent transactions must queue and
 * never interleave, and concurrent parameterized queries must never mix their messages.
 */
const describeOnPglite = currentEngine() === 'pglite' ? describe : describe.skip;

describeOnPglite('the embedded engine', () => {
  let dir: string;
  let engine: EmbeddedPostgres;
  let source: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atm-embedded-'));
    engine = await EmbeddedPostgres.start({
      dataDir: join(dir, 'pglite'),
      runDir: join(dir, 'run'),
    });
    source = new DataSource(
      buildDataSourceOptions(engine.target, { poolSize: 10, applicationName: 'test' }),
    );
    await source.initialize();
    await source.query(`CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)`);
    await source.query(`INSERT INTO counter VALUES (1, 0)`);
  });

  afterAll(async () => {
    await source.destroy();
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs 20 concurrent read-then-increment transactions as if one after another', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        inTransaction(source, async (db) => {
          const [row] = await queryRows<{ value: number }>(
            db,
            `SELECT value FROM counter WHERE id = $1 FOR UPDATE`,
            [1],
          );
          await new Promise((resolve) => setImmediate(resolve));
          await db.query(`UPDATE counter SET value = $2 WHERE id = $1`, [1, (row?.value ?? 0) + 1]);
        }),
      ),
    );
    const [row] = await queryRows<{ value: number }>(
      source,
      `SELECT value FROM counter WHERE id = 1`,
    );
    expect(row?.value).toBe(20);
  });

  it('keeps a write outside a transaction when a concurrent transaction rolls back', async () => {
    const rollback = inTransaction(source, async (db) => {
      await db.query(`UPDATE counter SET value = value + 100 WHERE id = $1`, [1]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('roll back');
    }).catch(() => 'rolled back');
    const outside = source.query(`UPDATE counter SET value = value + 1 WHERE id = $1`, [1]);
    await Promise.all([rollback, outside]);
    const [row] = await queryRows<{ value: number }>(
      source,
      `SELECT value FROM counter WHERE id = 1`,
    );
    expect(row?.value).toBe(21);
  });

  it('never mixes concurrent parameterized queries', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        queryRows<{ echo: number }>(source, `SELECT $1::int AS echo`, [i]),
      ),
    );
    expect(results.map((rows) => rows[0]?.echo)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('never lets a second opener take a directory that is in use', async () => {
    await expect(
      EmbeddedPostgres.start({ dataDir: join(dir, 'pglite'), runDir: join(dir, 'run2') }),
    ).rejects.toThrow(/is in use by process/);
    // Other processes are pointed at the socket instead (this one owns the server).
    expect(EmbeddedPostgres.findRunning(join(dir, 'pglite'))).toBeUndefined();
  });
});
