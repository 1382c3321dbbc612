import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { WORKSPACE_ROOT, childEnv } from './support/entry-points';
import { PrivatePostgres } from './support/private-services';
import { createTestDatabase, currentEngine, type TestDatabase } from './support/test-database';

const run = promisify(execFile);
const describeOnPostgres = currentEngine() === 'postgres' ? describe : describe.skip;

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * `npm run bench`'s own steps, small: the PostgreSQL preparation on a server that has
 * never seen the atm role, and the synthetic seed through the product's services.
 */
describeOnPostgres('npm run bench, its setup steps', () => {
  const isRoot = process.getuid?.() === 0;
  const itAsRoot = isRoot ? it : it.skip;

  itAsRoot('creates the atm role on a fresh local server, the way npm test does', async () => {
    const cluster = await PrivatePostgres.start();
    try {
      const benchUrl = `postgres://atm:atm@127.0.0.1:${cluster.port}/postgres`;
      await expect(query(benchUrl, 'SELECT 1')).rejects.toThrow(/role "atm" does not exist/);
      // The private cluster's socket lives in its own directory, not the default one.
      await run(process.execPath, ['bench/prepare-postgres.mjs'], {
        cwd: WORKSPACE_ROOT,
        env: childEnv({ BENCH_DATABASE_ADMIN_URL: benchUrl, PGHOST: cluster.dir }),
      });
      const [role] = await query<{ rolcreatedb: boolean }>(
        benchUrl,
        "SELECT rolcreatedb FROM pg_roles WHERE rolname = 'atm'",
      );
      expect(role).toEqual({ rolcreatedb: true });
    } finally {
      cluster.destroy();
    }
  });

  describe('the seed step on a tiny size', () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase('postgres');
    });
    afterAll(async () => {
      await database.drop();
    });

    it('makes customers with two funded accounts and a card each, overdraft customers, and the note stock', async () => {
      const buildDir = process.env.ATM_TEST_BUILD_DIR;
      if (!buildDir)
        throw new Error('ATM_TEST_BUILD_DIR is unset: run through the root jest config');
      const url = database.url as string;
      const { stdout } = await run(process.execPath, ['bench/seed-synthetic.cjs', '3', '2'], {
        cwd: WORKSPACE_ROOT,
        env: childEnv({ DATABASE_URL: url, ATM_API_BUILD_DIR: buildDir, NODE_ENV: 'development' }),
        maxBuffer: 16 * 1024 * 1024,
      });
      const bank = JSON.parse(stdout) as Array<{
        cardNumber: string;
        pin: string;
        accounts: Array<{ id: string; number: string }>;
        overdraft?: boolean;
      }>;
      expect(bank).toHaveLength(5);
      expect(bank.filter((card) => card.overdraft)).toHaveLength(2);
      for (const card of bank) {
        expect(card.cardNumber).toMatch(/^\d{16}$/);
        expect(card.pin).toMatch(/^\d{4}$/);
        expect(card.accounts).toHaveLength(2);
      }
      const [counts] = await query<Record<string, string>>(
        url,
        `SELECT (SELECT count(*) FROM customers) AS customers,
                (SELECT count(*) FROM cards) AS cards,
                (SELECT count(*) FROM accounts WHERE kind = 'CUSTOMER') AS accounts,
                (SELECT sum(balance_cents) FROM accounts WHERE kind = 'CUSTOMER') AS cents`,
      );
      // Overdraft customers' checking accounts open at $0.00, linked to their savings.
      expect(counts).toEqual({ customers: '5', cards: '5', accounts: '10', cents: '800000000' });
      const links = await query<{ checking: string; savings: string }>(
        url,
        `SELECT c.number AS checking, s.number AS savings FROM accounts c
           JOIN accounts s ON s.id = c.overdraft_from_account_id ORDER BY c.number`,
      );
      expect(links).toEqual(
        bank
          .filter((card) => card.overdraft)
          .map((card) => ({
            checking: card.accounts[0]?.number,
            savings: card.accounts[1]?.number,
          }))
          .sort((a, b) => String(a.checking).localeCompare(String(b.checking))),
      );
      const [twenties] = await query<{ notes: string }>(
        url,
        'SELECT sum(note_count) AS notes FROM note_cassettes WHERE denomination_cents = 2000',
      );
      // The seed loads enough $20 notes for every withdrawal of the closed and open loops,
      // the overdraft scenario's included.
      expect(twenties).toEqual({ notes: '1000000' });
    });
  });
});
