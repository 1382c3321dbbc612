import {
  type Account,
  type AdminAuditPage,
  type AdminCardResponse,
  type AdminCustomerResponse,
  type AdminCustomersPage,
  type AdminDashboard,
  type AdminRole,
  type ProblemDetails,
  type Transaction,
} from '@atm/contracts';
import { UUID_PATTERN } from '../src/common';
import { ManualClock } from '../src/common/clock';
import { adminToken, createAdmin, type TestAdmin } from './support/admin';
import { newKey } from './support/accounts';
import { expectLedgerConsistent } from './support/ledger-check';
import { DEMO, TestApp, type TestResponse } from './support/test-app';

const ID = '6f1c0f36-3b1e-4c55-9f43-4f5a2f0d2a11';
const A = '/api/v1/admin';

/** The contract's table: every route of the admin API and the least role it needs. */
const ADMIN_ROUTES: Array<{ method: 'GET' | 'POST' | 'PUT'; path: string; role: AdminRole }> = [
  { method: 'GET', path: `${A}/dashboard`, role: 'VIEWER' },
  { method: 'GET', path: `${A}/customers`, role: 'VIEWER' },
  { method: 'GET', path: `${A}/customers/${ID}`, role: 'VIEWER' },
  { method: 'POST', path: `${A}/customers`, role: 'OPERATOR' },
  { method: 'POST', path: `${A}/customers/${ID}/accounts`, role: 'OPERATOR' },
  { method: 'POST', path: `${A}/accounts/${ID}/freeze`, role: 'OPERATOR' },
  { method: 'POST', path: `${A}/accounts/${ID}/unfreeze`, role: 'OPERATOR' },
  { method: 'POST', path: `${A}/accounts/${ID}/close`, role: 'OPERATOR' },
  { method: 'POST', path: `${A}/accounts/${ID}/overdraft`, role: 'OPERATOR' },
  { method: 'POST', path: `${A}/cards/${ID}/block`, role: 'OPERATOR' },
  { method: 'POST', path: `${A}/cards/${ID}/unlock`, role: 'OPERATOR' },
  { method: 'POST', path: `${A}/cash`, role: 'OPERATOR' },
  { method: 'GET', path: `${A}/maintenance`, role: 'VIEWER' },
  { method: 'PUT', path: `${A}/maintenance`, role: 'ADMIN' },
  { method: 'GET', path: `${A}/audit`, role: 'VIEWER' },
  { method: 'POST', path: `${A}/transactions/${ID}/reverse`, role: 'ADMIN' },
];
const RANK: Record<AdminRole, number> = { VIEWER: 0, OPERATOR: 1, ADMIN: 2 };

describe('admin API', () => {
  let t: TestApp;
  const clock = new ManualClock();
  const admins = {} as Record<AdminRole, TestAdmin>;
  const tokens = {} as Record<AdminRole, string>;
  /** Every admin answer of this file, for the nothing-sensitive check at the end. */
  const answers: string[] = [];

  const as = async <T = unknown>(
    role: AdminRole,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    options: { body?: unknown; key?: string } = {},
  ): Promise<TestResponse<T & ProblemDetails>> => {
    const response = await t.request<T & ProblemDetails>(method, path, {
      token: tokens[role],
      ...(options.body !== undefined ? { body: options.body } : {}),
      ...(options.key ? { headers: { 'idempotency-key': options.key } } : {}),
    });
    answers.push(response.text);
    return response;
  };

  const accountId = async (number: string): Promise<string> => {
    const [row] = await t.sql<{ id: string }>(`SELECT id FROM accounts WHERE number = $1`, [
      number,
    ]);
    if (!row) throw new Error(`no account ${number}`);
    return row.id;
  };

  const customerId = async (name: string): Promise<string> => {
    const [row] = await t.sql<{ id: string }>(`SELECT id FROM customers WHERE name = $1`, [name]);
    if (!row) throw new Error(`no customer ${name}`);
    return row.id;
  };

  const withdraw = async (
    card: { cardNumber: string; pin: string },
    number: string,
    amountCents: number,
  ) => {
    const { accessToken } = await t.login(card.cardNumber, card.pin);
    return t.request<{ transaction: Transaction } & ProblemDetails>(
      'POST',
      `/api/v1/accounts/${await accountId(number)}/withdrawals`,
      { token: accessToken, headers: { 'idempotency-key': newKey('w') }, body: { amountCents } },
    );
  };

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    for (const role of ['VIEWER', 'OPERATOR', 'ADMIN'] as const) {
      admins[role] = await createAdmin(t, `${role.toLowerCase()}.one`, role);
      tokens[role] = await adminToken(t, clock, admins[role]);
    }
    // Booting and seeding on a busy machine can take longer than the default minute.
  }, 240_000);

  afterAll(async () => {
    await t?.close();
  });

  it('lists exactly the contract routes, and each answers 403 to a lower role before the shape', async () => {
    for (const route of ADMIN_ROUTES) {
      for (const role of ['VIEWER', 'OPERATOR', 'ADMIN'] as const) {
        const response = await as(role, route.method, route.path, { body: { unexpected: true } });
        const allowed = RANK[role] >= RANK[route.role];
        const seen = { route: `${route.method} ${route.path}`, role, status: response.status };
        if (allowed) {
          expect(seen.status).not.toBe(403);
          expect(seen.status).not.toBe(401);
        } else {
          expect(seen).toEqual({ ...seen, status: 403 });
          expect(response.body.code).toBe('FORBIDDEN');
        }
      }
    }
  });

  it('answers the dashboard, with cash balancing that follows loads and withdrawals', async () => {
    const before = await as<AdminDashboard>('VIEWER', 'GET', `${A}/dashboard`);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      customers: 3,
      accounts: 5,
      cards: { active: 3, locked: 0, blocked: 0 },
      cash: [{ denominationCents: 2000, count: 500 }],
      today: { withdrawals: 0, deposits: 0, transfers: 0, failedSignIns: 0 },
      statements: { pending: 0, failed: 0 },
      cashBalancing: { stockCents: 1_000_000, ledgerCents: 1_000_000 },
    });
    expect((await withdraw(DEMO.alice, DEMO.alice.checking, 6000)).status).toBe(201);
    await t.request('POST', '/api/v1/auth/login', {
      body: { cardNumber: DEMO.bob.cardNumber, pin: '0000' },
    });
    const after = await as<AdminDashboard>('VIEWER', 'GET', `${A}/dashboard`);
    expect(after.body).toMatchObject({
      cash: [{ denominationCents: 2000, count: 497 }],
      today: { withdrawals: 1, deposits: 0, transfers: 0, failedSignIns: 1 },
      cashBalancing: { stockCents: 994_000, ledgerCents: 994_000 },
    });
  });

  it('loads cash as a ledger transaction from the vault, once per Idempotency-Key', async () => {
    const key = newKey('cash');
    const load = () =>
      as<{ cash: unknown }>('OPERATOR', 'POST', `${A}/cash`, {
        key,
        body: { denominationCents: 5000, count: 40 },
      });
    const first = await load();
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      cash: [
        { denominationCents: 5000, count: 40 },
        { denominationCents: 2000, count: 497 },
      ],
    });
    const again = await load();
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const [ledger] = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM ledger_transactions WHERE type = 'CASH_LOAD' AND amount_cents = 200000`,
    );
    expect(ledger?.n).toBe('1');
    const dashboard = await as<AdminDashboard>('VIEWER', 'GET', `${A}/dashboard`);
    expect(dashboard.body.cashBalancing).toEqual({ stockCents: 1_194_000, ledgerCents: 1_194_000 });
    expect(
      (await as('OPERATOR', 'POST', `${A}/cash`, { body: { denominationCents: 5000, count: 1 } }))
        .body,
    ).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED' });
    expect(
      (
        await as('OPERATOR', 'POST', `${A}/cash`, {
          key: newKey(),
          body: { denominationCents: 300, count: 1 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await as('OPERATOR', 'POST', `${A}/cash`, {
          key,
          body: { denominationCents: 5000, count: 41 },
        })
      ).body,
    ).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await expectLedgerConsistent(t);
  });

  it('searches customers by name, e-mail, account number and card last four, a page at a time', async () => {
    const search = (query: string, extra = '') =>
      as<AdminCustomersPage>(
        'VIEWER',
        'GET',
        `${A}/customers?query=${encodeURIComponent(query)}${extra}`,
      );
    for (const query of ['bob', 'BOB@example', '1000-0002-0001', '00020001', '0028']) {
      const response = await search(query);
      expect({
        query,
        status: response.status,
        names: response.body.items.map((c) => c.name),
      }).toEqual({
        query,
        status: 200,
        names: ['Bob Williams'],
      });
    }
    const first = await as<AdminCustomersPage>('VIEWER', 'GET', `${A}/customers?limit=2`);
    expect(first.body.items.map((c) => c.name)).toEqual(['Alice Johnson', 'Bob Williams']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await as<AdminCustomersPage>(
      'VIEWER',
      'GET',
      `${A}/customers?limit=2&cursor=${first.body.nextCursor ?? ''}`,
    );
    expect(second.body).toEqual({
      items: [expect.objectContaining({ name: 'Charlie Davis' })],
      nextCursor: null,
    });
    const bob = (await search('bob')).body.items[0];
    expect(bob).toEqual({
      id: expect.any(String),
      name: 'Bob Williams',
      email: 'bob@example.com',
      createdAt: expect.any(String),
      accounts: [
        expect.objectContaining({
          number: DEMO.bob.checking,
          type: 'CHECKING',
          balanceCents: 85075,
          availableBalanceCents: 85075,
          currency: 'USD',
          status: 'ACTIVE',
        }),
      ],
      cards: [{ id: expect.any(String), last4: '0028', status: 'ACTIVE' }],
    });
  });

  it('takes SQL metacharacters as text, and refuses 10,000 characters or control characters with 400', async () => {
    for (const query of [
      "' OR 1=1 --",
      '%',
      '_',
      '\\',
      "'; DROP TABLE customers; --",
      '%%__',
      'é€😀',
    ]) {
      const response = await as<AdminCustomersPage>(
        'VIEWER',
        'GET',
        `${A}/customers?query=${encodeURIComponent(query)}`,
      );
      expect({ query, status: response.status, items: response.body.items }).toEqual({
        query,
        status: 200,
        items: [],
      });
    }
    for (const query of ['x'.repeat(10_000), 'bob\u0000', 'bob\u0007', 'a\u202Eb', 'bob\u009b']) {
      const response = await as(
        'VIEWER',
        'GET',
        `${A}/customers?query=${encodeURIComponent(query)}`,
      );
      expect({ length: query.length, status: response.status }).toEqual({
        length: query.length,
        status: 400,
      });
    }
    for (const extra of [
      'limit=0',
      'limit=101',
      'limit=1.5',
      'cursor=not-a-cursor!',
      'cursor=eyJ4IjoxfQ',
    ]) {
      expect({
        extra,
        status: (await as('VIEWER', 'GET', `${A}/customers?${extra}`)).status,
      }).toEqual({ extra, status: 400 });
    }
    expect((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM customers`))[0]?.n).toBe('3');
  });

  it("shows a customer's page and audits the look with the administrator's name", async () => {
    const id = await customerId('Bob Williams');
    const response = await as<AdminCustomerResponse>('VIEWER', 'GET', `${A}/customers/${id}`);
    expect(response.status).toBe(200);
    expect(response.body.customer).toMatchObject({
      id,
      name: 'Bob Williams',
      cards: [{ last4: '0028', status: 'ACTIVE' }],
    });
    const [viewed] = await t.sql<{ actor: string; customer_id: string }>(
      `SELECT actor, customer_id FROM audit_events WHERE type = 'CUSTOMER_VIEWED' ORDER BY id DESC LIMIT 1`,
    );
    expect(viewed).toEqual({ actor: admins.VIEWER.username, customer_id: id });
    expect((await as('VIEWER', 'GET', `${A}/customers/${ID}`)).status).toBe(404);
    expect((await as('VIEWER', 'GET', `${A}/customers/not-a-uuid`)).status).toBe(400);
  });

  it('creates customers and opens accounts at $0 with an Idempotency-Key', async () => {
    const key = newKey('customer');
    const create = (body: unknown, k: string | null = key) =>
      as<AdminCustomerResponse>('OPERATOR', 'POST', `${A}/customers`, {
        body,
        ...(k ? { key: k } : {}),
      });
    const created = await create({ name: 'Dana Lee', email: 'dana@example.com' });
    expect(created.status).toBe(201);
    expect(created.body.customer).toEqual({
      id: expect.any(String),
      name: 'Dana Lee',
      email: 'dana@example.com',
      createdAt: expect.any(String),
      accounts: [],
      cards: [],
    });
    const replay = await create({ name: 'Dana Lee', email: 'dana@example.com' });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(created.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect((await create({ name: 'Someone Else' })).body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect((await create({ name: 'No Key' }, null)).body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REQUIRED',
    });
    for (const body of [
      { name: 'Bell\u0007' },
      { name: 'x', email: 'a\u202E@b.c' },
      { name: '' },
      { name: 'x', balanceCents: 5 },
    ]) {
      expect((await create(body, newKey())).status).toBe(400);
    }
    expect(
      (await t.sql<{ n: string }>(`SELECT count(*) AS n FROM customers WHERE name = 'Dana Lee'`))[0]
        ?.n,
    ).toBe('1');

    const dana = created.body.customer.id;
    const open = await as<{ account: Account }>(
      'OPERATOR',
      'POST',
      `${A}/customers/${dana}/accounts`,
      { key: newKey('open'), body: { type: 'SAVINGS' } },
    );
    expect(open.status).toBe(201);
    expect(open.body.account).toEqual({
      id: expect.any(String),
      number: expect.stringMatching(/^[1-8]\d{11}$/),
      type: 'SAVINGS',
      balanceCents: 0,
      availableBalanceCents: 0,
      currency: 'USD',
      status: 'ACTIVE',
      overdraftFromAccountNumber: null,
    });
    expect(
      (
        await as('OPERATOR', 'POST', `${A}/customers/${dana}/accounts`, {
          key: newKey(),
          body: { type: 'CHECKING', openingCents: 100 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await as('OPERATOR', 'POST', `${A}/customers/${ID}/accounts`, {
          key: newKey(),
          body: { type: 'CHECKING' },
        })
      ).status,
    ).toBe(404);
    const events = await t.sql<{ type: string; actor: string }>(
      `SELECT type, actor FROM audit_events WHERE customer_id = $1 ORDER BY id`,
      [dana],
    );
    expect(events).toEqual([
      { type: 'CUSTOMER_CREATED', actor: admins.OPERATOR.username },
      { type: 'ACCOUNT_OPENED', actor: admins.OPERATOR.username },
    ]);
    // Closing the empty account works; a customer's account with money does not.
    const closed = await as<{ account: Account }>(
      'OPERATOR',
      'POST',
      `${A}/accounts/${open.body.account.id}/close`,
    );
    expect(closed.body.account.status).toBe('CLOSED');
  });

  it('freezes and unfreezes; a frozen account refuses the customer; closing one with money is 422', async () => {
    const bobChecking = await accountId(DEMO.bob.checking);
    const frozen = await as<{ account: Account }>(
      'OPERATOR',
      'POST',
      `${A}/accounts/${bobChecking}/freeze`,
    );
    expect(frozen.status).toBe(200);
    expect(frozen.body.account).toMatchObject({
      id: bobChecking,
      number: DEMO.bob.checking,
      status: 'FROZEN',
    });
    expect((await withdraw(DEMO.bob, DEMO.bob.checking, 2000)).body).toMatchObject({
      code: 'ACCOUNT_NOT_ACTIVE',
    });
    const active = await as<{ account: Account }>(
      'OPERATOR',
      'POST',
      `${A}/accounts/${bobChecking}/unfreeze`,
    );
    expect(active.body.account.status).toBe('ACTIVE');
    const close = await as('OPERATOR', 'POST', `${A}/accounts/${bobChecking}/close`);
    expect(close.status).toBe(422);
    expect(close.body.code).toBe('ACCOUNT_NOT_EMPTY');
    expect((await as('OPERATOR', 'POST', `${A}/accounts/${ID}/freeze`)).status).toBe(404);
    const events = await t.sql<{ type: string; outcome: string; actor: string }>(
      `SELECT type, outcome, actor FROM audit_events WHERE account_id = $1 AND type IN ('ACCOUNT_FROZEN', 'ACCOUNT_UNFROZEN', 'ACCOUNT_CLOSED') ORDER BY id`,
      [bobChecking],
    );
    expect(events).toEqual([
      { type: 'ACCOUNT_FROZEN', outcome: 'SUCCESS', actor: admins.OPERATOR.username },
      { type: 'ACCOUNT_UNFROZEN', outcome: 'SUCCESS', actor: admins.OPERATOR.username },
      { type: 'ACCOUNT_CLOSED', outcome: 'REFUSED', actor: admins.OPERATOR.username },
    ]);
    // The audit log says which account, whose, from where, and how the refused close ended.
    const newest = async (type: string) =>
      (await as<AdminAuditPage>('VIEWER', 'GET', `${A}/audit?type=${type}&limit=1`)).body.items[0]
        ?.details;
    const subject = {
      customerId: expect.stringMatching(UUID_PATTERN),
      customerName: 'Bob Williams',
      accountId: bobChecking,
      accountNumber: DEMO.bob.checking,
      clientIp: expect.stringMatching(/^[0-9a-f.:]+$/),
    };
    expect(await newest('ACCOUNT_FROZEN')).toEqual(subject);
    expect(await newest('ACCOUNT_UNFROZEN')).toEqual(subject);
    expect(await newest('ACCOUNT_CLOSED')).toEqual({
      ...subject,
      code: 'ACCOUNT_NOT_EMPTY',
      reason: expect.any(String),
      outcome: 'REFUSED',
    });
  });

  it('two administrators freezing and unfreezing one account at once: one of the two states, both audited', async () => {
    const second = await createAdmin(t, 'operator.two', 'OPERATOR');
    const secondToken = await adminToken(t, clock, second);
    const savings = await accountId(DEMO.alice.savings);
    for (let round = 0; round < 4; round += 1) {
      const [before] = await t.sql<{ n: string }>(
        `SELECT count(*) AS n FROM audit_events WHERE account_id = $1`,
        [savings],
      );
      await Promise.all([
        t.request('POST', `${A}/accounts/${savings}/freeze`, { token: tokens.OPERATOR }),
        t.request('POST', `${A}/accounts/${savings}/unfreeze`, { token: secondToken }),
      ]);
      const [state] = await t.sql<{ status: string }>(`SELECT status FROM accounts WHERE id = $1`, [
        savings,
      ]);
      expect(['ACTIVE', 'FROZEN']).toContain(state?.status);
      const [after] = await t.sql<{ n: string }>(
        `SELECT count(*) AS n FROM audit_events WHERE account_id = $1`,
        [savings],
      );
      expect(Number(after?.n) - Number(before?.n)).toBe(2);
      const lastTwo = await t.sql<{ type: string; actor: string }>(
        `SELECT type, actor FROM audit_events WHERE account_id = $1 ORDER BY id DESC LIMIT 2`,
        [savings],
      );
      expect(lastTwo.map((e) => `${e.type} ${e.actor}`).sort()).toEqual(
        [
          `ACCOUNT_FROZEN ${admins.OPERATOR.username}`,
          `ACCOUNT_UNFROZEN ${second.username}`,
        ].sort(),
      );
      if (state?.status === 'FROZEN')
        await t.request('POST', `${A}/accounts/${savings}/unfreeze`, { token: tokens.OPERATOR });
    }
  });

  it('links and unlinks overdraft protection: only a savings account of the same customer, active', async () => {
    const checking = await accountId(DEMO.alice.checking);
    const savings = await accountId(DEMO.alice.savings);
    const link = (id: string, fromAccountNumber: unknown) =>
      as<{ account: Account }>('OPERATOR', 'POST', `${A}/accounts/${id}/overdraft`, {
        body: { fromAccountNumber },
      });

    const linked = await link(checking, DEMO.alice.savings);
    expect(linked.status).toBe(200);
    expect(linked.body.account).toMatchObject({
      id: checking,
      overdraftFromAccountNumber: '••••0002',
    });
    const { accessToken } = await t.login(DEMO.alice.cardNumber, DEMO.alice.pin);
    const seen = await t.request<{ account: Account }>('GET', `/api/v1/accounts/${checking}`, {
      token: accessToken,
    });
    expect(seen.body.account.overdraftFromAccountNumber).toBe('••••0002');
    const detail = await as<AdminCustomerResponse>(
      'VIEWER',
      'GET',
      `${A}/customers/${await customerId('Alice Johnson')}`,
    );
    expect(
      detail.body.customer.accounts.map((a) => [a.number, a.overdraftFromAccountNumber]),
    ).toEqual([
      [DEMO.alice.checking, '••••0002'],
      [DEMO.alice.savings, null],
    ]);

    // Another customer's savings account is not found; the wrong kinds are refused.
    const foreign = await link(await accountId(DEMO.bob.checking), DEMO.alice.savings);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
    const itself = await link(checking, DEMO.alice.checking);
    expect([itself.status, itself.body.code]).toEqual([422, 'INVALID_OVERDRAFT_LINK']);
    const backwards = await link(savings, DEMO.alice.checking);
    expect([backwards.status, backwards.body.code]).toEqual([422, 'INVALID_OVERDRAFT_LINK']);
    expect((await link(ID, DEMO.alice.savings)).status).toBe(404);
    expect((await link(checking, 'abc')).status).toBe(400);
    const missing = await as('OPERATOR', 'POST', `${A}/accounts/${checking}/overdraft`, {
      body: {},
    });
    expect([missing.status, missing.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    // A frozen savings account cannot be linked.
    const charlieChecking = await accountId(DEMO.charlie.checking);
    const charlieSavings = await accountId(DEMO.charlie.savings);
    expect((await as('OPERATOR', 'POST', `${A}/accounts/${charlieSavings}/freeze`)).status).toBe(
      200,
    );
    const frozen = await link(charlieChecking, DEMO.charlie.savings);
    expect([frozen.status, frozen.body.code]).toEqual([422, 'ACCOUNT_NOT_ACTIVE']);
    expect((await as('OPERATOR', 'POST', `${A}/accounts/${charlieSavings}/unfreeze`)).status).toBe(
      200,
    );

    const unlinked = await link(checking, null);
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.account.overdraftFromAccountNumber).toBeNull();
    const events = await t.sql<{ type: string; outcome: string; actor: string }>(
      `SELECT type, outcome, actor FROM audit_events
        WHERE account_id = $1 AND type LIKE 'OVERDRAFT_%' ORDER BY id`,
      [checking],
    );
    const operator = admins.OPERATOR.username;
    expect(events).toEqual([
      { type: 'OVERDRAFT_LINKED', outcome: 'SUCCESS', actor: operator },
      { type: 'OVERDRAFT_LINKED', outcome: 'REFUSED', actor: operator },
      { type: 'OVERDRAFT_UNLINKED', outcome: 'SUCCESS', actor: operator },
    ]);
  });

  it("unlocks a locked card and blocks a card, ending the card's sessions", async () => {
    const [card] = await t.sql<{ id: string }>(`SELECT id FROM cards WHERE last4 = '0036'`);
    const cardId = card?.id ?? '';
    for (let i = 0; i < 3; i += 1) {
      await t.request('POST', '/api/v1/auth/login', {
        body: { cardNumber: DEMO.charlie.cardNumber, pin: '0000' },
      });
    }
    const customer = await customerId('Charlie Davis');
    const locked = await as<AdminCustomerResponse>('VIEWER', 'GET', `${A}/customers/${customer}`);
    expect(locked.body.customer.cards).toEqual([
      { id: cardId, last4: '0036', status: 'LOCKED', lockedUntil: expect.any(String) },
    ]);
    const unlocked = await as<AdminCardResponse>('OPERATOR', 'POST', `${A}/cards/${cardId}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toEqual({ card: { id: cardId, last4: '0036', status: 'ACTIVE' } });

    const { accessToken } = await t.login(DEMO.charlie.cardNumber, DEMO.charlie.pin);
    const blocked = await as<AdminCardResponse>('OPERATOR', 'POST', `${A}/cards/${cardId}/block`);
    expect(blocked.body).toEqual({ card: { id: cardId, last4: '0036', status: 'BLOCKED' } });
    expect((await t.request('GET', '/api/v1/accounts', { token: accessToken })).status).toBe(401);
    const events = await t.sql<{ type: string; actor: string }>(
      `SELECT type, actor FROM audit_events WHERE type IN ('CARD_UNLOCKED', 'CARD_BLOCKED') ORDER BY id`,
    );
    expect(events).toEqual([
      { type: 'CARD_UNLOCKED', actor: admins.OPERATOR.username },
      { type: 'CARD_BLOCKED', actor: admins.OPERATOR.username },
    ]);
  });

  it('turns maintenance on and off (ADMIN); the admin API keeps answering meanwhile', async () => {
    expect((await as('VIEWER', 'GET', `${A}/maintenance`)).body).toEqual({ enabled: false });
    expect(
      (await as('ADMIN', 'PUT', `${A}/maintenance`, { body: { enabled: true } })).body,
    ).toEqual({ enabled: true });
    const { accessToken } = await t
      .login(DEMO.alice.cardNumber, DEMO.alice.pin)
      .catch(() => ({ accessToken: '' }));
    expect((await t.request('GET', '/api/v1/accounts', { token: accessToken })).status).toBe(503);
    expect((await as('VIEWER', 'GET', `${A}/dashboard`)).status).toBe(200);
    expect((await as('VIEWER', 'GET', `${A}/maintenance`)).body).toEqual({ enabled: true });
    expect((await as('ADMIN', 'PUT', `${A}/maintenance`, { body: { enabled: 'no' } })).status).toBe(
      400,
    );
    expect(
      (await as('ADMIN', 'PUT', `${A}/maintenance`, { body: { enabled: false } })).body,
    ).toEqual({ enabled: false });
    const events = await t.sql<{ type: string; actor: string }>(
      `SELECT type, actor FROM audit_events WHERE type LIKE 'MAINTENANCE_%' ORDER BY id`,
    );
    expect(events).toEqual([
      { type: 'MAINTENANCE_ON', actor: admins.ADMIN.username },
      { type: 'MAINTENANCE_OFF', actor: admins.ADMIN.username },
    ]);
  });

  it('reverses a withdrawal once, as a new transaction; a second reversal and an overdrawing one are 422', async () => {
    const withdrawal = await withdraw(DEMO.alice, DEMO.alice.checking, 10000);
    expect(withdrawal.status).toBe(201);
    const original = withdrawal.body.transaction;
    const key = newKey('reverse');
    const reverse = (id: string, k: string, role: AdminRole = 'ADMIN') =>
      as<{ transaction: Transaction }>(role, 'POST', `${A}/transactions/${id}/reverse`, {
        key: k,
        body: { reason: 'Notes jammed' },
      });
    const reversed = await reverse(original.id, key);
    expect(reversed.status).toBe(201);
    expect(reversed.body.transaction).toEqual({
      id: expect.any(String),
      reference: expect.stringMatching(/^[0-9A-Z]{10}$/),
      type: 'WITHDRAWAL',
      amountCents: 10000,
      accountId: original.accountId,
      balanceAfterCents: original.balanceAfterCents + 10000,
      createdAt: expect.any(String),
    });
    expect(reversed.body.transaction.id).not.toBe(original.id);
    const replay = await reverse(original.id, key);
    expect(replay.body).toEqual(reversed.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const twice = await reverse(original.id, newKey('reverse'));
    expect(twice.status).toBe(422);
    expect(twice.body.code).toBe('INVALID_AMOUNT');
    expect((await reverse(reversed.body.transaction.id, newKey())).body.code).toBe(
      'INVALID_AMOUNT',
    );
    expect((await reverse(ID, newKey())).status).toBe(404);
    expect(
      (
        await as('ADMIN', 'POST', `${A}/transactions/${original.id}/reverse`, {
          body: { reason: 'x' },
        })
      ).body.code,
    ).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(
      (
        await as('ADMIN', 'POST', `${A}/transactions/${original.id}/reverse`, {
          key: newKey(),
          body: {},
        })
      ).status,
    ).toBe(400);
    const [original_] = await t.sql<{ amount_cents: string; description: string }>(
      `SELECT amount_cents, description FROM ledger_transactions WHERE id = $1`,
      [original.id],
    );
    expect(original_).toEqual({ amount_cents: '10000', description: 'ATM withdrawal' });
    const [audit] = await t.sql<{ actor: string }>(
      `SELECT actor FROM audit_events WHERE type = 'TRANSACTION_REVERSED'`,
    );
    expect(audit?.actor).toBe(admins.ADMIN.username);

    // A deposit whose money has left the account cannot be reversed without overdrawing it.
    const { accessToken } = await t.login(DEMO.bob.cardNumber, DEMO.bob.pin);
    const bobChecking = await accountId(DEMO.bob.checking);
    const deposit = await t.request<{ transaction: Transaction }>(
      'POST',
      `/api/v1/accounts/${bobChecking}/deposits`,
      {
        token: accessToken,
        headers: { 'idempotency-key': newKey('d') },
        body: { amountCents: 30_000, kind: 'CASH' },
      },
    );
    // $200 available at once, $100 held until the next business day.
    expect(deposit.status).toBe(201);
    const transfer = await t.request<{ transaction: Transaction }>('POST', '/api/v1/transfers', {
      token: accessToken,
      headers: { 'idempotency-key': newKey('t') },
      body: {
        fromAccountId: bobChecking,
        toAccountNumber: DEMO.alice.checking,
        amountCents: 100_000,
      },
    });
    expect(transfer.status).toBe(201);
    const overdraw = await reverse(deposit.body.transaction.id, newKey('reverse'));
    expect(overdraw.status).toBe(422);
    expect(overdraw.body.code).toBe('INSUFFICIENT_FUNDS');
    // The refusal rolled back everything it touched, the deposit's holds included.
    const [holds] = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM deposit_holds WHERE transaction_id = $1`,
      [deposit.body.transaction.id],
    );
    expect(holds?.n).toBe('1');
    // The transfer itself reverses: the money goes back from Alice to Bob.
    const back = await reverse(transfer.body.transaction.id, newKey('reverse'));
    expect(back.status).toBe(201);
    expect(back.body.transaction).toMatchObject({
      type: 'TRANSFER',
      amountCents: 100_000,
      accountId: bobChecking,
      balanceAfterCents: transfer.body.transaction.balanceAfterCents + 100_000,
      counterpartyAccountNumber: '••••0001',
    });
    expect((await reverse(original.id, newKey(), 'OPERATOR')).status).toBe(403);
    await expectLedgerConsistent(t);
  });

  it('lists audit events newest first, filtered by type, actor and time, a page at a time', async () => {
    const all = await as<AdminAuditPage>('VIEWER', 'GET', `${A}/audit?limit=3`);
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(3);
    const ids = all.body.items.map((e) => Number(e.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    for (const item of all.body.items) {
      expect(Object.keys(item).sort()).toEqual(['actor', 'at', 'details', 'id', 'type']);
      expect(item.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    const next = await as<AdminAuditPage>(
      'VIEWER',
      'GET',
      `${A}/audit?limit=3&cursor=${all.body.nextCursor ?? ''}`,
    );
    expect(Number(next.body.items[0]?.id)).toBeLessThan(Math.min(...ids));
    const byType = await as<AdminAuditPage>(
      'VIEWER',
      'GET',
      `${A}/audit?type=ACCOUNT_FROZEN&actor=${admins.OPERATOR.username}`,
    );
    expect(byType.body.items.length).toBeGreaterThan(0);
    expect(
      byType.body.items.every(
        (e) => e.type === 'ACCOUNT_FROZEN' && e.actor === admins.OPERATOR.username,
      ),
    ).toBe(true);
    const future = await as<AdminAuditPage>(
      'VIEWER',
      'GET',
      `${A}/audit?since=${encodeURIComponent(new Date(clock.now().getTime() + 3600_000).toISOString())}`,
    );
    expect(future.body).toEqual({ items: [], nextCursor: null });
    for (const extra of [
      'limit=0',
      'limit=500',
      'since=yesterday',
      'cursor=abc',
      'type=drop table',
      `actor=${encodeURIComponent('a\u0000')}`,
    ]) {
      expect({ extra, status: (await as('VIEWER', 'GET', `${A}/audit?${extra}`)).status }).toEqual({
        extra,
        status: 400,
      });
    }
  });

  it('records where each administrator act over the API came from', async () => {
    const acts = await t.sql<{ type: string; client_ip: string | null }>(
      `SELECT type, client_ip FROM audit_events WHERE actor_type = 'ADMIN' AND actor = ANY($1)`,
      [Object.values(admins).map((a) => a.username)],
    );
    const types = new Set(acts.map((a) => a.type));
    for (const type of ['ACCOUNT_FROZEN', 'CARD_BLOCKED', 'CASH_LOADED', 'MAINTENANCE_ON'])
      expect(types).toContain(type);
    expect(acts.filter((a) => a.client_ip === null)).toEqual([]);
  });

  it('has the database refuse any change to an audit event', async () => {
    await expect(t.sql(`UPDATE audit_events SET actor = 'someone-else'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.sql(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    expect(
      Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM audit_events`))[0]?.n),
    ).toBeGreaterThan(0);
  });

  it('never answers a full card number, a PIN, a hash or a TOTP secret', () => {
    const all = answers.join('\n');
    expect(answers.length).toBeGreaterThan(50);
    expect(all).not.toMatch(/4000000000000\d{3}/);
    expect(all).not.toContain('$argon2');
    expect(all).not.toMatch(/pin/i);
    for (const admin of Object.values(admins)) expect(all).not.toContain(admin.secret);
  });
});
