import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { type DatabaseTarget } from '../../src/database/data-source-options';
import { runMigrations } from '../../src/database/database-runtime';
import { EmbeddedPostgres } from '../../src/database/embedded-postgres';

declare global {
  // Set per jest project (api-db:pglite, api-db:postgres).
  var TEST_DB_ENGINE: 'pglite' | 'postgres' | undefined;
}

export type Engine = 'pglite' | 'postgres';

export interface TestDatabase {
  engine: Engine;
  target: DatabaseTarget;
  /** A plain pg client for assertions by SQL, outside the app. */
  url?: string;
  drop(): Promise<void>;
}

export function currentEngine(): Engine {
  return (
    globalThis.TEST_DB_ENGINE ?? (process.env.TEST_DB_ENGINE as Engine | undefined) ?? 'pglite'
  );
}

/** A role with a password works whether loopback uses trust or scram. */
export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://atm:atm@127.0.0.1:5432/postgres';
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite behind its socket, or
 * a new database on the shared PostgreSQL, dropped afterwards. `migrated: false` leaves it
 * empty, as a new server's database is before `npm run migrate`.
 */
export async function createTestDatabase(
  engine: Engine = currentEngine(),
  options: { migrated: boolean } = { migrated: true },
): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const runDir = mkdtempSync(join(tmpdir(), 'atm-pglite-'));
    const embedded = await EmbeddedPostgres.start({ runDir });
    if (options.migrated) await runMigrations(embedded.target);
    return {
      engine,
      target: embedded.target,
      drop: async () => {
        await embedded.stop();
        rmSync(runDir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = adminDatabaseUrl();
  const name = `atm_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target = { url: url.toString() };
  if (options.migrated) await runMigrations(target);
  return {
    engine,
    target,
    url: target.url,
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
