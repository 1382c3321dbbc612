import { Client } from 'pg';
import { type ProblemDetails } from '@atm/contracts';
import { accountByNumber, newKey } from './support/accounts';
import { currentEngine } from './support/test-database';
import { DEMO, TestApp } from './support/test-app';

/**
 * A row held locked by another session is busy, not down: after a bounded retry the answer
 * is 409 IDEMPOTENCY_IN_PROGRESS (with a key) or 429 RATE_LIMITED with Retry-After: 1
 * (without), never 503. PGlite has one session, so no other session can hold a row lock
 * there while the app waits: this runs on PostgreSQL only.
 */
const describeOnPostgres = currentEngine() === 'postgres' ? describe : describe.skip;

describeOnPostgres('a row locked by another session', () => {
  let t: TestApp;
  let holder: Client;

  beforeAll(async () => {
    t = await TestApp.start();
    const url = t.database.url;
    if (!url) throw new Error('PostgreSQL test databases have a URL');
    holder = new Client({ connectionString: url });
    await holder.connect();
  });

  afterAll(async () => {
    await holder.end();
    await t.close();
  });

  async function holdLock(sql: string, params: unknown[]): Promise<() => Promise<void>> {
    await holder.query('BEGIN');
    await holder.query(sql, params);
    return async () => {
      await holder.query('ROLLBACK');
    };
  }

  it('answers a keyed withdrawal 409 IDEMPOTENCY_IN_PROGRESS and a PIN change 429 with Retry-After: 1', async () => {
    const alice = await t.login(DEMO.alice.cardNumber, DEMO.alice.pin);
    const bob = await t.login(DEMO.bob.cardNumber, DEMO.bob.pin);
    const checking = await accountByNumber(t, alice.accessToken, DEMO.alice.checking);
    const [before] = await t.sql<{ balance_cents: string }>(
      `SELECT balance_cents FROM accounts WHERE id = $1`,
      [checking.id],
    );
    const release = await holdLock(`SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE`, [
      checking.id,
    ]);
    await holder.query(`SELECT 1 FROM cards WHERE last4 = $1 FOR UPDATE`, [
      DEMO.bob.cardNumber.slice(-4),
    ]);
    const started = Date.now();
    let withdrawal;
    let pinChange;
    try {
      [withdrawal, pinChange] = await Promise.all([
        t.request<ProblemDetails>('POST', `/api/v1/accounts/${checking.id}/withdrawals`, {
          token: alice.accessToken,
          headers: { 'idempotency-key': newKey('busy') },
          body: { amountCents: 2000 },
        }),
        t.request<ProblemDetails>('POST', '/api/v1/auth/pin', {
          token: bob.accessToken,
          body: { currentPin: DEMO.bob.pin, newPin: '8642' },
        }),
      ]);
    } finally {
      await release();
    }
    const elapsed = Date.now() - started;
    expect(withdrawal.status).toBe(409);
    expect(withdrawal.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(pinChange.status).toBe(429);
    expect(pinChange.body.code).toBe('RATE_LIMITED');
    expect(pinChange.headers['retry-after']).toBe('1');
    // The withdrawal waited out lock_timeout (5 s) on each of its three tries before answering.
    expect(elapsed).toBeGreaterThanOrEqual(3 * 5000);
    const [after] = await t.sql<{ balance_cents: string }>(
      `SELECT balance_cents FROM accounts WHERE id = $1`,
      [checking.id],
    );
    expect(after?.balance_cents).toBe(before?.balance_cents);
    // Once the row is free, the same requests go through.
    const retried = await t.request('POST', '/api/v1/auth/pin', {
      token: bob.accessToken,
      body: { currentPin: DEMO.bob.pin, newPin: '8642' },
    });
    expect(retried.status).toBe(204);
  });
});
