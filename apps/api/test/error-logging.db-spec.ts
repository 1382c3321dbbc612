import { type ProblemDetails } from '@atm/contracts';
import { accountByNumber, newKey } from './support/accounts';
import { capturedLogLines, DEMO, TestApp } from './support/test-app';

/**
 * A 5xx is logged with the database error's code, message and constraint only: never the
 * statement's parameters (memo, ids, a new PIN hash), its text, or the driver's error object.
 */
describe('5xx logging', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
    // A statement that fails inside the database, after its parameters were bound.
    await t.sql(`
      CREATE FUNCTION refuse_for_the_test() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'refused by the test trigger' USING ERRCODE = 'XX000';
      END $$`);
  });

  afterAll(async () => {
    await t.close();
  });

  function logsSince(start: number): string {
    return capturedLogLines.slice(start).join('\n');
  }

  it('logs a failed PIN change without the new PIN hash', async () => {
    await t.sql(
      `CREATE TRIGGER refuse_pin_change BEFORE UPDATE OF pin_hash ON cards
         FOR EACH ROW EXECUTE FUNCTION refuse_for_the_test()`,
    );
    try {
      const { accessToken } = await t.login(DEMO.bob.cardNumber, DEMO.bob.pin);
      const start = capturedLogLines.length;
      const response = await t.request<ProblemDetails>('POST', '/api/v1/auth/pin', {
        token: accessToken,
        body: { currentPin: DEMO.bob.pin, newPin: '8642' },
      });
      expect(response.status).toBe(500);
      const logs = logsSince(start);
      expect(logs).toContain('refused by the test trigger');
      expect(logs).toContain('XX000');
      expect(logs).not.toContain('$argon2');
      expect(logs).not.toMatch(/UPDATE cards|"parameters"|"query"|driverError/);
    } finally {
      await t.sql(`DROP TRIGGER refuse_pin_change ON cards`);
    }
  });

  it('logs a failed transfer without its memo or key', async () => {
    await t.sql(
      `CREATE TRIGGER refuse_ledger BEFORE INSERT ON ledger_transactions
         FOR EACH ROW EXECUTE FUNCTION refuse_for_the_test()`,
    );
    try {
      const { accessToken } = await t.login(DEMO.alice.cardNumber, DEMO.alice.pin);
      const checking = await accountByNumber(t, accessToken, DEMO.alice.checking);
      const key = newKey('log-check');
      const memo = 'Recognisable memo 7f3c';
      const start = capturedLogLines.length;
      const response = await t.request<ProblemDetails>('POST', '/api/v1/transfers', {
        token: accessToken,
        headers: { 'idempotency-key': key },
        body: {
          fromAccountId: checking.id,
          toAccountNumber: DEMO.alice.savings,
          amountCents: 100,
          memo,
        },
      });
      expect(response.status).toBe(500);
      const logs = logsSince(start);
      expect(logs).toContain('refused by the test trigger');
      expect(logs).not.toContain(memo);
      expect(logs).not.toContain(key);
      expect(logs).not.toContain(checking.id);
      expect(logs).not.toMatch(/INSERT INTO|"parameters"|"query"|driverError/);
    } finally {
      await t.sql(`DROP TRIGGER refuse_ledger ON ledger_transactions`);
    }
  });
});
