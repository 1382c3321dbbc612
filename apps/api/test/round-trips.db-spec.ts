import { Client, type Pool, type PoolClient } from 'pg';
import { type PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { type WithdrawalResponse } from '@atm/contracts';
import { OverdraftLinksService } from '../src/admin/overdraft-links.service';
import { accountByNumber, newKey } from './support/accounts';
import { expectLedgerConsistent } from './support/ledger-check';
import { DEMO, TestApp } from './support/test-app';
import { currentEngine } from './support/test-database';

/**
 * The money path's conversation with the database, counted: every query sent through the
 * API's pool is one round trip (pg sends each query's messages in one write and waits for
 * its answer; BEGIN and COMMIT are queries too). Each customer movement and account read
 * makes at most 2 on the uncontended path (issue 13); today each makes 1.
 */

/**
 * The maintenance flag is read at most once a second per process, whatever the load
 * (MaintenanceService caches it): not a per-request round trip, so not counted here.
 */
const ONCE_A_SECOND_PER_PROCESS = /FROM atm_settings/;

const MAX_ROUND_TRIPS = 2;

class RoundTripCounter {
  readonly statements: string[] = [];
  private readonly wrapped = new WeakSet<PoolClient>();

  constructor(pool: Pool) {
    // Every checkout goes through 'acquire': wrap each client's query once.
    pool.on('acquire', (client) => this.wrap(client));
  }

  private wrap(client: PoolClient): void {
    if (this.wrapped.has(client)) return;
    this.wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const statements = this.statements;
    Object.assign(client, {
      query: (...args: unknown[]) => {
        const [first] = args;
        const text =
          typeof first === 'string' ? first : String((first as { text?: unknown }).text ?? '');
        statements.push(text.replace(/\s+/g, ' ').trim());
        return query(...args);
      },
    });
  }

  async count(work: () => Promise<unknown>): Promise<{ roundTrips: number; sql: string[] }> {
    this.statements.length = 0;
    await work();
    const sql = this.statements.filter((s) => !ONCE_A_SECOND_PER_PROCESS.test(s));
    return { roundTrips: sql.length, sql };
  }
}

describe('database round trips per request', () => {
  let t: TestApp;
  let counter: RoundTripCounter;
  let token: string;
  let checking: string;

  beforeAll(async () => {
    t = await TestApp.start();
    counter = new RoundTripCounter((t.dataSource.driver as PostgresDriver).master as Pool);
    token = (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken;
    checking = (await accountByNumber(t, token, DEMO.alice.checking)).id;
  });

  afterAll(async () => {
    await expectLedgerConsistent(t);
    await t.close();
  });

  const post =
    (path: string, body: unknown, key = newKey()) =>
    () =>
      t.request('POST', path, { token, body, headers: { 'idempotency-key': key } });
  const get = (path: string) => () => t.request('GET', path, { token });

  // [what, the request, its status, its round trips today]: the session check is inside
  // the one call for movements and balance reads; limits and history still check the
  // session first (the guard), then read with the ownership check in the same statement.
  const cases: Array<[string, () => () => Promise<{ status: number }>, number, number]> = [
    [
      'a withdrawal',
      () => post(`/api/v1/accounts/${checking}/withdrawals`, { amountCents: 2000 }),
      201,
      1,
    ],
    [
      'a deposit',
      () => post(`/api/v1/accounts/${checking}/deposits`, { amountCents: 50000, kind: 'CASH' }),
      201,
      1,
    ],
    [
      'a transfer',
      () =>
        post('/api/v1/transfers', {
          fromAccountId: checking,
          toAccountNumber: DEMO.bob.checking,
          amountCents: 1234,
        }),
      201,
      1,
    ],
    [
      'a refused withdrawal (422, recorded)',
      () => post(`/api/v1/accounts/${checking}/withdrawals`, { amountCents: 2500 }),
      422,
      1,
    ],
    ['the accounts list', () => get('/api/v1/accounts'), 200, 1],
    ['one account', () => get(`/api/v1/accounts/${checking}`), 200, 1],
    ['its limits', () => get(`/api/v1/accounts/${checking}/limits`), 200, 2],
    ['its history', () => get(`/api/v1/accounts/${checking}/transactions?limit=5`), 200, 2],
  ];

  it.each(cases)(
    `%s makes at most ${MAX_ROUND_TRIPS} round trips`,
    async (_name, make, status, today) => {
      const request = make();
      const { roundTrips } = await counter.count(async () => {
        expect((await request()).status).toBe(status);
      });
      expect(roundTrips).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
      expect(roundTrips).toBe(today);
    },
  );

  it('a replay makes one round trip and moves nothing again', async () => {
    const key = newKey();
    const withdraw = post(`/api/v1/accounts/${checking}/withdrawals`, { amountCents: 2000 }, key);
    expect((await withdraw()).status).toBe(201);
    const { roundTrips } = await counter.count(async () => {
      const replay = await withdraw();
      expect(replay.headers['idempotent-replayed']).toBe('true');
    });
    expect(roundTrips).toBe(1);
  });

  it('a withdrawal that sweeps from the linked savings account is still one round trip', async () => {
    const charlie = (await t.login(DEMO.charlie.cardNumber, DEMO.charlie.pin)).accessToken;
    const charlieChecking = (await accountByNumber(t, charlie, DEMO.charlie.checking)).id;
    await t.app
      .get(OverdraftLinksService)
      .setLink({ id: charlieChecking }, DEMO.charlie.savings, { actor: 'cli:test' }, 'NOT_FOUND');
    let swept: WithdrawalResponse['overdraftTransfer'] = null;
    const { roundTrips } = await counter.count(async () => {
      const response = await t.request<WithdrawalResponse>(
        'POST',
        `/api/v1/accounts/${charlieChecking}/withdrawals`,
        { token: charlie, body: { amountCents: 2000 }, headers: { 'idempotency-key': newKey() } },
      );
      expect(response.status).toBe(201);
      swept = response.body.overdraftTransfer;
    });
    expect(swept).toMatchObject({ amountCents: 2000 });
    expect(roundTrips).toBe(1);
  });

  it('a movement, the session check included, is a single call in autocommit', async () => {
    const { sql } = await counter.count(
      post(`/api/v1/accounts/${checking}/withdrawals`, { amountCents: 2000 }),
    );
    expect(sql).toEqual([expect.stringMatching(/^SELECT atm_withdraw_v2\(/)]);
  });
});

/**
 * What serialized one customer's concurrent reads: each request touched the session row,
 * and the requests of one session in flight when a touch was due queued on its row lock,
 * one commit after another. The touch now skips a row another request is touching.
 * PostgreSQL only: the embedded engine runs one transaction at a time anyway.
 */
const onPostgres = currentEngine() === 'postgres' ? describe : describe.skip;

onPostgres('one session, concurrent requests', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });

  afterAll(async () => {
    await t.close();
  });

  it('never wait for another request touching the same session', async () => {
    const { accessToken: token } = await t.login(DEMO.bob.cardNumber, DEMO.bob.pin);
    const sessionId = (
      JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
        sid: string;
      }
    ).sid;
    // A touch is due once the last one is more than a second old.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const other = new Client({ connectionString: t.database.url });
    await other.connect();
    try {
      // Another request of the same session, in the middle of touching it.
      await other.query('BEGIN');
      await other.query('SELECT 1 FROM sessions WHERE id = $1 FOR UPDATE', [sessionId]);
      const read = t.request('GET', '/api/v1/accounts', { token });
      const waited = new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 3000));
      const first = await Promise.race([read.then((r) => r.status), waited]);
      expect(first).toBe(200);
    } finally {
      await other.query('ROLLBACK');
      await other.end();
    }
  });
});
