import { type Client } from 'pg';

export interface AppDatabaseRole {
  database: string;
  user: string;
  password: string;
}

/**
 * The application's database role in production: data only (SELECT, INSERT, UPDATE,
 * DELETE; no DDL), the audit trail append-only. The owner runs this after the migrations,
 * at every deploy (tools/migrate-and-grant.mjs in the migrate task): it creates the role
 * the first time and updates its password and grants after. Roles belong to the whole
 * cluster, so this is not a schema migration (the tests and PGlite run those).
 */
export async function grantAppDatabaseRole(client: Client, role: AppDatabaseRole): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role.user)) {
    throw new Error('the application role must be a plain lower-case identifier');
  }
  const name = client.escapeIdentifier(role.user);
  await client.query('BEGIN');
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.user]);
    await client.query(
      `${exists.rowCount === 0 ? 'CREATE' : 'ALTER'} ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${client.escapeLiteral(role.password)}`,
    );
    await client.query(
      `GRANT CONNECT ON DATABASE ${client.escapeIdentifier(role.database)} TO ${name}`,
    );
    await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC, ${name}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${name}`);
    await client.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`,
    );
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`);
    // Tables a later migration adds are usable before this runs again.
    await client.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${name}`,
    );
    await client.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${name}`,
    );
    // Nobody with the application's credentials can rewrite or erase what happened.
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${name}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
