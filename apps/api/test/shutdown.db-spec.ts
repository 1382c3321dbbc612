import { type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startServer, stopProcess } from './support/entry-points';
import { freePort } from './support/private-services';
import { DEMO } from './support/test-app';
import { createTestDatabase, currentEngine, type TestDatabase } from './support/test-database';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SIGTERM (ECS stopping a task) takes one path: stop accepting, let the requests in flight
 * finish, close the queue, the pool and the embedded database, exit 0. A request is held in
 * flight by a transaction of the test's own: on PostgreSQL it holds the card's row (the
 * sign-in's UPDATE waits for it); on PGlite, whose socket runs one transaction at a time,
 * every query of the server waits for it.
 */
describe(`SIGTERM on ${currentEngine()}`, () => {
  const engine = currentEngine();
  let database: TestDatabase | undefined;
  let dataDir: string;
  let env: Record<string, string>;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atm-shutdown-'));
    if (engine === 'postgres') {
      database = await createTestDatabase('postgres');
      env = { DATABASE_URL: database.url as string, DATA_DIR: dataDir };
    } else {
      env = { DATA_DIR: dataDir };
    }
  });

  afterAll(async () => {
    await stopProcess(server, 'SIGKILL');
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function databaseClient(): Client {
    return engine === 'postgres'
      ? new Client({ connectionString: database?.url })
      : new Client({
          host: join(dataDir, 'run'),
          port: 5432,
          user: 'postgres',
          database: 'postgres',
        });
  }

  // A server starts in tens of seconds on a busy machine (migrations, seed, argon2).
  const SERVER_TEST_TIMEOUT_MS = 180_000;

  it(
    'finishes the request in flight, closes the database and exits 0',
    async () => {
      const port = await freePort();
      const child = await startServer(env, port);
      server = child;
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
        (resolve) => child.once('exit', (code, signal) => resolve({ code, signal })),
      );

      const holder = databaseClient();
      await holder.connect();
      let released = false;
      try {
        await holder.query('BEGIN');
        await holder.query(`SELECT id FROM cards WHERE last4 = $1 FOR UPDATE`, [
          DEMO.alice.cardNumber.slice(-4),
        ]);
        const login = fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ cardNumber: DEMO.alice.cardNumber, pin: DEMO.alice.pin }),
        });
        await sleep(1000);
        child.kill('SIGTERM');
        await sleep(700);
        // Still draining: the sign-in waits for the test's transaction.
        expect(child.exitCode).toBeNull();
        expect(child.signalCode).toBeNull();
        // No new connection is accepted meanwhile.
        await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();

        await holder.query('COMMIT');
        released = true;
        const response = await login;
        expect(response.status).toBe(200);
        expect(((await response.json()) as { accessToken?: string }).accessToken).toEqual(
          expect.any(String),
        );
      } finally {
        if (!released) await holder.query('ROLLBACK').catch(() => undefined);
        await holder.end();
      }
      expect(await exited).toEqual({ code: 0, signal: null });

      if (engine === 'pglite') {
        // The embedded database was stopped: its lock is released for the next server.
        expect(existsSync(join(dataDir, 'pglite', 'server.lock'))).toBe(false);
      }
    },
    SERVER_TEST_TIMEOUT_MS,
  );
});
