import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { formatCents } from '@atm/money';
import { ManualClock } from '../src/common/clock';
import { accountByNumber } from './support/accounts';
import { PrivateRedis } from './support/private-services';
import {
  downloadStatement,
  ledgerFacts,
  pdfText,
  requestStatement,
  waitForStatus,
  writeEntries,
} from './support/statement-helpers';
import { WorkerProcess } from './support/statement-worker-process';
import { DEMO, TestApp } from './support/test-app';
import { createTestDatabase, currentEngine, type TestDatabase } from './support/test-database';

/**
 * Statements through BullMQ on a real Redis and PostgreSQL, made by the real worker entry
 * point as a child process. Every suite here has its own redis-server on a random port (it
 * is stopped and restarted) and its own workers (one is killed mid-job).
 */
const describeOnPostgres = currentEngine() === 'postgres' ? describe : describe.skip;

// Monday 2026-11-23, 15:00 in New York.
const TODAY_INSTANT = '2026-11-23T20:00:00Z';
const ZONE = 'America/New_York';
/** A worker taking over a killed worker's job waits for its lock to expire (15 s). */
const TAKEOVER_TIMEOUT_MS = 90_000;

describeOnPostgres('statements through the queue and the worker process', () => {
  let redis: PrivateRedis;
  let database: TestDatabase;
  let outputDir: string;
  let t: TestApp;
  const workers: WorkerProcess[] = [];
  let alice: string;
  let bob: string;

  const startWorker = async (): Promise<WorkerProcess> => {
    const worker = await WorkerProcess.start({
      DATABASE_URL: database.url as string,
      REDIS_URL: redis.url,
      STATEMENT_OUTPUT_DIR: outputDir,
      ATM_TIMEZONE: ZONE,
      STATEMENT_WORKER_CONCURRENCY: '2',
    });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    database = await createTestDatabase('postgres');
    outputDir = mkdtempSync(join(tmpdir(), 'atm-statements-'));
    t = await TestApp.start({
      database,
      clock: new ManualClock(TODAY_INSTANT),
      env: {
        REDIS_URL: redis.url,
        ATM_TIMEZONE: ZONE,
        STATEMENT_OUTPUT_DIR: outputDir,
        SESSION_TIMEOUT_SECONDS: '900',
      },
    });
    alice = (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken;
    bob = (await t.login(DEMO.bob.cardNumber, DEMO.bob.pin)).accessToken;
  });

  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop('SIGKILL');
  });

  afterAll(async () => {
    await t?.close();
    await redis?.stopServer();
    rmSync(outputDir, { recursive: true, force: true });
  });

  it('request → worker → READY → download, 2,000 entries over several pages', async () => {
    const worker = await startWorker();
    const account = await accountByNumber(t, bob, DEMO.bob.checking);
    await writeEntries(t, account.id, 2000, new Date('2026-11-02T12:00:00Z'));

    const response = await requestStatement(t, bob, account.id, {
      from: '2026-11-01',
      to: '2026-11-23',
    });
    expect(response.status).toBe(202);
    const id = response.body.statement.id;
    // The job carries the statement id and nothing personal.
    const [job] = await redisJob(redis, id);
    expect(JSON.parse(job ?? '{}')).toEqual({ statementId: id });

    const ready = await waitForStatus(t, bob, id, 'READY', 60_000);
    const pages = ready.pageCount as number;
    expect(pages).toBeGreaterThan(10);

    const file = await downloadStatement(t, bob, id);
    expect(file.status).toBe(200);
    const text = await pdfText(file.pdf);
    const facts = await ledgerFacts(
      t,
      account.id,
      new Date('2026-11-01T04:00:00Z'),
      new Date('2026-11-24T05:00:00Z'),
    );
    // The 2,000 written here and the demo opening deposit (made "today").
    expect(facts.entries).toHaveLength(2001);
    expect(text).toContain('Bob Williams');
    expect(text).toContain('••••0001');
    expect(text).not.toContain(DEMO.bob.checking);
    expect(text).toMatch(new RegExp(`Opening balance\\s+\\${formatCents(facts.openingCents)}`));
    expect(text).toMatch(new RegExp(`Closing balance\\s+\\${formatCents(facts.closingCents)}`));
    const lineOf = new Map<string, string>();
    for (const line of text.split('\n')) {
      const description = /(Cash deposit|ATM withdrawal) test-\d+/.exec(line)?.[0];
      if (description) lineOf.set(description, line);
    }
    let balance = facts.openingCents;
    for (const entry of facts.entries) {
      balance += entry.amountCents;
      if (!entry.description.includes('test-')) continue;
      const amounts = `\\${formatCents(Math.abs(entry.amountCents))}\\s+\\${formatCents(balance)}$`;
      expect(lineOf.get(entry.description)).toMatch(new RegExp(amounts));
    }
    expect(lineOf.size).toBe(2000);
    const pageLabels = [...text.matchAll(/Page (\d+) of (\d+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(pageLabels).toEqual(Array.from({ length: pages }, (_, i) => [i + 1, pages]));
    // The column headers repeat on every page.
    expect(text.match(/Date\s+Description\s+Money in\s+Money out\s+Balance/g)).toHaveLength(pages);
    expect(worker.log).not.toMatch(/Bob Williams|100000020001/);
  });

  it('finishes a job once after its worker is killed mid-job (SIGKILL) and another starts', async () => {
    const first = await startWorker();
    const account = await accountByNumber(t, alice, DEMO.alice.checking);
    // Hold the job at its ledger read: the worker claims the statement (PROCESSING), then
    // waits on this lock until it is killed.
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE ledger_entries IN ACCESS EXCLUSIVE MODE');
    let id: string;
    try {
      const response = await requestStatement(t, alice, account.id, {
        from: '2026-11-01',
        to: '2026-11-23',
      });
      expect(response.status).toBe(202);
      id = response.body.statement.id;
      await waitForStatus(t, alice, id, 'PROCESSING');
      expect(await first.stop('SIGKILL')).toBeNull();
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    await startWorker();
    await waitForStatus(t, alice, id, 'READY', TAKEOVER_TIMEOUT_MS);

    const [row] = await t.sql<{
      attempts: number;
      storage_key: string;
      claim_token: string | null;
    }>(`SELECT attempts, storage_key, claim_token FROM statements WHERE id = $1`, [id]);
    expect(row?.attempts).toBeGreaterThanOrEqual(2);
    expect(row?.claim_token).toBeNull();
    const readyEvents = await t.sql(
      `SELECT 1 FROM audit_events WHERE type = 'STATEMENT_READY' AND details->>'statementId' = $1`,
      [id],
    );
    expect(readyEvents).toHaveLength(1);
    // No half-written file: no partial left, and only finished files under their keys.
    const names = readdirSync(outputDir);
    expect(names.filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(names).toContain(row?.storage_key);
    const file = await downloadStatement(t, alice, id);
    expect(file.status).toBe(200);
    expect(await pdfText(file.pdf)).toContain('Alice Johnson');
  });

  it('accepts a request while Redis is down and completes it once Redis is back', async () => {
    await startWorker();
    const account = await accountByNumber(t, alice, DEMO.alice.savings);
    await redis.stopServer();
    let id: string;
    try {
      const response = await requestStatement(t, alice, account.id, {
        from: '2026-11-01',
        to: '2026-11-23',
      });
      expect(response.status).toBe(202);
      id = response.body.statement.id;
      const [row] = await t.sql<{ status: string; enqueued_at: Date | null }>(
        `SELECT status, enqueued_at FROM statements WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({ status: 'PENDING', enqueued_at: null });
    } finally {
      await redis.startServer();
    }
    // The API's sweep enqueues it; the worker, reconnected, makes it.
    await waitForStatus(t, alice, id, 'READY', 60_000);
    const [row] = await t.sql<{ enqueued_at: Date | null }>(
      `SELECT enqueued_at FROM statements WHERE id = $1`,
      [id],
    );
    expect(row?.enqueued_at).not.toBeNull();
  });

  it('stops on SIGTERM after finishing the job in hand', async () => {
    const worker = await startWorker();
    const charlie = (await t.login(DEMO.charlie.cardNumber, DEMO.charlie.pin)).accessToken;
    const account = await accountByNumber(t, charlie, DEMO.charlie.savings);
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE ledger_entries IN ACCESS EXCLUSIVE MODE');
    let stopped: Promise<number | null>;
    let id: string;
    try {
      const response = await requestStatement(t, charlie, account.id, {
        from: '2026-11-01',
        to: '2026-11-23',
      });
      id = response.body.statement.id;
      await waitForStatus(t, charlie, id, 'PROCESSING');
      stopped = worker.stop('SIGTERM');
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    expect(await stopped).toBe(0);
    const [row] = await t.sql<{ status: string }>(`SELECT status FROM statements WHERE id = $1`, [
      id,
    ]);
    expect(row?.status).toBe('READY');
  });
});

/** The data of the statement's BullMQ job, straight from Redis. */
async function redisJob(redis: PrivateRedis, id: string): Promise<Array<string | undefined>> {
  const client = new Redis(redis.url);
  try {
    return [(await client.hget(`atm:statements:${id}`, 'data')) ?? undefined];
  } finally {
    client.disconnect();
  }
}
