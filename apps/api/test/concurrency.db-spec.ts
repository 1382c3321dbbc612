import { type WithdrawalResponse } from '@atm/contracts';
import { accountByNumber, newKey } from './support/accounts';
import { expectLedgerConsistent, totalCustomerBalance } from './support/ledger-check';
import { DEMO, TestApp } from './support/test-app';

/**
 * Races against the real database (both engines): the account row lock, the daily-limit
 * counter and the idempotency record must make concurrent requests behave as if serial.
 */
describe('concurrent money movements', () => {
  describe('with the default daily limit', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await TestApp.start({ env: { DB_POOL_SIZE: '20' } });
    });

    afterEach(async () => {
      await expectLedgerConsistent(t);
    });

    afterAll(async () => {
      await t.close();
    });

    it('50 parallel withdrawals stop exactly at the daily limit', async () => {
      const { accessToken: token } = await t.login(DEMO.alice.cardNumber, DEMO.alice.pin);
      const checking = await accountByNumber(t, token, DEMO.alice.checking);
      const responses = await Promise.all(
        Array.from({ length: 50 }, () =>
          t.request('POST', `/api/v1/accounts/${checking.id}/withdrawals`, {
            token,
            body: { amountCents: 2000 },
            headers: { 'idempotency-key': newKey() },
          }),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(25);
      expect(statuses.filter((s) => s === 422)).toHaveLength(25);
      expect((await accountByNumber(t, token, DEMO.alice.checking)).balanceCents).toBe(
        525000 - 50000,
      );
      const [usage] = await t.sql<{ used_cents: string }>(
        `SELECT used_cents FROM daily_limit_usage WHERE account_id = $1`,
        [checking.id],
      );
      expect(Number(usage?.used_cents)).toBe(50000);
    });

    it('50 parallel requests with one idempotency key move money once', async () => {
      const { accessToken: token } = await t.login(DEMO.bob.cardNumber, DEMO.bob.pin);
      const checking = await accountByNumber(t, token, DEMO.bob.checking);
      const key = newKey('same');
      const responses = await Promise.all(
        Array.from({ length: 50 }, () =>
          t.request<WithdrawalResponse>('POST', `/api/v1/accounts/${checking.id}/withdrawals`, {
            token,
            body: { amountCents: 4000 },
            headers: { 'idempotency-key': key },
          }),
        ),
      );
      const created = responses.filter((r) => r.status === 201);
      // Each duplicate either waited and replayed, or was told the key is in progress.
      expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
      expect(new Set(created.map((r) => r.body.transaction.id)).size).toBe(1);
      expect(created.filter((r) => r.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
      expect((await accountByNumber(t, token, DEMO.bob.checking)).balanceCents).toBe(85075 - 4000);
      const [count] = await t.sql<{ n: string }>(
        `SELECT count(*) AS n FROM ledger_transactions WHERE account_id = $1 AND type = 'WITHDRAWAL'`,
        [checking.id],
      );
      expect(count?.n).toBe('1');
    });

    it('random transfers in both directions never deadlock and keep the total', async () => {
      const sessions = {
        alice: (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken,
        bob: (await t.login(DEMO.bob.cardNumber, DEMO.bob.pin)).accessToken,
        charlie: (await t.login(DEMO.charlie.cardNumber, DEMO.charlie.pin)).accessToken,
      };
      const owned = [
        {
          token: sessions.alice,
          account: await accountByNumber(t, sessions.alice, DEMO.alice.checking),
        },
        {
          token: sessions.alice,
          account: await accountByNumber(t, sessions.alice, DEMO.alice.savings),
        },
        { token: sessions.bob, account: await accountByNumber(t, sessions.bob, DEMO.bob.checking) },
        {
          token: sessions.charlie,
          account: await accountByNumber(t, sessions.charlie, DEMO.charlie.savings),
        },
      ];
      const numbers = [
        DEMO.alice.checking,
        DEMO.alice.savings,
        DEMO.bob.checking,
        DEMO.charlie.savings,
        DEMO.charlie.checking,
      ];
      const total = await totalCustomerBalance(t);
      // A deterministic pseudo-random sequence (no flaky seeds).
      let seed = 42;
      const next = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed;
      };
      const requests = Array.from({ length: 120 }, () => {
        const from = owned[next() % owned.length];
        const to = numbers.filter((n) => n !== from.account.number)[next() % (numbers.length - 1)];
        return t.request('POST', '/api/v1/transfers', {
          token: from.token,
          body: {
            fromAccountId: from.account.id,
            toAccountNumber: to,
            amountCents: 1 + (next() % 5000),
          },
          headers: { 'idempotency-key': newKey('t') },
        });
      });
      const statuses = (await Promise.all(requests)).map((r) => r.status);
      expect(statuses.every((s) => s === 201 || s === 422)).toBe(true);
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(60);
      expect(await totalCustomerBalance(t)).toBe(total);
    });
  });

  describe('with a daily limit above the balance', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await TestApp.start({ env: { DAILY_WITHDRAWAL_LIMIT: '100000000', DB_POOL_SIZE: '20' } });
    });

    afterAll(async () => {
      await expectLedgerConsistent(t);
      await t.close();
    });

    it('50 parallel withdrawals stop exactly at the available balance, never below zero', async () => {
      const { accessToken: token } = await t.login(DEMO.bob.cardNumber, DEMO.bob.pin);
      const checking = await accountByNumber(t, token, DEMO.bob.checking);
      const responses = await Promise.all(
        Array.from({ length: 50 }, () =>
          t.request('POST', `/api/v1/accounts/${checking.id}/withdrawals`, {
            token,
            body: { amountCents: 2000 },
            headers: { 'idempotency-key': newKey() },
          }),
        ),
      );
      const successes = responses.filter((r) => r.status === 201).length;
      expect(successes).toBe(Math.floor(85075 / 2000));
      expect(
        responses
          .filter((r) => r.status === 422)
          .every((r) => (r.body as { code: string }).code === 'INSUFFICIENT_FUNDS'),
      ).toBe(true);
      expect((await accountByNumber(t, token, DEMO.bob.checking)).balanceCents).toBe(
        85075 - successes * 2000,
      );
    });
  });
});
