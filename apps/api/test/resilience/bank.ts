import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { BankAdminService } from '../../src/admin/bank-admin.service';
import { CardsService } from '../../src/auth/cards.service';
import { runMigrations } from '../../src/database/database-runtime';
import { CashService } from '../../src/transactions/cash.service';
import { childEnv, startServer, stopProcess, WORKSPACE_ROOT } from '../support/entry-points';
import { freePort, PrivatePostgres } from '../support/private-services';
import { DEMO, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';
import { http, pollUntil } from './http';

/**
 * The bank a resilience scenario runs against: a fresh migrated database (a new database on
 * the shared PostgreSQL, or a private cluster the scenario may stop), the demo customers,
 * synthetic customers made with the product's own services, and a large note stock.
 */

/**
 * Operations per workload scenario (RESILIENCE_OPS): 10,000 under `npm run test:resilience`,
 * a small default inside `npm test`.
 */
export function resilienceOps(): number {
  const raw = process.env.RESILIENCE_OPS;
  if (raw === undefined || raw.trim() === '') return 400;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error('RESILIENCE_OPS must be an integer >= 1');
  return value;
}

/**
 * The daily limits every server of the scenarios runs with (the ledger check reads them),
 * scaled with the load so that some debits, not most, meet a limit at any size.
 */
export const DAILY_WITHDRAWAL_LIMIT_CENTS = Math.max(20_000, resilienceOps() * 30);
export const DAILY_TRANSFER_LIMIT_CENTS = Math.max(40_000, resilienceOps() * 50);

/** Secrets of this run: the in-process setup app and the child servers must agree. */
const SECRETS = {
  SECRET_KEY: `resilience-secret-${randomBytes(16).toString('hex')}`,
  PIN_PEPPER: `resilience-pepper-${randomBytes(16).toString('hex')}`,
  CARD_HASH_KEY: `resilience-card-key-${randomBytes(16).toString('hex')}`,
};

export function signingSecret(): string {
  return SECRETS.SECRET_KEY;
}

/** The environment of every API and worker process of the scenarios. */
export function serverEnv(
  databaseUrl: string,
  redisUrl: string | undefined,
  dataDir: string,
): Record<string, string | undefined> {
  return {
    ...SECRETS,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    DATA_DIR: dataDir,
    STATEMENT_OUTPUT_DIR: join(dataDir, 'statements'),
    // Load comes from one address: the rate limits must not be what the scenarios measure.
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    API_RATE_LIMIT_PER_MINUTE: '100000000',
    DAILY_WITHDRAWAL_LIMIT: String(DAILY_WITHDRAWAL_LIMIT_CENTS),
    DAILY_TRANSFER_LIMIT: String(DAILY_TRANSFER_LIMIT_CENTS),
    // A full-size run lasts minutes; sessions must not idle out under it.
    SESSION_TIMEOUT_SECONDS: '3600',
    SESSION_MAX_SECONDS: '7200',
    DB_POOL_SIZE: '16',
    LOG_LEVEL: 'error',
  };
}

export interface BankAccount {
  id: string;
  number: string;
}

export interface BankCustomer {
  name: string;
  customerId: string;
  cardNumber: string;
  pin: string;
  accounts: BankAccount[];
}

export interface BankDatabase {
  url: string;
  /** The private cluster, when the scenario owns one (it may stop and start it). */
  cluster?: PrivatePostgres;
  drop(): Promise<void>;
}

/** A fresh migrated database on the shared PostgreSQL (dropped afterwards). */
export async function sharedDatabase(): Promise<BankDatabase> {
  const database = await createTestDatabase('postgres');
  if (!database.url) throw new Error('the postgres test database has no URL');
  return { url: database.url, drop: () => database.drop() };
}

/** A private PostgreSQL cluster of this scenario, with a migrated database `atm`. */
export async function privateDatabase(): Promise<BankDatabase> {
  const cluster = await PrivatePostgres.start();
  const admin = new Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE atm`);
  } finally {
    await admin.end();
  }
  const url = cluster.url.replace(/\/postgres$/, '/atm');
  await runMigrations({ url });
  return {
    url,
    cluster,
    drop: async () => cluster.destroy(),
  };
}

/** PINs that pass the product's PIN rules. */
const STRONG_PINS = ['4826', '7391', '58203', '394712', '6150', '2947'];

/**
 * Seeds the demo data and makes `syntheticCustomers` more customers, each with a checking
 * account (and every other one a savings account) with opening money and a card, through
 * the product's services in an in-process app; loads notes through the cash service.
 */
export async function populateBank(
  database: BankDatabase,
  options: { syntheticCustomers: number; notes: number },
): Promise<BankCustomer[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'atm-resilience-setup-'));
  const app = await TestApp.start({
    env: { ...SECRETS, DATA_DIR: scratch },
    database: { engine: 'postgres', target: { url: database.url }, drop: async () => undefined },
  });
  try {
    const actor = { actor: 'resilience-setup' };
    const admin = app.app.get(BankAdminService);
    const cards = app.app.get(CardsService);
    const customers: BankCustomer[] = [];
    const demoAccounts = async (numbers: readonly string[]): Promise<BankAccount[]> =>
      app.sql<BankAccount>(
        `SELECT id::text AS id, number FROM accounts WHERE number = ANY($1::text[]) ORDER BY number`,
        [numbers],
      );
    for (const [name, demo] of Object.entries(DEMO)) {
      const accounts = await demoAccounts(
        'savings' in demo ? [demo.checking, demo.savings] : [demo.checking],
      );
      const [owner] = await app.sql<{ customer_id: string }>(
        `SELECT customer_id::text AS customer_id FROM accounts WHERE number = $1`,
        [demo.checking],
      );
      customers.push({
        name,
        customerId: owner?.customer_id ?? '',
        cardNumber: demo.cardNumber,
        pin: demo.pin,
        accounts,
      });
    }
    for (let i = 0; i < options.syntheticCustomers; i += 1) {
      const name = `Resilience Customer ${i + 1}`;
      const customerId = await admin.createCustomer({ name }, actor);
      const accounts: BankAccount[] = [
        await admin.openAccount(
          { customerId, type: 'CHECKING', openingCents: 200_000 + ((i * 37_311) % 800_000) },
          actor,
        ),
      ];
      if (i % 2 === 0) {
        accounts.push(
          await admin.openAccount(
            { customerId, type: 'SAVINGS', openingCents: 50_000 + ((i * 12_347) % 400_000) },
            actor,
          ),
        );
      }
      const pin = STRONG_PINS[i % STRONG_PINS.length] ?? '4826';
      const card = await cards.issue({ customerId, pin }, actor);
      customers.push({ name, customerId, cardNumber: card.cardNumber, pin, accounts });
    }
    const cash = app.app.get(CashService);
    await cash.load(2000, Math.min(100_000, options.notes), actor);
    await cash.load(5000, Math.min(100_000, Math.ceil(options.notes / 4)), actor);
    return customers;
  } finally {
    await app.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The compiled entry points of this test run (tools/jest/global-setup.cjs builds them). */
function builtEntryPoint(name: 'main' | 'worker'): string {
  const dir = process.env.ATM_TEST_BUILD_DIR;
  if (!dir) throw new Error('ATM_TEST_BUILD_DIR is unset: run through the root jest config');
  return join(dir, 'apps/api/src', `${name}.js`);
}

/** Whether the statement worker entry point exists in this build (it is being written). */
export function workerIsBuilt(): boolean {
  return existsSync(builtEntryPoint('worker'));
}

/** An API process (compiled main.js) on a fixed port, so that a restart answers there again. */
export class ApiProcess {
  private child: ChildProcess | undefined;
  restarts = 0;

  private constructor(
    readonly port: number,
    private readonly env: Record<string, string | undefined>,
  ) {}

  static async start(env: Record<string, string | undefined>): Promise<ApiProcess> {
    const api = new ApiProcess(await freePort(), env);
    await api.start();
    return api;
  }

  async start(): Promise<void> {
    this.child = await startServer(this.env, this.port);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** kill -9: no shutdown hook runs, connections just drop. */
  async kill(): Promise<void> {
    await stopProcess(this.child, 'SIGKILL');
  }

  async restart(): Promise<void> {
    this.restarts += 1;
    await this.start();
  }

  async stop(): Promise<void> {
    await stopProcess(this.child, 'SIGTERM');
  }

  isRunning(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }
}

/** A statement worker process (compiled worker.js). */
export class WorkerProcess {
  stderr = '';
  private constructor(private readonly child: ChildProcess) {}

  static start(env: Record<string, string | undefined>): WorkerProcess {
    const child = spawn(process.execPath, [builtEntryPoint('worker')], {
      cwd: WORKSPACE_ROOT,
      env: childEnv(env),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const worker = new WorkerProcess(child);
    child.stderr?.on('data', (chunk: Buffer) => {
      if (worker.stderr.length < 20_000) worker.stderr += chunk.toString();
    });
    return worker;
  }

  isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  stop(): Promise<void> {
    return stopProcess(this.child, 'SIGTERM');
  }
}

export interface ReadyState {
  status: number;
  database?: string;
  redis?: string;
}

export async function readiness(port: number): Promise<ReadyState> {
  const answer = await http({ port, method: 'GET', path: '/ready', timeoutMs: 5000 });
  const checks = (answer.json as { checks?: { database?: string; redis?: string } } | undefined)
    ?.checks;
  return {
    status: answer.status,
    ...(checks?.database ? { database: checks.database } : {}),
    ...(checks?.redis ? { redis: checks.redis } : {}),
  };
}

/** Waits (bounded) until /ready answers 200. */
export function waitReady(port: number, timeoutMs = 60000): Promise<boolean> {
  return pollUntil(async () => (await readiness(port)).status === 200, timeoutMs, 250);
}

/** A small pg pool for assertions by SQL (made after any restart of the database). */
export function sqlPool(url: string): Pool {
  const pool = new Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  return pool;
}
