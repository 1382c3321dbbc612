import { type ProblemDetails, type ReadyResponse } from '@atm/contracts';
import { Client } from 'pg';
import { runMigrations } from '../src/database/database-runtime';
import { accountByNumber, newKey } from './support/accounts';
import { eventually, PrivatePostgres, PrivateRedis } from './support/private-services';
import { DEMO, TestApp } from './support/test-app';
import { currentEngine } from './support/test-database';

/**
 * A dependency that goes away answers 503 and changes nothing; when it comes back, the
 * same process works again. These suites stop their own private PostgreSQL and Redis.
 */
const describeOnPostgres = currentEngine() === 'postgres' ? describe : describe.skip;

describeOnPostgres('when a dependency goes down', () => {
  let pg: PrivatePostgres;
  let redis: PrivateRedis;
  let t: TestApp;

  beforeAll(async () => {
    pg = await PrivatePostgres.start();
    redis = await PrivateRedis.start();
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE atm`);
    await admin.end();
    const url = pg.url.replace(/\/postgres$/, '/atm');
    await runMigrations({ url });
    t = await TestApp.start({
      env: { REDIS_URL: redis.url },
      database: { engine: 'postgres', target: { url }, drop: async () => undefined },
    });
  });

  afterAll(async () => {
    await t?.close();
    await redis?.stopServer();
    pg?.destroy();
  });

  it('answers 503 while PostgreSQL is down and recovers without a restart', async () => {
    const { accessToken: token } = await t.login(DEMO.alice.cardNumber, DEMO.alice.pin);
    const checking = await accountByNumber(t, token, DEMO.alice.checking);
    expect((await t.request('GET', '/ready')).status).toBe(200);

    pg.stopServer('fast');
    const ready = await t.request<ReadyResponse>('GET', '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.database).toBe('down');
    expect((await t.request('GET', '/health')).status).toBe(200);
    const key = newKey();
    for (const [method, path, body] of [
      ['GET', '/api/v1/accounts', undefined],
      ['POST', `/api/v1/accounts/${checking.id}/withdrawals`, { amountCents: 2000 }],
      ['POST', '/api/v1/auth/login', { cardNumber: DEMO.bob.cardNumber, pin: DEMO.bob.pin }],
    ] as const) {
      const response = await t.request<ProblemDetails>(method, path, {
        token,
        body,
        headers: { 'idempotency-key': key },
      });
      expect(response.status).toBe(503);
      expect(response.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(response.headers['retry-after']).toBeDefined();
      expect(response.text).not.toMatch(/ECONNREFUSED|at \w+ \(|\.ts:\d+/);
    }

    pg.startServer();
    await eventually(async () => expect((await t.request('GET', '/ready')).status).toBe(200));
    // The retry with the same key runs afresh: the 503 was not recorded.
    const retried = await t.request('POST', `/api/v1/accounts/${checking.id}/withdrawals`, {
      token,
      body: { amountCents: 2000 },
      headers: { 'idempotency-key': key },
    });
    expect(retried.status).toBe(201);
    expect((await accountByNumber(t, token, DEMO.alice.checking)).balanceCents).toBe(525000 - 2000);
  });

  it('reports Redis in /ready, and keeps moving money while Redis is down', async () => {
    expect((await t.request<ReadyResponse>('GET', '/ready')).body.checks.redis).toBe('up');
    const { accessToken: token } = await t.login(DEMO.bob.cardNumber, DEMO.bob.pin);
    const checking = await accountByNumber(t, token, DEMO.bob.checking);
    await redis.stopServer();
    const ready = await t.request<ReadyResponse>('GET', '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toEqual({ database: 'up', redis: 'down' });
    // Rate limits fall back to this process; money does not depend on Redis.
    const deposit = await t.request('POST', `/api/v1/accounts/${checking.id}/deposits`, {
      token,
      body: { amountCents: 1000, kind: 'CASH' },
      headers: { 'idempotency-key': newKey() },
    });
    expect(deposit.status).toBe(201);
    await redis.startServer();
    await eventually(async () =>
      expect((await t.request<ReadyResponse>('GET', '/ready')).body.checks.redis).toBe('up'),
    );
    expect((await t.request('GET', '/ready')).status).toBe(200);
  });
});
