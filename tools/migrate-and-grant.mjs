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

if (!/^[a-z_][a-z0-9_]{0,62}$/.test(appUser)) {
  process.stderr.write('APP_DATABASE_USER must be a plain lower-case identifier\n');
  process.exit(2);
}

const ownerUrl = `postgres://${encodeURIComponent(owner)}:${encodeURIComponent(ownerPassword)}@${host}:${port}/${encodeURIComponent(database)}?sslmode=${sslmode}`;

// 1. The migrations, as the owner (the compiled migrate entry point of the same image).
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const migrate = spawnSync(
  process.execPath,
  [join(root, 'dist/apps/api/apps/api/src/migrate.js'), ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, DATABASE_URL: ownerUrl } },
);
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

// 2. The application's role: data only (no DDL), and the audit trail append-only.
const client = new pg.Client({ connectionString: ownerUrl });
await client.connect();
try {
  const role = client.escapeIdentifier(appUser);
  const password = client.escapeLiteral(appPassword);
  await client.query('BEGIN');
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [appUser]);
  await client.query(
    `${exists.rowCount === 0 ? 'CREATE' : 'ALTER'} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${password}`,
  );
  await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(database)} TO ${role}`);
  await client.query(`REVOKE CREATE ON SCHEMA public FROM ${role}`);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await client.query(
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
  );
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  // Tables a later migration adds are covered before this script runs again.
  await client.query(
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
  );
  await client.query(
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
  );
  // The audit trail is append-only for the application.
  await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${role}`);
  await client.query('COMMIT');
  process.stdout.write(`Role ${appUser}: data access granted, audit_events append-only\n`);
} catch (error) {
  await client.query('ROLLBACK').catch(() => undefined);
  process.stderr.write(
    `Granting ${appUser} failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
} finally {
  await client.end();
}
