import {
  type LimitsResponse,
  type ProblemDetails,
  type Transaction,
  type TransferResponse,
  type WithdrawalResponse,
} from '@atm/contracts';
import { BankAdminService } from '../src/admin/bank-admin.service';
import { OverdraftLinksService } from '../src/admin/overdraft-links.service';
import { ManualClock } from '../src/common/clock';
import { CashService } from '../src/transactions/cash.service';
import { accountByNumber, newKey } from './support/accounts';
import { expectLedgerConsistent, totalCustomerBalance } from './support/ledger-check';
import { DEMO, TestApp } from './support/test-app';
import { currentEngine } from './support/test-database';
import { pdfText, requestStatement, waitForStatus } from './support/statement-helpers';

// Tuesday 2026-11-24, 15:00 in New York.
const START = '2026-11-24T20:00:00Z';
const ACTOR = { actor: 'cli:overdraft-test' };

/**
 * Overdraft protection (contract, "Overdraft protection"; issue 17) on the money path:
 * Charlie's checking account starts at $0.00 and his savings account at $100.00.
 */
describe('overdraft protection', () => {
  let t: TestApp;
  const clock = new ManualClock(START);
  let charlie: string;
  let checking: string;
  let savings: string;
  /** The first withdrawal that swept, for its receipt. */
  let sweptWithdrawal: string;

  beforeAll(async () => {
    t = await TestApp.start({
      clock,
      // A small transfer limit, so the sweep's exception to it can be seen.
      env: { ATM_TIMEZONE: 'America/New_York', DAILY_TRANSFER_LIMIT: '5000' },
    });
    charlie = (await t.login(DEMO.charlie.cardNumber, DEMO.charlie.pin)).accessToken;
    checking = (await accountByNumber(t, charlie, DEMO.charlie.checking)).id;
    savings = (await accountByNumber(t, charlie, DEMO.charlie.savings)).id;
    await t.app
      .get(OverdraftLinksService)
      .setLink({ id: checking }, DEMO.charlie.savings, ACTOR, 'NOT_FOUND');
  });

  afterEach(async () => {
    await expectLedgerConsistent(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const post = <T>(path: string, body: unknown, key = newKey('od')) =>
    t.request<T & ProblemDetails>('POST', path, {
      token: charlie,
      body,
      headers: { 'idempotency-key': key },
    });
  const withdraw = (amountCents: number, key?: string) =>
    post<WithdrawalResponse>(`/api/v1/accounts/${checking}/withdrawals`, { amountCents }, key);
  const deposit = (account: string, amountCents: number) =>
    post(`/api/v1/accounts/${account}/deposits`, { amountCents, kind: 'CASH' });
  const balances = async () => ({
    checking: (await accountByNumber(t, charlie, DEMO.charlie.checking)).balanceCents,
    savings: (await accountByNumber(t, charlie, DEMO.charlie.savings)).balanceCents,
  });
  const transactionCount = async () =>
    Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ledger_transactions`))[0]?.n);

  it('shows the link, masked, on the customer’s Account', async () => {
    const account = await accountByNumber(t, charlie, DEMO.charlie.checking);
    expect(account.overdraftFromAccountNumber).toBe('••••0002');
    expect(
      (await accountByNumber(t, charlie, DEMO.charlie.savings)).overdraftFromAccountNumber,
    ).toBeNull();
  });

  it('sweeps exactly the shortfall, as its own transfer, before the withdrawal', async () => {
    expect((await deposit(checking, 3000)).status).toBe(201);
    const response = await withdraw(6000);
    expect(response.status).toBe(201);
    const sweep = response.body.overdraftTransfer as Transaction;
    expect(sweep).toEqual({
      id: expect.any(String),
      reference: expect.stringMatching(/^[0-9A-Z]{6,12}$/),
      type: 'TRANSFER',
      amountCents: 3000,
      accountId: savings,
      balanceAfterCents: 7000,
      createdAt: new Date(START).toISOString(),
      counterpartyAccountNumber: '••••0001',
    });
    expect(sweep.reference).not.toBe(response.body.transaction.reference);
    sweptWithdrawal = response.body.transaction.id;
    expect(response.body.transaction).toMatchObject({ amountCents: 6000, balanceAfterCents: 0 });
    expect(await balances()).toEqual({ checking: 0, savings: 7000 });

    // Both accounts' histories show it as "Overdraft protection", in ledger order.
    const history = await t.request<{
      items: Array<{ type: string; description: string; overdraftProtection?: boolean }>;
    }>('GET', `/api/v1/accounts/${checking}/transactions?limit=2`, { token: charlie });
    expect(history.body.items.map((e) => [e.type, e.description, e.overdraftProtection])).toEqual([
      ['WITHDRAWAL', 'ATM withdrawal', undefined],
      ['TRANSFER_IN', 'Overdraft protection', true],
    ]);
    const [audit] = await t.sql<{ account_id: string; details: { amountCents: number } }>(
      `SELECT account_id, details FROM audit_events WHERE type = 'OVERDRAFT_SWEEP' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ account_id: checking, details: { amountCents: 3000 } });
  });

  it.each([
    ['en', 'Overdraft protection', 'from savings ••••0002'],
    ['es', 'Protección contra sobregiros', 'de ahorros ••••0002'],
    ['fr', 'Protection de découvert', 'du compte épargne ••••0002'],
  ] as const)(
    'prints the sweep on the receipt and on both accounts’ statements (%s)',
    async (language, name, from) => {
      const receipt = await t.app.inject({
        method: 'GET',
        url: `/api/v1/transactions/${sweptWithdrawal}/receipt`,
        headers: { authorization: `Bearer ${charlie}`, 'accept-language': language },
      });
      expect(receipt.statusCode).toBe(200);
      const receiptText = (await pdfText(receipt.rawPayload)).replace(/\s+/g, ' ');
      expect(receiptText).toContain(name);
      expect(receiptText).toContain(from);
      for (const account of [checking, savings]) {
        const day = '2026-11-24';
        const asked = await requestStatement(t, charlie, account, { from: day, to: day, language });
        expect(asked.status).toBe(202);
        const ready = await waitForStatus(t, charlie, asked.body.statement.id, 'READY', 120_000);
        const pdf = await t.app.inject({
          method: 'GET',
          url: `/api/v1/statements/${ready.id}/pdf`,
          headers: { authorization: `Bearer ${charlie}` },
        });
        expect((await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ')).toContain(name);
      }
    },
    180_000,
  );

  it('answers overdraftTransfer null when the checking account covers the movement', async () => {
    expect((await deposit(checking, 2000)).status).toBe(201);
    const response = await withdraw(2000);
    expect(response.status).toBe(201);
    expect(response.body.overdraftTransfer).toBeNull();
    expect(await balances()).toEqual({ checking: 0, savings: 7000 });
  });

  it('refuses when both together fall short, and nothing moves', async () => {
    const before = { balances: await balances(), transactions: await transactionCount() };
    const response = await withdraw(8000);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('INSUFFICIENT_FUNDS');
    // What both together could cover.
    expect(response.body.detail).toContain('$70.00');
    expect({ balances: await balances(), transactions: await transactionCount() }).toEqual(before);
  });

  it('refuses when the linked savings account is frozen', async () => {
    const bank = t.app.get(BankAdminService);
    await bank.setAccountStatus(DEMO.charlie.savings, 'FROZEN', ACTOR);
    try {
      const response = await withdraw(2000);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('INSUFFICIENT_FUNDS');
      expect(await balances()).toEqual({ checking: 0, savings: 7000 });
    } finally {
      await bank.setAccountStatus(DEMO.charlie.savings, 'ACTIVE', ACTOR);
    }
  });

  it('sweeps only the savings account’s available money, never what is on hold', async () => {
    // Cash: $200 available at once, the other $300 held until the next business day.
    expect((await deposit(savings, 50000)).status).toBe(201);
    expect(await balances()).toEqual({ checking: 0, savings: 57000 });
    const refused = await withdraw(30000);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('INSUFFICIENT_FUNDS');
    expect(refused.body.detail).toContain('$270.00');
    const taken = await withdraw(26000);
    expect(taken.status).toBe(201);
    expect(taken.body.overdraftTransfer?.amountCents).toBe(26000);
    const after = await accountByNumber(t, charlie, DEMO.charlie.savings);
    expect(after).toMatchObject({ balanceCents: 31000, availableBalanceCents: 1000 });
  });

  it('replays the sweep with the idempotency key and moves nothing again', async () => {
    clock.advanceSeconds(2 * 86400); // Thursday: the savings hold has released.
    charlie = (await t.login(DEMO.charlie.cardNumber, DEMO.charlie.pin)).accessToken;
    const key = newKey('replay');
    const first = await withdraw(4000, key);
    expect(first.status).toBe(201);
    expect(first.body.overdraftTransfer?.amountCents).toBe(4000);
    const before = await balances();
    const replay = await withdraw(4000, key);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await balances()).toEqual(before);
  });

  it('covers a transfer too, and the sweep does not count toward the savings account’s transfer limit', async () => {
    // The savings account uses its whole transfer limit ($50.00 in this file) first.
    const own = await post<TransferResponse>('/api/v1/transfers', {
      fromAccountId: savings,
      toAccountNumber: DEMO.bob.checking,
      amountCents: 5000,
    });
    expect(own.status).toBe(201);
    expect(own.body.overdraftTransfer).toBeNull();
    const before = await balances();
    const response = await post<TransferResponse>('/api/v1/transfers', {
      fromAccountId: checking,
      toAccountNumber: DEMO.bob.checking,
      amountCents: 4500,
      memo: 'rent',
    });
    expect(response.status).toBe(201);
    expect(response.body.overdraftTransfer).toMatchObject({
      type: 'TRANSFER',
      amountCents: 4500 - before.checking,
      accountId: savings,
      counterpartyAccountNumber: '••••0001',
    });
    expect(response.body.transaction).toMatchObject({ amountCents: 4500, balanceAfterCents: 0 });
    expect(await balances()).toEqual({
      checking: 0,
      savings: before.savings - (4500 - before.checking),
    });
    const limits = async (account: string) =>
      (
        await t.request<LimitsResponse>('GET', `/api/v1/accounts/${account}/limits`, {
          token: charlie,
        })
      ).body.transfer;
    // The customer's transfer counts toward the checking account's limit; the sweep toward none.
    expect(await limits(checking)).toMatchObject({ usedTodayCents: 4500, remainingCents: 500 });
    expect(await limits(savings)).toMatchObject({ usedTodayCents: 5000, remainingCents: 0 });
  });

  it('after unlinking, a shortfall is refused as before', async () => {
    await t.app.get(OverdraftLinksService).setLink({ id: checking }, null, ACTOR, 'NOT_FOUND');
    const response = await withdraw(2000);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('INSUFFICIENT_FUNDS');
    expect(
      (await accountByNumber(t, charlie, DEMO.charlie.checking)).overdraftFromAccountNumber,
    ).toBeNull();
  });
});

/**
 * Concurrent withdrawals from the checking account (sweeping) and from the savings account
 * itself: each is serial under the two row locks, so no balance goes below zero and every
 * cent is accounted for. PostgreSQL only: the embedded engine runs one call at a time.
 */
const onPostgres = currentEngine() === 'postgres' ? describe : describe.skip;

onPostgres('overdraft protection under concurrency', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ env: { DB_POOL_SIZE: '20', DAILY_WITHDRAWAL_LIMIT: '10000000' } });
  });

  afterAll(async () => {
    await expectLedgerConsistent(t);
    await t.close();
  });

  it('never overdraws either account and keeps the ledger whole', async () => {
    const { accessToken: token } = await t.login(DEMO.alice.cardNumber, DEMO.alice.pin);
    const checking = await accountByNumber(t, token, DEMO.alice.checking);
    const savings = await accountByNumber(t, token, DEMO.alice.savings);
    await t.app
      .get(OverdraftLinksService)
      .setLink({ id: checking.id }, DEMO.alice.savings, ACTOR, 'NOT_FOUND');
    await t.app.get(CashService).load(2000, 1000, ACTOR);
    const totalBefore = await totalCustomerBalance(t);
    // $5,250 + $12,500 = $17,750 between them; $40,000 asked for from both sides.
    const requests = Array.from({ length: 40 }, (_, i) =>
      t.request<WithdrawalResponse>(
        'POST',
        `/api/v1/accounts/${i % 2 === 0 ? checking.id : savings.id}/withdrawals`,
        { token, body: { amountCents: 100000 }, headers: { 'idempotency-key': newKey('race') } },
      ),
    );
    const responses = await Promise.all(requests);
    const taken = responses.filter((r) => r.status === 201);
    expect(responses.every((r) => r.status === 201 || r.status === 422)).toBe(true);
    expect(taken).toHaveLength(17);
    const after = {
      checking: (await accountByNumber(t, token, DEMO.alice.checking)).balanceCents,
      savings: (await accountByNumber(t, token, DEMO.alice.savings)).balanceCents,
    };
    expect(after.checking).toBeGreaterThanOrEqual(0);
    expect(after.savings).toBeGreaterThanOrEqual(0);
    expect(after.checking + after.savings).toBe(1775000 - 1700000);
    expect(await totalCustomerBalance(t)).toBe(totalBefore - 1700000);
  }, 120_000);
});
