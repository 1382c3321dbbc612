import { Client } from 'pg';
import { openDatabase, runMigrations } from '../src/database/database-runtime';
import { loadConfig } from '../src/config/app-config';
import { grantAppDatabaseRole } from '../src/database/app-database-role';
import { PrivatePostgres } from './support/private-services';

// Roles are cluster-wide, so this runs on a private PostgreSQL cluster (whose superuser
// plays RDS's owner), once: PGlite has no roles to speak of.
const onPostgres = globalThis.TEST_DB_ENGINE === 'postgres' ? describe : describe.skip;

onPostgres('the application database role (run by tools/migrate-and-grant.mjs)', () => {
  let cluster: PrivatePostgres;
  const database = 'atm_roles';
  const ownerUrl = () => `postgres://postgres@127.0.0.1:${cluster.port}/${database}`;
  const appClient = async () => {
    const client = new Client({
      connectionString: `postgres://atm_app:app-password@127.0.0.1:${cluster.port}/${database}`,
    });
    await client.connect();
    return client;
  };

  beforeAll(async () => {
    cluster = await PrivatePostgres.start();
    const admin = new Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const db = await openDatabase(loadConfig({ DATABASE_URL: ownerUrl() }), 'tool');
    try {
      await runMigrations(db.target);
    } finally {
      await db.close();
    }
  });

  afterAll(() => cluster?.destroy());

  it('can read and write data, never change the schema, and only append to the audit trail; twice is fine', async () => {
    const owner = new Client({ connectionString: ownerUrl() });
    await owner.connect();
    try {
      const role = { database, user: 'atm_app', password: 'app-password' };
      await grantAppDatabaseRole(owner, role);
      // Every deploy runs it again (a new password after a rotation, new tables).
      await grantAppDatabaseRole(owner, { ...role, password: 'rotated-password' });
      const attributes = await owner.query(
        "SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = 'atm_app'",
      );
      expect(attributes.rows).toEqual([
        { rolsuper: false, rolcreaterole: false, rolcreatedb: false },
      ]);
    } finally {
      await owner.end();
    }

    const app = await appClient();
    try {
      await expect(app.query('SELECT count(*) FROM customers')).resolves.toBeDefined();
      const columns = await app.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'audit_events' AND is_nullable = 'NO' AND column_default IS NULL",
      );
      expect(columns.rows.length).toBeGreaterThan(0);
      await expect(app.query('CREATE TABLE sneaky (id int)')).rejects.toThrow(/permission denied/);
      await expect(app.query('DROP TABLE customers')).rejects.toThrow(/must be owner/);
      await expect(app.query('UPDATE audit_events SET id = id')).rejects.toThrow(
        /permission denied/,
      );
      await expect(app.query('DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
      await expect(app.query('TRUNCATE audit_events')).rejects.toThrow(/permission denied/);
      const privileges = await app.query(
        "SELECT has_table_privilege('atm_app', 'audit_events', 'INSERT') AS insert, has_table_privilege('atm_app', 'accounts', 'UPDATE') AS update",
      );
      expect(privileges.rows).toEqual([{ insert: true, update: true }]);
    } finally {
      await app.end();
    }
  });
});
