import fc from 'fast-check';
import {
  type DepositResponse,
  type ProblemDetails,
  type TransferResponse,
  type WithdrawalResponse,
} from '@atm/contracts';
import { ManualClock } from '../src/common/clock';
import { HousekeepingService } from '../src/housekeeping/housekeeping.service';
import { CashService } from '../src/transactions/cash.service';
import { accountByNumber, accountsOf, newKey } from './support/accounts';
import { expectLedgerConsistent, totalCustomerBalance } from './support/ledger-check';
import { DEMO, TestApp } from './support/test-app';

// Tuesday 2026-11-24, 15:00 in New York.
const START = '2026-11-24T20:00:00Z';

describe('moving money', () => {
  let t: TestApp;
  const clock = new ManualClock(START);
  let alice: string;
  let bob: string;
  let charlie: string;

  beforeAll(async () => {
    t = await TestApp.start({
      clock,
      env: { ATM_TIMEZONE: 'America/New_York', SESSION_TIMEOUT_SECONDS: '900' },
    });
    alice = (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken;
    bob = (await t.login(DEMO.bob.cardNumber, DEMO.bob.pin)).accessToken;
    charlie = (await t.login(DEMO.charlie.cardNumber, DEMO.charlie.pin)).accessToken;
  });

  afterEach(async () => {
    await expectLedgerConsistent(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const post = <T = ProblemDetails>(
    token: string,
    path: string,
    body: unknown,
    key: string | null = newKey(),
  ) =>
    t.request<T>('POST', path, {
      token,
      body,
      headers: key === null ? {} : { 'idempotency-key': key },
    });

  const relogin = async () => {
    alice = (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken;
    bob = (await t.login(DEMO.bob.cardNumber, DEMO.bob.pin)).accessToken;
    charlie = (await t.login(DEMO.charlie.cardNumber, DEMO.charlie.pin)).accessToken;
  };

  describe('withdrawals', () => {
    it('dispenses the fewest notes and debits the account once', async () => {
      const checking = await accountByNumber(t, alice, DEMO.alice.checking);
      const key = newKey();
      const first = await post<WithdrawalResponse>(
        alice,
        `/api/v1/accounts/${checking.id}/withdrawals`,
        { amountCents: 6000 },
        key,
      );
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        transaction: {
          id: expect.any(String),
          reference: expect.stringMatching(/^[0-9A-Z]{6,12}$/),
          type: 'WITHDRAWAL',
          amountCents: 6000,
          accountId: checking.id,
          balanceAfterCents: 519000,
          createdAt: new Date(START).toISOString(),
        },
        notes: [{ denominationCents: 2000, count: 3 }],
        overdraftTransfer: null,
      });
      const replay = await post<WithdrawalResponse>(
        alice,
        `/api/v1/accounts/${checking.id}/withdrawals`,
        { amountCents: 6000 },
        key,
      );
      expect(replay.status).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
      expect((await accountByNumber(t, alice, DEMO.alice.checking)).balanceCents).toBe(519000);
      const stock = await t.app.get(CashService).stock();
      expect(stock.notes).toEqual([{ denominationCents: 2000, count: 497, totalCents: 994000 }]);
    });

    it('answers the same key with a different request with IDEMPOTENCY_KEY_REUSED', async () => {
      const checking = await accountByNumber(t, alice, DEMO.alice.checking);
      const key = newKey();
      expect(
        (
          await post(
            alice,
            `/api/v1/accounts/${checking.id}/withdrawals`,
            { amountCents: 2000 },
            key,
          )
        ).status,
      ).toBe(201);
      const reused = await post(
        alice,
        `/api/v1/accounts/${checking.id}/withdrawals`,
        { amountCents: 4000 },
        key,
      );
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const otherRoute = await post(
        alice,
        `/api/v1/accounts/${checking.id}/deposits`,
        { amountCents: 2000, kind: 'CASH' },
        key,
      );
      expect(otherRoute.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it("scopes keys to the customer: another customer's key never replays", async () => {
      const key = newKey('shared');
      const aliceChecking = await accountByNumber(t, alice, DEMO.alice.checking);
      const bobChecking = await accountByNumber(t, bob, DEMO.bob.checking);
      const a = await post<WithdrawalResponse>(
        alice,
        `/api/v1/accounts/${aliceChecking.id}/withdrawals`,
        { amountCents: 2000 },
        key,
      );
      const b = await post<WithdrawalResponse>(
        bob,
        `/api/v1/accounts/${bobChecking.id}/withdrawals`,
        { amountCents: 2000 },
        key,
      );
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      expect(b.headers['idempotent-replayed']).toBeUndefined();
      expect(b.body.transaction.accountId).toBe(bobChecking.id);
    });

    it('needs an Idempotency-Key, checked after shape and ownership', async () => {
      const checking = await accountByNumber(t, alice, DEMO.alice.checking);
      const missing = await post(
        alice,
        `/api/v1/accounts/${checking.id}/withdrawals`,
        { amountCents: 2000 },
        null,
      );
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
      const badShapeFirst = await post(
        alice,
        `/api/v1/accounts/${checking.id}/withdrawals`,
        { amountCents: '2000' },
        null,
      );
      expect(badShapeFirst.body.code).toBe('VALIDATION_FAILED');
      const ownershipFirst = await post(
        bob,
        `/api/v1/accounts/${checking.id}/withdrawals`,
        { amountCents: 2000 },
        null,
      );
      expect(ownershipFirst.body.code).toBe('NOT_FOUND');
      for (const key of ['', 'has space', 'x'.repeat(256), 'ümlaut', 'a/b']) {
        const malformed = await t.request<ProblemDetails>(
          'POST',
          `/api/v1/accounts/${checking.id}/withdrawals`,
          {
            token: alice,
            body: { amountCents: 2000 },
            headers: { 'idempotency-key': key },
          },
        );
        expect(malformed.status).toBe(400);
        expect(malformed.body.code).toBe('VALIDATION_FAILED');
      }
    });

    it('refuses amounts that are not a multiple, more than available, or past the daily limit, and replays refusals', async () => {
      const checking = await accountByNumber(t, bob, DEMO.bob.checking);
      const path = `/api/v1/accounts/${checking.id}/withdrawals`;
      const notMultiple = await post(bob, path, { amountCents: 2500 });
      expect(notMultiple.status).toBe(422);
      expect(notMultiple.body.code).toBe('INVALID_AMOUNT');
      const empty = await accountByNumber(t, charlie, DEMO.charlie.checking);
      const key = newKey();
      const poor = await post(
        charlie,
        `/api/v1/accounts/${empty.id}/withdrawals`,
        { amountCents: 2000 },
        key,
      );
      expect(poor.status).toBe(422);
      expect(poor.body.code).toBe('INSUFFICIENT_FUNDS');
      const poorReplay = await post(
        charlie,
        `/api/v1/accounts/${empty.id}/withdrawals`,
        { amountCents: 2000 },
        key,
      );
      expect(poorReplay.status).toBe(422);
      expect(poorReplay.headers['idempotent-replayed']).toBe('true');
      expect(poorReplay.body).toEqual(poor.body);
      const used = 2000; // the shared-key test above
      const overLimit = await post(bob, path, { amountCents: 50000 - used + 2000 });
      expect(overLimit.status).toBe(422);
      expect(overLimit.body).toMatchObject({
        code: 'DAILY_LIMIT_EXCEEDED',
        remainingCents: 50000 - used,
      });
      expect(overLimit.body.detail).toBe('You can withdraw $480.00 more today.');
    });

    it('answers CANNOT_DISPENSE when no combination of notes in stock makes the amount, moving nothing', async () => {
      const checking = await accountByNumber(t, alice, DEMO.alice.savings);
      const saved = await t.sql(`SELECT id, note_count FROM note_cassettes ORDER BY id`);
      await t.sql(
        `UPDATE note_cassettes SET note_count = CASE WHEN id = (SELECT min(id) FROM note_cassettes) THEN 2 ELSE 0 END`,
      );
      try {
        const before = await accountByNumber(t, alice, DEMO.alice.savings);
        const refused = await post(alice, `/api/v1/accounts/${checking.id}/withdrawals`, {
          amountCents: 6000,
        });
        expect(refused.status).toBe(422);
        expect(refused.body.code).toBe('CANNOT_DISPENSE');
        expect((await accountByNumber(t, alice, DEMO.alice.savings)).balanceCents).toBe(
          before.balanceCents,
        );
        const lastNotes = await post<WithdrawalResponse>(
          alice,
          `/api/v1/accounts/${checking.id}/withdrawals`,
          { amountCents: 4000 },
        );
        expect(lastNotes.status).toBe(201);
        expect(lastNotes.body.notes).toEqual([{ denominationCents: 2000, count: 2 }]);
      } finally {
        for (const row of saved as Array<{ id: number; note_count: number }>) {
          await t.sql(`UPDATE note_cassettes SET note_count = $2 WHERE id = $1`, [
            row.id,
            row.note_count,
          ]);
        }
      }
    });

    it('refuses frozen and closed accounts with ACCOUNT_NOT_ACTIVE before any other rule', async () => {
      const checking = await accountByNumber(t, charlie, DEMO.charlie.checking);
      await t.sql(`UPDATE accounts SET status = 'FROZEN' WHERE id = $1`, [checking.id]);
      try {
        for (const [path, body] of [
          [`/api/v1/accounts/${checking.id}/withdrawals`, { amountCents: 2500 }],
          [`/api/v1/accounts/${checking.id}/deposits`, { amountCents: 2000, kind: 'CASH' }],
          [
            '/api/v1/transfers',
            { fromAccountId: checking.id, toAccountNumber: DEMO.bob.checking, amountCents: 100 },
          ],
        ] as const) {
          const refused = await post(charlie, path, body);
          expect(refused.status).toBe(422);
          expect(refused.body.code).toBe('ACCOUNT_NOT_ACTIVE');
        }
        const savings = await accountByNumber(t, charlie, DEMO.charlie.savings);
        const toFrozen = await post(charlie, '/api/v1/transfers', {
          fromAccountId: savings.id,
          toAccountNumber: DEMO.charlie.checking,
          amountCents: 100,
        });
        expect(toFrozen.body.code).toBe('ACCOUNT_NOT_ACTIVE');
      } finally {
        await t.sql(`UPDATE accounts SET status = 'ACTIVE' WHERE id = $1`, [checking.id]);
      }
    });

    it('answers every malformed amount with 400 and moves nothing (property)', async () => {
      const checking = await accountByNumber(t, alice, DEMO.alice.savings);
      const before = await totalCustomerBalance(t);
      const [entriesBefore] = await t.sql<{ n: string }>(`SELECT count(*) n FROM ledger_entries`);
      const fixed: unknown[] = [
        '2000',
        20.5,
        0,
        -2000,
        1e21,
        Number.MAX_SAFE_INTEGER + 1,
        null,
        [2000],
        { value: 2000 },
        true,
        '',
        '２０００',
      ];
      const rawBodies = [
        '{"amountCents":2000,"balanceCents":1}',
        '{"amountCents":1e400}',
        '{"amountCents":9007199254740993}',
        '{"amountCents":2000,"__proto__":{"x":1}}',
        '{}',
        '{"amountCents":20e2.5}',
      ];
      for (const amountCents of fixed) {
        const response = await post(alice, `/api/v1/accounts/${checking.id}/withdrawals`, {
          amountCents,
        });
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
      }
      for (const rawBody of rawBodies) {
        const response = await t.request<ProblemDetails>(
          'POST',
          `/api/v1/accounts/${checking.id}/withdrawals`,
          {
            token: alice,
            rawBody,
            headers: { 'idempotency-key': newKey() },
          },
        );
        expect(response.status).toBe(400);
      }
      const notAnAmount = fc.oneof(
        fc.string(),
        fc.double().filter((d) => !Number.isInteger(d)),
        fc.integer({ max: 0 }),
        fc.constant(null),
        fc.array(fc.integer()),
        fc.boolean(),
      );
      await fc.assert(
        fc.asyncProperty(
          notAnAmount,
          fc.constantFrom('withdrawals', 'deposits'),
          async (amountCents, route) => {
            const body = route === 'deposits' ? { amountCents, kind: 'CASH' } : { amountCents };
            const response = await post(alice, `/api/v1/accounts/${checking.id}/${route}`, body);
            expect(response.status).toBe(400);
          },
        ),
        { numRuns: 60 },
      );
      expect(await totalCustomerBalance(t)).toBe(before);
      const [entriesAfter] = await t.sql<{ n: string }>(`SELECT count(*) n FROM ledger_entries`);
      expect(entriesAfter).toEqual(entriesBefore);
    });
  });

  describe('deposits', () => {
    it('makes the first $200 of cash available at once and holds the rest until the next business day', async () => {
      const checking = await accountByNumber(t, charlie, DEMO.charlie.checking);
      const deposit = await post<DepositResponse>(
        charlie,
        `/api/v1/accounts/${checking.id}/deposits`,
        { amountCents: 50000, kind: 'CASH' },
      );
      expect(deposit.status).toBe(201);
      expect(deposit.body.transaction).toMatchObject({
        type: 'DEPOSIT',
        amountCents: 50000,
        accountId: checking.id,
        balanceAfterCents: 50000,
      });
      // Tuesday in New York: held until Wednesday 00:00 EST = 05:00 UTC.
      expect(deposit.body.holds).toEqual([
        { amountCents: 30000, releaseAt: '2026-11-25T05:00:00.000Z' },
      ]);
      let account = await accountByNumber(t, charlie, DEMO.charlie.checking);
      expect([account.balanceCents, account.availableBalanceCents]).toEqual([50000, 20000]);
      const tooMuch = await post(charlie, `/api/v1/accounts/${checking.id}/withdrawals`, {
        amountCents: 22000,
      });
      expect(tooMuch.body.code).toBe('INSUFFICIENT_FUNDS');
      // The hold releases by itself at midnight in ATM_TIMEZONE; no job runs.
      clock.set('2026-11-25T05:00:00Z');
      await relogin();
      account = await accountByNumber(t, charlie, DEMO.charlie.checking);
      expect(account.availableBalanceCents).toBe(50000);
    });

    it('holds a check: the first $200 one business day, the rest two, across a weekend', async () => {
      clock.set('2026-11-27T20:00:00Z'); // Friday afternoon in New York
      await relogin();
      const savings = await accountByNumber(t, charlie, DEMO.charlie.savings);
      const deposit = await post<DepositResponse>(
        charlie,
        `/api/v1/accounts/${savings.id}/deposits`,
        { amountCents: 30000, kind: 'CHECK', checkNumber: '1042' },
      );
      expect(deposit.status).toBe(201);
      expect(deposit.body.holds).toEqual([
        { amountCents: 20000, releaseAt: '2026-11-30T05:00:00.000Z' },
        { amountCents: 10000, releaseAt: '2026-12-01T05:00:00.000Z' },
      ]);
      expect((await accountByNumber(t, charlie, DEMO.charlie.savings)).availableBalanceCents).toBe(
        10000,
      );
      clock.set('2026-11-30T05:00:00Z');
      await relogin();
      expect((await accountByNumber(t, charlie, DEMO.charlie.savings)).availableBalanceCents).toBe(
        30000,
      );
      clock.set('2026-12-01T05:00:00Z');
      await relogin();
      expect((await accountByNumber(t, charlie, DEMO.charlie.savings)).availableBalanceCents).toBe(
        40000,
      );
      const [entry] = await t.sql<{ description: string }>(
        `SELECT description FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE a.number = $1 ORDER BY seq DESC LIMIT 1`,
        [DEMO.charlie.savings],
      );
      expect(entry?.description).toBe('Check deposit #1042');
    });

    it('refuses a deposit over MAX_DEPOSIT_CENTS and a check number on cash', async () => {
      const checking = await accountByNumber(t, bob, DEMO.bob.checking);
      const big = await post(bob, `/api/v1/accounts/${checking.id}/deposits`, {
        amountCents: 1000001,
        kind: 'CASH',
      });
      expect(big.status).toBe(422);
      expect(big.body.code).toBe('INVALID_AMOUNT');
      const cashWithCheck = await post(bob, `/api/v1/accounts/${checking.id}/deposits`, {
        amountCents: 100,
        kind: 'CASH',
        checkNumber: '12',
      });
      expect(cashWithCheck.status).toBe(400);
      for (const body of [
        { amountCents: 100, kind: 'COINS' },
        { amountCents: 100 },
        { amountCents: 100, kind: 'CHECK', checkNumber: '12345678901' },
        { amountCents: 100, kind: 'CHECK', checkNumber: 12 },
      ]) {
        expect((await post(bob, `/api/v1/accounts/${checking.id}/deposits`, body)).status).toBe(
          400,
        );
      }
    });

    it('puts deposited cash in the deposit bin, never back into the note stock', async () => {
      const cash = t.app.get(CashService);
      const before = await cash.stock();
      const checking = await accountByNumber(t, bob, DEMO.bob.checking);
      expect(
        (
          await post(bob, `/api/v1/accounts/${checking.id}/deposits`, {
            amountCents: 4000,
            kind: 'CASH',
          })
        ).status,
      ).toBe(201);
      const after = await cash.stock();
      expect(after.notes).toEqual(before.notes);
      expect(after.depositBin.totalCents).toBe(before.depositBin.totalCents + 4000);
    });
  });

  describe('transfers', () => {
    it('moves money between customers and masks the counterparty', async () => {
      const from = await accountByNumber(t, alice, DEMO.alice.savings);
      const bobBefore = await accountByNumber(t, bob, DEMO.bob.checking);
      const total = await totalCustomerBalance(t);
      const transfer = await post<TransferResponse>(alice, '/api/v1/transfers', {
        fromAccountId: from.id,
        toAccountNumber: DEMO.bob.checking,
        amountCents: 12345,
        memo: 'Dinner',
      });
      expect(transfer.status).toBe(201);
      expect(transfer.body.transaction).toMatchObject({
        type: 'TRANSFER',
        amountCents: 12345,
        accountId: from.id,
        balanceAfterCents: from.balanceCents - 12345,
      });
      expect(transfer.body.transaction.counterpartyAccountNumber).toMatch(/0001$/);
      expect(transfer.text).not.toContain(DEMO.bob.checking);
      expect((await accountByNumber(t, bob, DEMO.bob.checking)).balanceCents).toBe(
        bobBefore.balanceCents + 12345,
      );
      expect(await totalCustomerBalance(t)).toBe(total);
    });

    it('refuses the same account, unknown and internal recipients', async () => {
      const from = await accountByNumber(t, alice, DEMO.alice.savings);
      const same = await post(alice, '/api/v1/transfers', {
        fromAccountId: from.id,
        toAccountNumber: DEMO.alice.savings,
        amountCents: 100,
      });
      expect(same.body.code).toBe('SAME_ACCOUNT');
      for (const number of ['999999999999', '900000000001', '900000000003']) {
        const refused = await post(alice, '/api/v1/transfers', {
          fromAccountId: from.id,
          toAccountNumber: number,
          amountCents: 100,
        });
        expect(refused.status).toBe(422);
        expect(refused.body.code).toBe('RECIPIENT_NOT_FOUND');
      }
      for (const body of [
        { fromAccountId: from.id, toAccountNumber: '1000-0002-0001', amountCents: 100 },
        {
          fromAccountId: from.id,
          toAccountNumber: DEMO.bob.checking,
          amountCents: 100,
          memo: 'x'.repeat(141),
        },
        { fromAccountId: 'abc', toAccountNumber: DEMO.bob.checking, amountCents: 100 },
        {
          fromAccountId: from.id,
          toAccountNumber: DEMO.bob.checking,
          amountCents: 100,
          balanceCents: 5,
        },
      ]) {
        expect((await post(alice, '/api/v1/transfers', body)).status).toBe(400);
      }
    });

    it("counts every transfer out toward the source's daily limit, own accounts included, and resets at midnight", async () => {
      clock.set('2026-12-02T04:30:00Z'); // 23:30 on Tuesday 12-01 in New York
      await relogin();
      const from = await accountByNumber(t, alice, DEMO.alice.savings);
      const toOwn = await post(alice, '/api/v1/transfers', {
        fromAccountId: from.id,
        toAccountNumber: DEMO.alice.checking,
        amountCents: 200000,
      });
      expect(toOwn.status).toBe(201);
      const over = await post(alice, '/api/v1/transfers', {
        fromAccountId: from.id,
        toAccountNumber: DEMO.bob.checking,
        amountCents: 60000,
      });
      // 12,345 moved earlier the same day (Dec 1 in New York) counts too.
      expect(over.body).toMatchObject({
        code: 'DAILY_LIMIT_EXCEEDED',
        remainingCents: 250000 - 12345 - 200000,
      });
      clock.set('2026-12-02T05:00:00Z'); // midnight in New York: a new day
      await relogin();
      const next = await post(alice, '/api/v1/transfers', {
        fromAccountId: from.id,
        toAccountNumber: DEMO.bob.checking,
        amountCents: 60000,
      });
      expect(next.status).toBe(201);
    });

    it('replays a transfer and never moves it twice', async () => {
      const from = await accountByNumber(t, bob, DEMO.bob.checking);
      const key = newKey();
      const body = {
        fromAccountId: from.id,
        toAccountNumber: DEMO.charlie.savings,
        amountCents: 500,
      };
      const first = await post<TransferResponse>(bob, '/api/v1/transfers', body, key);
      const second = await post<TransferResponse>(bob, '/api/v1/transfers', body, key);
      expect(second.body).toEqual(first.body);
      expect((await accountByNumber(t, bob, DEMO.bob.checking)).balanceCents).toBe(
        from.balanceCents - 500,
      );
    });
  });

  it('audits every movement with its outcome', async () => {
    const rows = await t.sql<{ type: string; outcome: string }>(
      `SELECT DISTINCT type, outcome FROM audit_events WHERE type IN ('WITHDRAWAL', 'DEPOSIT', 'TRANSFER')`,
    );
    const kinds = rows.map((r) => `${r.type}:${r.outcome}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'WITHDRAWAL:SUCCESS',
        'WITHDRAWAL:REFUSED',
        'DEPOSIT:SUCCESS',
        'DEPOSIT:REFUSED',
        'TRANSFER:SUCCESS',
        'TRANSFER:REFUSED',
      ]),
    );
    expect(await accountsOf(t, alice)).toHaveLength(2);
  });
});

describe('housekeeping', () => {
  it('keeps idempotency records at least 24 hours and removes them after their retention', async () => {
    const clock = new ManualClock('2026-11-24T12:00:00Z');
    const t = await TestApp.start({ clock });
    try {
      const { accessToken: token } = await t.login(DEMO.bob.cardNumber, DEMO.bob.pin);
      const checking = await accountByNumber(t, token, DEMO.bob.checking);
      const key = newKey();
      const send = () =>
        t.request('POST', `/api/v1/accounts/${checking.id}/deposits`, {
          token,
          body: { amountCents: 100, kind: 'CASH' },
          headers: { 'idempotency-key': key },
        });
      expect((await send()).status).toBe(201);
      const housekeeping = t.app.get(HousekeepingService);
      clock.advanceSeconds(25 * 3600);
      expect((await housekeeping.runOnce()).idempotency).toBe(0);
      const { accessToken: later } = await t.login(DEMO.bob.cardNumber, DEMO.bob.pin);
      const replay = await t.request('POST', `/api/v1/accounts/${checking.id}/deposits`, {
        token: later,
        body: { amountCents: 100, kind: 'CASH' },
        headers: { 'idempotency-key': key },
      });
      expect(replay.headers['idempotent-replayed']).toBe('true');
      clock.advanceSeconds(24 * 3600);
      expect((await housekeeping.runOnce()).idempotency).toBe(1);
    } finally {
      await t.close();
    }
  });
});
