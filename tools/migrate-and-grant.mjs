// The migrate task of a deployment (infra/terraform/modules/ecs): runs the migrations as
// the database owner (RDS's managed secret), then creates or updates the application's
// role, which the API and the worker connect as. Idempotent: every deploy runs it.
//
// Roles belong to the whole cluster, so this is not a schema migration (the tests and the
// embedded PGlite run those): it is the one place the application role is defined.
//
//   DATABASE_HOST, DATABASE_PORT, DATABASE_NAME       where
//   DATABASE_OWNER_USER, DATABASE_OWNER_PASSWORD      the owner (migrations, grants)
//   APP_DATABASE_USER, APP_DATABASE_PASSWORD          the role to create or update
//   DATABASE_SSLMODE                                   verify-full unless set (local tests)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';

const required = (name) => {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`${name} must be set\n`);
    process.exit(2);
  }
  return value;
};

const host = required('DATABASE_HOST');
const port = process.env.DATABASE_PORT ?? '5432';
const database = required('DATABASE_NAME');
const owner = required('DATABASE_OWNER_USER');
const ownerPassword = required('DATABASE_OWNER_PASSWORD');
const appUser = required('APP_DATABASE_USER');
const appPassword = required('APP_DATABASE_PASSWORD');
const sslmode = process.env.DATABASE_SSLMODE ?? 'verify-full';

const ownerUrl = `postgres://${encodeURIComponent(owner)}:${encodeURIComponent(ownerPassword)}@${host}:${port}/${encodeURIComponent(database)}?sslmode=${sslmode}`;

// 1. The migrations, as the owner (the compiled migrate entry point of the same image).
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const migrate = spawnSync(
  process.execPath,
  [join(root, 'dist/apps/api/apps/api/src/migrate.js'), ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, DATABASE_URL: ownerUrl } },
);
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

// 2. The application's role (apps/api/src/database/app-database-role.ts, compiled).
const { grantAppDatabaseRole } = createRequire(import.meta.url)(
  join(root, 'dist/apps/api/apps/api/src/database/app-database-role.js'),
);
// The application's role: data only (no DDL), and the audit trail append-only.
const client = new pg.Client({ connectionString: ownerUrl });
await client.connect();
try {
  await grantAppDatabaseRole(client, { database, user: appUser, password: appPassword });
  process.stdout.write(`Role ${appUser}: data access granted, audit_events append-only\n`);
} catch (error) {
  process.stderr.write(
    `Granting ${appUser} failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
} finally {
  await client.end();
}
