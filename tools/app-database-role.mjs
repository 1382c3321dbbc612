// The application's database role: data only (SELECT, INSERT, UPDATE, DELETE; no DDL), the
// audit trail append-only. Run by the owner after the migrations (tools/migrate-and-grant.mjs),
// at every deploy: creating it the first time, updating its password and grants after.

/**
 * @param {import('pg').Client} client connected as the owner of the schema's tables
 * @param {{ database: string, user: string, password: string }} role
 */
export async function grantAppDatabaseRole(client, { database, user, password }) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(user)) {
    throw new Error('the application role must be a plain lower-case identifier');
  }
  const role = client.escapeIdentifier(user);
  await client.query('BEGIN');
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
    await client.query(
      `${exists.rowCount === 0 ? 'CREATE' : 'ALTER'} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${client.escapeLiteral(password)}`,
    );
    await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(database)} TO ${role}`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC, ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    );
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    // Tables a later migration adds are usable before this runs again.
    await client.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    );
    await client.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
    );
    // Nobody with the application's credentials can rewrite or erase what happened.
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${role}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
