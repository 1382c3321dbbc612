import {
  type AccountResponse,
  type EntriesPage,
  type LimitsResponse,
  type ProblemDetails,
} from '@atm/contracts';
import { accountByNumber, accountsOf, newKey } from './support/accounts';
import { DEMO, TestApp } from './support/test-app';

describe('accounts', () => {
  let t: TestApp;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    t = await TestApp.start();
    alice = (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken;
    bob = (await t.login(DEMO.bob.cardNumber, DEMO.bob.pin)).accessToken;
  });

  afterAll(async () => {
    await t.close();
  });

  it("lists only the signed-in customer's accounts", async () => {
    const accounts = await accountsOf(t, alice);
    expect(accounts).toEqual([
      {
        id: expect.any(String),
        number: '100000010001',
        type: 'CHECKING',
        balanceCents: 525000,
        availableBalanceCents: 525000,
        currency: 'USD',
        status: 'ACTIVE',
        overdraftFromAccountNumber: null,
      },
      {
        id: expect.any(String),
        number: '100000010002',
        type: 'SAVINGS',
        balanceCents: 1250000,
        availableBalanceCents: 1250000,
        currency: 'USD',
        status: 'ACTIVE',
        overdraftFromAccountNumber: null,
      },
    ]);
    expect((await accountsOf(t, bob)).map((a) => a.number)).toEqual(['100000020001']);
  });

  it('gets one account and its limits', async () => {
    const checking = await accountByNumber(t, alice, DEMO.alice.checking);
    const one = await t.request<AccountResponse>('GET', `/api/v1/accounts/${checking.id}`, {
      token: alice,
    });
    expect(one.status).toBe(200);
    expect(one.body.account).toEqual(checking);
    const limits = await t.request<LimitsResponse>(
      'GET',
      `/api/v1/accounts/${checking.id}/limits`,
      { token: alice },
    );
    expect(limits.body).toEqual({
      withdrawal: { dailyLimitCents: 50000, usedTodayCents: 0, remainingCents: 50000 },
      transfer: { dailyLimitCents: 250000, usedTodayCents: 0, remainingCents: 250000 },
    });
  });

  it("answers 404 for another customer's account on every route, exactly like a missing one", async () => {
    const aliceChecking = await accountByNumber(t, alice, DEMO.alice.checking);
    const missing = '6f1c0f36-3b1e-4c55-9f43-4f5a2f0d2a11';
    for (const id of [aliceChecking.id, missing]) {
      for (const [method, path, body] of [
        ['GET', `/api/v1/accounts/${id}`, undefined],
        ['GET', `/api/v1/accounts/${id}/limits`, undefined],
        ['GET', `/api/v1/accounts/${id}/transactions`, undefined],
        ['POST', `/api/v1/accounts/${id}/withdrawals`, { amountCents: 2000 }],
        ['POST', `/api/v1/accounts/${id}/deposits`, { amountCents: 2000, kind: 'CASH' }],
        [
          'POST',
          '/api/v1/transfers',
          { fromAccountId: id, toAccountNumber: DEMO.bob.checking, amountCents: 100 },
        ],
      ] as const) {
        const response = await t.request<ProblemDetails>(method, path, {
          token: bob,
          body,
          headers: { 'idempotency-key': newKey() },
        });
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('NOT_FOUND');
      }
    }
    const [unchanged] = await accountsOf(t, alice);
    expect(unchanged?.balanceCents).toBe(525000);
  });

  it('answers 400 for a path id that is not a UUID', async () => {
    for (const id of ['abc', '1', '6f1c0f36-3b1e-4c55-9f43-4f5a2f0d2a1', "' OR 1=1 --"]) {
      const response = await t.request<ProblemDetails>(
        'GET',
        `/api/v1/accounts/${encodeURIComponent(id)}`,
        { token: alice },
      );
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('pages the history newest first with running balances', async () => {
    const checking = await accountByNumber(t, bob, DEMO.bob.checking);
    for (const amountCents of [1000, 2000, 3000]) {
      const response = await t.request('POST', `/api/v1/accounts/${checking.id}/deposits`, {
        token: bob,
        body: { amountCents, kind: 'CASH' },
        headers: { 'idempotency-key': newKey() },
      });
      expect(response.status).toBe(201);
    }
    const first = await t.request<EntriesPage>(
      'GET',
      `/api/v1/accounts/${checking.id}/transactions?limit=2`,
      { token: bob },
    );
    expect(first.status).toBe(200);
    expect(first.body.items.map((e) => [e.type, e.amountCents, e.balanceAfterCents])).toEqual([
      ['DEPOSIT', 3000, 91075],
      ['DEPOSIT', 2000, 88075],
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.request<EntriesPage>(
      'GET',
      `/api/v1/accounts/${checking.id}/transactions?limit=2&cursor=${first.body.nextCursor}`,
      { token: bob },
    );
    expect(second.body.items.map((e) => [e.type, e.amountCents, e.balanceAfterCents])).toEqual([
      ['DEPOSIT', 1000, 86075],
      ['OPENING', 85075, 85075],
    ]);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.items, ...second.body.items];
    for (let i = 0; i < all.length - 1; i += 1) {
      expect(all[i].balanceAfterCents - all[i].amountCents).toBe(all[i + 1].balanceAfterCents);
    }
    const byDefault = await t.request<EntriesPage>(
      'GET',
      `/api/v1/accounts/${checking.id}/transactions`,
      { token: bob },
    );
    expect(byDefault.body.items).toHaveLength(4);
  });

  it.each([
    'limit=0',
    'limit=101',
    'limit=abc',
    'limit=1.5',
    'limit=-1',
    'cursor=%25%25',
    'cursor=ZXZpbA',
    'other=1',
  ])('refuses %s with 400 (never clamped)', async (query) => {
    const checking = await accountByNumber(t, bob, DEMO.bob.checking);
    const response = await t.request<ProblemDetails>(
      'GET',
      `/api/v1/accounts/${checking.id}/transactions?${query}`,
      { token: bob },
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });
});
