import { type ProblemDetails } from '@atm/contracts';
import { MaintenanceService } from '../src/maintenance/maintenance.service';
import { accountByNumber, newKey } from './support/accounts';
import {
  listenOnFreePort,
  type RawAnswer,
  type RawCall,
  rawRequest,
  REQUEST_LINE_FORMS,
} from './support/raw-http';
import { DEMO, TestApp } from './support/test-app';

/**
 * The contract's Hardening rules for HTTP: guards decide from the matched route (so an
 * absolute-form request line meets them exactly as origin form), no-store on every /api/
 * answer, free text without control characters, and no unknown query parameter or
 * duplicated JSON key.
 */

const LOGIN = '/api/v1/auth/login';
const problemOf = (answer: RawAnswer) => answer.json as ProblemDetails;

describe('guards decide from the matched route, whatever the request-line form', () => {
  let t: TestApp;
  let port: number;
  let token: string;
  let checkingId: string;
  const send = (call: RawCall) => rawRequest(port, call);

  beforeAll(async () => {
    t = await TestApp.start();
    port = await listenOnFreePort(t.app);
    token = (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken;
    checkingId = (await accountByNumber(t, token, DEMO.alice.checking)).id;
  });

  afterAll(async () => {
    await t.close();
  });

  it.each(REQUEST_LINE_FORMS)(
    'refuses a withdrawal with 503 MAINTENANCE in %s form and moves nothing; /health and /ready still answer',
    async (form) => {
      const maintenance = t.app.get(MaintenanceService);
      const before = await accountByNumber(t, token, DEMO.alice.checking);
      await maintenance.set(true, 'test');
      try {
        const withdrawal = await send({
          method: 'POST',
          path: `/api/v1/accounts/${checkingId}/withdrawals`,
          form,
          headers: { authorization: `Bearer ${token}`, 'idempotency-key': newKey() },
          body: { amountCents: 2000 },
        });
        expect(withdrawal.status).toBe(503);
        expect(problemOf(withdrawal).code).toBe('MAINTENANCE');
        const login = await send({
          method: 'POST',
          path: LOGIN,
          form,
          body: { cardNumber: DEMO.alice.cardNumber, pin: DEMO.alice.pin },
        });
        expect(login.status).toBe(503);
        for (const path of ['/health', '/ready']) {
          expect((await send({ method: 'GET', path, form })).status).toBe(200);
        }
        // Unknown routes stay 404: "unknown route" wins over maintenance.
        expect((await send({ method: 'GET', path: '/api/v1/nope', form })).status).toBe(404);
      } finally {
        await maintenance.set(false, 'test');
      }
      const after = await accountByNumber(t, token, DEMO.alice.checking);
      expect(after.balanceCents).toBe(before.balanceCents);
    },
  );

  it.each(REQUEST_LINE_FORMS)('asks for a session in %s form', async (form) => {
    for (const authorization of [undefined, 'Bearer x', `Bearer ${token}x`]) {
      const answer = await send({
        method: 'GET',
        path: '/api/v1/accounts',
        form,
        headers: authorization ? { authorization } : {},
      });
      expect(answer.status).toBe(401);
      expect(problemOf(answer).code).toBe('UNAUTHENTICATED');
    }
    const withdrawal = await send({
      method: 'POST',
      path: `/api/v1/accounts/${checkingId}/withdrawals`,
      form,
      headers: { 'idempotency-key': newKey() },
      body: { amountCents: 2000 },
    });
    expect(withdrawal.status).toBe(401);
    const signedIn = await send({
      method: 'GET',
      path: '/api/v1/accounts',
      form,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(signedIn.status).toBe(200);
  });

  it.each(REQUEST_LINE_FORMS)(
    'keeps the strict CSP everywhere but on Swagger UI routes, in %s form',
    async (form) => {
      const docs = await send({ method: 'GET', path: '/docs', form });
      expect(docs.status).toBe(200);
      expect(docs.headers['content-security-policy']).toBeUndefined();
      // Not a Swagger route: a 404 that keeps the policy (a prefix test used to drop it).
      const docsfoo = await send({ method: 'GET', path: '/docsfoo', form });
      expect(docsfoo.status).toBe(404);
      expect(docsfoo.headers['content-security-policy']).toContain("script-src 'self'");
      const health = await send({ method: 'GET', path: '/health', form });
      expect(health.headers['content-security-policy']).toContain("script-src 'self'");
    },
  );
});

describe('rate limits decide from the matched route, whatever the request-line form', () => {
  let t: TestApp;
  let port: number;

  // A fresh app per test: the limits' counters last a minute.
  beforeEach(async () => {
    t = await TestApp.start({
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3', API_RATE_LIMIT_PER_MINUTE: '4' },
      seed: false,
    });
    port = await listenOnFreePort(t.app);
  });

  afterEach(async () => {
    await t.close();
  });

  it.each(REQUEST_LINE_FORMS)(
    'limits sign-ins sent in %s form, and counts both forms together',
    async (form) => {
      const other = form === 'origin' ? 'absolute' : 'origin';
      // Unknown cards, a different one each time, so no card lockout answers first.
      const attempt = (f: typeof form, i: number) =>
        rawRequest(port, {
          method: 'POST',
          path: LOGIN,
          form: f,
          body: { cardNumber: `400000000000${9000 + i}`, pin: '0000' },
        });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1)
        statuses.push((await attempt(i === 1 ? other : form, i)).status);
      expect(statuses.filter((s) => s === 429)).toEqual([]);
      const limited = await attempt(form, 3);
      expect(limited.status).toBe(429);
      expect(problemOf(limited).code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    },
  );

  it.each(REQUEST_LINE_FORMS)('limits the rest of the API in %s form', async (form) => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const answer = await rawRequest(port, { method: 'GET', path: '/api/v1/accounts', form });
      statuses.push(answer.status);
    }
    // Unauthenticated requests count too: the limit (429) comes before the session (401).
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    for (let i = 0; i < 6; i += 1) {
      expect((await rawRequest(port, { method: 'GET', path: '/health', form })).status).toBe(200);
    }
  });
});

describe('request shape hardening', () => {
  let t: TestApp;
  let port: number;
  let token: string;
  let checkingId: string;
  let savingsId: string;
  /** A withdrawal from Alice's checking account with the body exactly as written. */
  const withdrawRaw = (rawBody: string) =>
    t.request<ProblemDetails>('POST', `/api/v1/accounts/${checkingId}/withdrawals`, {
      token,
      headers: { 'idempotency-key': newKey() },
      rawBody,
    });

  beforeAll(async () => {
    t = await TestApp.start();
    port = await listenOnFreePort(t.app);
    token = (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken;
    checkingId = (await accountByNumber(t, token, DEMO.alice.checking)).id;
    savingsId = (await accountByNumber(t, token, DEMO.alice.savings)).id;
  });

  afterAll(async () => {
    await t.close();
  });

  const transfer = (memoJson: string) =>
    t.request<ProblemDetails>('POST', '/api/v1/transfers', {
      token,
      headers: { 'idempotency-key': newKey() },
      rawBody: `{"fromAccountId":"${savingsId}","toAccountNumber":"${DEMO.bob.checking}","amountCents":100,"memo":${memoJson}}`,
    });

  it.each([
    ['a NUL byte', '"a\\u0000b"'],
    ['a lone high surrogate', '"a\\ud800b"'],
    ['a lone low surrogate', '"\\udc00"'],
    ['a reversed surrogate pair', '"\\udc00\\ud800"'],
    ['a C0 control character (tab)', '"a\\tb"'],
    ['a C1 control character', '"a\\u0085b"'],
    ['a right-to-left override', '"\\u202e1234"'],
    ['a left-to-right embedding', '"\\u202a1234"'],
    ['a first-strong isolate', '"\\u2068x\\u2069"'],
    ['141 characters', JSON.stringify('x'.repeat(141))],
  ])(
    'refuses a memo with %s: 400 VALIDATION_FAILED naming memo, nothing moved',
    async (_name, memo) => {
      const before = await accountByNumber(t, token, DEMO.alice.savings);
      const answer = await transfer(memo);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect(answer.body.errors).toEqual([{ field: 'memo', message: expect.any(String) }]);
      expect((await accountByNumber(t, token, DEMO.alice.savings)).balanceCents).toBe(
        before.balanceCents,
      );
    },
  );

  it('accepts a memo of 140 characters of any script, emoji (surrogate pairs) included', async () => {
    const memo = `Dîner 東京 🍣 ${'x'.repeat(140 - 'Dîner 東京 🍣 '.length)}`;
    expect(memo.length).toBe(140);
    const answer = await transfer(JSON.stringify(memo));
    expect(answer.status).toBe(201);
  });

  const withQuery = (path: string, query: string) =>
    `${path}${path.includes('?') ? '&' : '?'}${query}`;

  it.each([
    '__proto__=1',
    '__proto__[x]=1',
    'constructor=1',
    'constructor[prototype][x]=1',
    'toString=1',
    'hasOwnProperty=1',
    'unknown=1',
  ])('refuses the unknown query parameter %s on routes with and without a query', async (query) => {
    const routes: Array<['GET' | 'POST', string, unknown?]> = [
      ['GET', `/api/v1/accounts/${checkingId}/transactions`],
      ['GET', `/api/v1/accounts/${checkingId}/transactions?limit=5`],
      ['GET', '/api/v1/accounts'],
      ['GET', `/api/v1/accounts/${checkingId}`],
      ['GET', '/api/v1/auth/session'],
      [
        'POST',
        '/api/v1/transfers',
        { fromAccountId: savingsId, toAccountNumber: DEMO.bob.checking, amountCents: 1 },
      ],
    ];
    for (const [method, path, body] of routes) {
      const answer = await t.request<ProblemDetails>(method, withQuery(path, query), {
        token,
        headers: { 'idempotency-key': newKey() },
        ...(body ? { body } : {}),
      });
      expect({ path, status: answer.status, code: answer.body.code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(answer.body.errors?.length).toBeGreaterThan(0);
    }
    // Shape (400) comes after authentication (401).
    const anonymous = await t.request('GET', withQuery('/api/v1/accounts', query));
    expect(anonymous.status).toBe(401);
  });

  // class-transformer never copies these onto a DTO, so the whitelist alone let them pass.
  it.each(['toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'])(
    'refuses a body field named %s, a name every object inherits, and moves no money',
    async (field) => {
      const before = await accountByNumber(t, token, DEMO.alice.checking);
      const answer = await withdrawRaw(`{"amountCents":2000,"${field}":{}}`);
      expect({ status: answer.status, code: answer.body.code, errors: answer.body.errors }).toEqual(
        {
          status: 400,
          code: 'VALIDATION_FAILED',
          errors: [{ field, message: 'is not an allowed field' }],
        },
      );
      expect((await accountByNumber(t, token, DEMO.alice.checking)).balanceCents).toBe(
        before.balanceCents,
      );
    },
  );

  it('still accepts the documented query parameters', async () => {
    const page = await t.request('GET', `/api/v1/accounts/${checkingId}/transactions?limit=5`, {
      token,
    });
    expect(page.status).toBe(200);
  });

  it.each([
    [
      'at the top level',
      `{"cardNumber":"${DEMO.alice.cardNumber}","pin":"0000","pin":"${DEMO.alice.pin}"}`,
    ],
    [
      'written with an escape',
      `{"cardNumber":"${DEMO.alice.cardNumber}","pin":"0000","p\\u0069n":"${DEMO.alice.pin}"}`,
    ],
    [
      'nested',
      `{"cardNumber":"${DEMO.alice.cardNumber}","pin":"${DEMO.alice.pin}","x":[{"a":1,"a":2}]}`,
    ],
  ])('refuses a JSON body with a duplicated key %s', async (_name, rawBody) => {
    const answer = await t.request<ProblemDetails>('POST', LOGIN, { rawBody });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(answer.body.errors?.length).toBeGreaterThan(0);
  });

  it('refuses a duplicated key in a money movement and moves nothing', async () => {
    const before = await accountByNumber(t, token, DEMO.alice.checking);
    const answer = await withdrawRaw('{"amountCents":20000,"amountCents":2000}');
    expect(answer.status).toBe(400);
    expect((await accountByNumber(t, token, DEMO.alice.checking)).balanceCents).toBe(
      before.balanceCents,
    );
  });

  it('accepts the same key in sibling objects and keeps the malformed-JSON and size answers', async () => {
    const same = await t.request('POST', LOGIN, {
      rawBody: `{"cardNumber":"${DEMO.alice.cardNumber}","pin":"${DEMO.alice.pin}"}`,
    });
    expect(same.status).toBe(200);
    expect((await t.request('POST', LOGIN, { rawBody: '{"cardNumber":' })).status).toBe(400);
    const big = await t.request('POST', LOGIN, {
      rawBody: JSON.stringify({ cardNumber: DEMO.alice.cardNumber, pin: 'x'.repeat(17 * 1024) }),
    });
    expect(big.status).toBe(413);
  });

  it.each(REQUEST_LINE_FORMS)(
    'sends Cache-Control: no-store on every /api/ answer (%s form)',
    async (form) => {
      const bearer = { authorization: `Bearer ${token}` };
      const cases: Array<{ call: Omit<RawCall, 'form'>; status: number }> = [
        {
          call: {
            method: 'POST',
            path: LOGIN,
            body: { cardNumber: DEMO.bob.cardNumber, pin: DEMO.bob.pin },
          },
          status: 200,
        },
        { call: { method: 'POST', path: LOGIN, body: { cardNumber: '1' } }, status: 400 },
        { call: { method: 'GET', path: '/api/v1/accounts', headers: bearer }, status: 200 },
        {
          call: { method: 'GET', path: `/api/v1/accounts/${checkingId}`, headers: bearer },
          status: 200,
        },
        {
          call: { method: 'GET', path: `/api/v1/accounts/${checkingId}/limits`, headers: bearer },
          status: 200,
        },
        {
          call: {
            method: 'GET',
            path: `/api/v1/accounts/${checkingId}/transactions`,
            headers: bearer,
          },
          status: 200,
        },
        { call: { method: 'GET', path: '/api/v1/auth/session', headers: bearer }, status: 200 },
        { call: { method: 'GET', path: '/api/v1/accounts' }, status: 401 },
        { call: { method: 'GET', path: '/api/v1/nope', headers: bearer }, status: 404 },
        {
          call: {
            method: 'GET',
            path: '/api/v1/accounts/6f1c0f36-3b1e-4c55-9f43-4f5a2f0d2a11',
            headers: bearer,
          },
          status: 404,
        },
        { call: { method: 'GET', path: '/api/v1/accounts/abc', headers: bearer }, status: 400 },
      ];
      for (const { call, status } of cases) {
        const answer = await rawRequest(port, { ...call, form });
        expect({
          path: call.path,
          status: answer.status,
          cache: answer.headers['cache-control'],
        }).toEqual({
          path: call.path,
          status,
          cache: 'no-store',
        });
      }
    },
  );
});
