import { createHmac } from 'node:crypto';
import { type LoginResponse, type ProblemDetails, type SessionResponse } from '@atm/contracts';
import { CardsService } from '../src/auth/cards.service';
import { ManualClock } from '../src/common/clock';
import { DEVELOPMENT_SECRETS } from '../src/config/app-config';
import { capturedLogLines, DEMO, TestApp } from './support/test-app';

const LOGIN = '/api/v1/auth/login';

function base64url(value: object | string): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString(
    'base64url',
  );
}

function signToken(
  claims: object,
  key: string,
  header: object = { alg: 'HS256', typ: 'JWT' },
): string {
  const unsigned = `${base64url(header)}.${base64url(claims)}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}

describe('sign-in, lockout and sessions', () => {
  let t: TestApp;
  const clock = new ManualClock();

  beforeAll(async () => {
    t = await TestApp.start({ clock });
  });

  afterAll(async () => {
    await t.close();
  });

  const login = (cardNumber: string, pin: string) =>
    t.request<LoginResponse & ProblemDetails>('POST', LOGIN, { body: { cardNumber, pin } });

  it('signs in with a card and PIN', async () => {
    const response = await login(DEMO.alice.cardNumber, DEMO.alice.pin);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresInSeconds: 120,
      customer: { id: expect.any(String), name: 'Alice Johnson' },
      card: { last4: '0010' },
    });
    expect(response.text).not.toContain(DEMO.alice.cardNumber);
  });

  it('counts wrong PINs, locks on the last one, and refuses even the right PIN while locked', async () => {
    const card = DEMO.bob.cardNumber;
    const first = await login(card, '0000');
    expect(first.status).toBe(401);
    expect(first.body).toMatchObject({ code: 'INVALID_CREDENTIALS', attemptsRemaining: 2 });
    expect((await login(card, '0001')).body).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      attemptsRemaining: 1,
    });
    const locking = await login(card, '0002');
    expect(locking.status).toBe(423);
    expect(locking.body.code).toBe('CARD_LOCKED');
    const lockedUntil = new Date(locking.body.lockedUntil as string);
    expect(lockedUntil.getTime()).toBe(clock.now().getTime() + 1800 * 1000);
    const right = await login(card, DEMO.bob.pin);
    expect(right.status).toBe(423);
    expect(right.body.lockedUntil).toBe(locking.body.lockedUntil);

    // The lock expires: the count starts again from zero.
    clock.advanceSeconds(1801);
    expect((await login(card, '0003')).body).toMatchObject({ attemptsRemaining: 2 });
    expect((await login(card, DEMO.bob.pin)).status).toBe(200);
    // A successful sign-in resets the count.
    expect((await login(card, '0004')).body).toMatchObject({ attemptsRemaining: 2 });
    expect((await login(card, DEMO.bob.pin)).status).toBe(200);
  });

  it('answers an unknown card exactly like a wrong PIN, lock included', async () => {
    const unknown = '4000000000000044';
    const a = await login(unknown, '1234');
    expect(a.status).toBe(401);
    expect(a.body).toMatchObject({ code: 'INVALID_CREDENTIALS', attemptsRemaining: 2 });
    expect((await login(unknown, '1234')).body).toMatchObject({ attemptsRemaining: 1 });
    const locked = await login(unknown, '1234');
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('CARD_LOCKED');
    expect(Object.keys(a.body).sort()).toEqual(
      Object.keys((await login(DEMO.charlie.cardNumber, '0000')).body).sort(),
    );
    await login(DEMO.charlie.cardNumber, DEMO.charlie.pin);
  });

  it('never buys more tries with concurrent wrong PINs', async () => {
    const cards = t.app.get(CardsService);
    const issued = await cards.issue(
      {
        customerId: (
          await t.sql<{ id: string }>(`SELECT id FROM customers WHERE name = 'Charlie Davis'`)
        )[0].id,
        pin: '4821',
      },
      { actor: 'test' },
    );
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(issued.cardNumber, String(5000 + i))),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(2);
    expect(statuses.filter((s) => s === 423)).toHaveLength(18);
    const [row] = await t.sql<{ failed_pin_attempts: number }>(
      `SELECT failed_pin_attempts FROM cards WHERE id = $1`,
      [issued.cardId],
    );
    expect(row?.failed_pin_attempts).toBe(3);
    expect((await login(issued.cardNumber, '4821')).status).toBe(423);
  });

  it('refuses a blocked card with 403', async () => {
    const cards = t.app.get(CardsService);
    const customerId = (
      await t.sql<{ id: string }>(`SELECT id FROM customers WHERE name = 'Bob Williams'`)
    )[0].id;
    const issued = await cards.issue({ customerId, pin: '4821' }, { actor: 'test' });
    const session = await t.login(issued.cardNumber, '4821');
    await cards.block(issued.cardNumber, { actor: 'test' });
    expect((await login(issued.cardNumber, '4821')).body.code).toBe('CARD_BLOCKED');
    expect((await login(issued.cardNumber, '4821')).status).toBe(403);
    const after = await t.request<ProblemDetails>('GET', '/api/v1/accounts', {
      token: session.accessToken,
    });
    expect(after.status).toBe(401);
  });

  it.each([
    ['a card failing Luhn', { cardNumber: '4000000000000011', pin: '1234' }],
    ['a short card number', { cardNumber: '400000000000001', pin: '1234' }],
    ['full-width digits', { cardNumber: '４000000000000010', pin: '1234' }],
    ['spaces', { cardNumber: '4000 0000 0000 0010', pin: '1234' }],
    ['a NUL byte', { cardNumber: '4000000000000010\u0000', pin: '1234' }],
    ['a 10 KB string', { cardNumber: '4'.repeat(10_000), pin: '1234' }],
    ['a 3-digit PIN', { cardNumber: '4000000000000010', pin: '123' }],
    ['a 7-digit PIN', { cardNumber: '4000000000000010', pin: '1234567' }],
    ['a full-width PIN', { cardNumber: '4000000000000010', pin: '１２３４' }],
    ['a numeric PIN', { cardNumber: '4000000000000010', pin: 1234 }],
    ['a missing PIN', { cardNumber: '4000000000000010' }],
  ])('answers %s with 400 and counts nothing', async (_name, body) => {
    const before = await t.sql<{ failed_pin_attempts: number }>(
      `SELECT failed_pin_attempts FROM cards ORDER BY id`,
    );
    const response = await t.request<ProblemDetails>('POST', LOGIN, { body });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(await t.sql(`SELECT failed_pin_attempts FROM cards ORDER BY id`)).toEqual(before);
  });

  describe('tokens', () => {
    it('refuses a missing, forged, tampered or none-algorithm token', async () => {
      const good = await t.login(DEMO.alice.cardNumber, DEMO.alice.pin);
      const [header, payload] = good.accessToken.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
        string,
        unknown
      >;
      const tokens = [
        undefined,
        'not-a-token',
        signToken(claims, 'another-key-of-sufficient-length-0123456789'),
        `${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`,
        `${header}.${base64url({ ...claims, sub: '00000000-0000-4000-8000-000000000000' })}.${good.accessToken.split('.')[2]}`,
        signToken({ ...claims, aud: 'someone-else' }, DEVELOPMENT_SECRETS.SECRET_KEY),
        signToken(claims, DEVELOPMENT_SECRETS.SECRET_KEY, { alg: 'HS512', typ: 'JWT' }),
      ];
      for (const token of tokens) {
        const response = await t.request<ProblemDetails>(
          'GET',
          '/api/v1/accounts',
          token ? { token } : {},
        );
        expect(response.status).toBe(401);
        expect(response.body.code).toBe('UNAUTHENTICATED');
      }
    });

    it('answers SESSION_EXPIRED when the token itself has expired', async () => {
      const good = await t.login(DEMO.alice.cardNumber, DEMO.alice.pin);
      const claims = JSON.parse(
        Buffer.from(good.accessToken.split('.')[1], 'base64url').toString(),
      ) as Record<string, number>;
      const expired = signToken(
        { ...claims, iat: claims.iat - 2000, exp: Math.floor(Date.now() / 1000) - 10 },
        DEVELOPMENT_SECRETS.SECRET_KEY,
      );
      const response = await t.request<ProblemDetails>('GET', '/api/v1/accounts', {
        token: expired,
      });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('SESSION_EXPIRED');
    });

    it('ends the session on logout', async () => {
      const { accessToken } = await t.login(DEMO.alice.cardNumber, DEMO.alice.pin);
      expect((await t.request('POST', '/api/v1/auth/logout', { token: accessToken })).status).toBe(
        204,
      );
      const after = await t.request<ProblemDetails>('GET', '/api/v1/auth/session', {
        token: accessToken,
      });
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('idle and absolute expiry', () => {
    it('expires an idle session, and activity keeps it alive', async () => {
      const { accessToken: token } = await t.login(DEMO.alice.cardNumber, DEMO.alice.pin);
      clock.advanceSeconds(100);
      const keepalive = await t.request<{ expiresAt: string }>('POST', '/api/v1/auth/keepalive', {
        token,
      });
      expect(keepalive.status).toBe(200);
      expect(keepalive.body.expiresAt).toBe(
        new Date(clock.now().getTime() + 120_000).toISOString(),
      );
      clock.advanceSeconds(100);
      const session = await t.request<SessionResponse>('GET', '/api/v1/auth/session', { token });
      expect(session.status).toBe(200);
      expect(session.body).toEqual({
        customer: { id: expect.any(String), name: 'Alice Johnson' },
        card: { last4: '0010' },
        expiresAt: new Date(clock.now().getTime() + 120_000).toISOString(),
      });
      clock.advanceSeconds(121);
      const expired = await t.request<ProblemDetails>('GET', '/api/v1/accounts', { token });
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe('SESSION_EXPIRED');
      expect(
        (await t.request<ProblemDetails>('GET', '/api/v1/accounts', { token })).body.code,
      ).toBe('SESSION_EXPIRED');
    });

    it('expires a session past its absolute lifetime whatever the activity', async () => {
      const { accessToken: token } = await t.login(DEMO.alice.cardNumber, DEMO.alice.pin);
      for (let elapsed = 0; elapsed < 900; elapsed += 100) {
        clock.advanceSeconds(100);
        const step = await t.request<ProblemDetails>('POST', '/api/v1/auth/keepalive', { token });
        if (elapsed + 100 < 900) expect(step.status).toBe(200);
      }
      const response = await t.request<ProblemDetails>('GET', '/api/v1/accounts', { token });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('SESSION_EXPIRED');
    });

    it('never promises more than the absolute lifetime', async () => {
      const { accessToken: token } = await t.login(DEMO.alice.cardNumber, DEMO.alice.pin);
      const start = clock.now().getTime();
      for (let i = 0; i < 8; i += 1) {
        clock.advanceSeconds(100);
        await t.request('POST', '/api/v1/auth/keepalive', { token });
      }
      clock.advanceSeconds(50);
      const keepalive = await t.request<{ expiresAt: string }>('POST', '/api/v1/auth/keepalive', {
        token,
      });
      expect(keepalive.body.expiresAt).toBe(new Date(start + 900_000).toISOString());
    });
  });

  describe('PIN change', () => {
    it('refuses weak PINs with WEAK_PIN and a wrong current PIN like a wrong sign-in', async () => {
      const { accessToken: token } = await t.login(DEMO.charlie.cardNumber, DEMO.charlie.pin);
      for (const newPin of ['1111', '1234', '98765', '1212', '2000', DEMO.charlie.pin]) {
        const response = await t.request<ProblemDetails>('POST', '/api/v1/auth/pin', {
          token,
          body: { currentPin: DEMO.charlie.pin, newPin },
        });
        expect(response.status).toBe(422);
        expect(response.body.code).toBe('WEAK_PIN');
      }
      const wrong = await t.request<ProblemDetails>('POST', '/api/v1/auth/pin', {
        token,
        body: { currentPin: '0000', newPin: '4821' },
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS', attemptsRemaining: 2 });
      const malformed = await t.request<ProblemDetails>('POST', '/api/v1/auth/pin', {
        token,
        body: { currentPin: DEMO.charlie.pin, newPin: '12a4' },
      });
      expect(malformed.status).toBe(400);
    });

    it('changes the PIN and ends every other session of the card', async () => {
      const cards = t.app.get(CardsService);
      const customerId = (
        await t.sql<{ id: string }>(`SELECT id FROM customers WHERE name = 'Alice Johnson'`)
      )[0].id;
      const issued = await cards.issue({ customerId, pin: '4821' }, { actor: 'test' });
      const mine = await t.login(issued.cardNumber, '4821');
      const other = await t.login(issued.cardNumber, '4821');
      const change = await t.request('POST', '/api/v1/auth/pin', {
        token: mine.accessToken,
        body: { currentPin: '4821', newPin: '7395' },
      });
      expect(change.status).toBe(204);
      expect(
        (await t.request('GET', '/api/v1/accounts', { token: other.accessToken })).status,
      ).toBe(401);
      expect((await t.request('GET', '/api/v1/accounts', { token: mine.accessToken })).status).toBe(
        200,
      );
      expect((await login(issued.cardNumber, '4821')).status).toBe(401);
      expect((await login(issued.cardNumber, '7395')).status).toBe(200);
    });

    it('locks the card on the last wrong current PIN and ends all its sessions', async () => {
      const cards = t.app.get(CardsService);
      const customerId = (
        await t.sql<{ id: string }>(`SELECT id FROM customers WHERE name = 'Alice Johnson'`)
      )[0].id;
      const issued = await cards.issue({ customerId, pin: '4821' }, { actor: 'test' });
      const mine = await t.login(issued.cardNumber, '4821');
      const other = await t.login(issued.cardNumber, '4821');
      const attempt = (pin: string) =>
        t.request<ProblemDetails>('POST', '/api/v1/auth/pin', {
          token: mine.accessToken,
          body: { currentPin: pin, newPin: '7395' },
        });
      expect((await attempt('0000')).status).toBe(401);
      expect((await attempt('0001')).status).toBe(401);
      const locking = await attempt('0002');
      expect(locking.status).toBe(423);
      expect(locking.body.code).toBe('CARD_LOCKED');
      expect((await t.request('GET', '/api/v1/accounts', { token: mine.accessToken })).status).toBe(
        401,
      );
      expect(
        (await t.request('GET', '/api/v1/accounts', { token: other.accessToken })).status,
      ).toBe(401);
    });
  });

  it('writes audit events for sign-in, failure, lockout, logout and PIN change, never with a PIN or card number', async () => {
    const events = await t.sql<{
      type: string;
      outcome: string;
      card_last4: string | null;
      client_ip: string | null;
      details: unknown;
    }>(`SELECT type, outcome, card_last4, client_ip, details FROM audit_events`);
    const kinds = new Set(events.map((e) => `${e.type}:${e.outcome}`));
    for (const kind of [
      'LOGIN:SUCCESS',
      'LOGIN:FAILURE',
      'LOGIN:REFUSED',
      'CARD_LOCKED:SUCCESS',
      'LOGOUT:SUCCESS',
      'PIN_CHANGE:SUCCESS',
      'PIN_CHANGE:FAILURE',
      'SESSION_EXPIRED:SUCCESS',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(events.find((e) => e.type === 'LOGIN')?.client_ip).toBeTruthy();
    const text = JSON.stringify(events);
    for (const demo of Object.values(DEMO)) expect(text).not.toContain(demo.cardNumber);
    expect(text).not.toMatch(/"pin"|"currentPin"|"newPin"/);
  });

  it('wrote no demo PIN or full demo card number to any log line', () => {
    expect(capturedLogLines.length).toBeGreaterThan(10);
    const logs = capturedLogLines.join('\n');
    for (const demo of Object.values(DEMO)) {
      expect(logs).not.toContain(demo.cardNumber);
      expect(logs).not.toContain(`"${demo.pin}"`);
    }
    expect(logs).not.toMatch(/"(pin|currentPin|newPin|cardNumber)":"\d/);
    expect(logs).not.toMatch(/Bearer ey/);
  });
});

describe('sign-in rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3', API_RATE_LIMIT_PER_MINUTE: '5' },
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('limits sign-in attempts per client IP with 429 and Retry-After', async () => {
    const attempt = (ip: string) =>
      t.request<ProblemDetails>('POST', LOGIN, {
        body: { cardNumber: DEMO.alice.cardNumber, pin: DEMO.alice.pin },
        ip,
      });
    for (let i = 0; i < 3; i += 1) expect((await attempt('10.1.1.1')).status).toBe(200);
    const limited = await attempt('10.1.1.1');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt('10.1.1.2')).status).toBe(200);
  });

  it('limits the rest of the API per client IP, but never /health', async () => {
    const { accessToken: token } = await t
      .login(DEMO.bob.cardNumber, DEMO.bob.pin)
      .catch(async () => {
        throw new Error('login rate-limited');
      });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1)
      statuses.push((await t.request('GET', '/api/v1/accounts', { token, ip: '10.2.2.2' })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    for (let i = 0; i < 10; i += 1)
      expect((await t.request('GET', '/health', { ip: '10.2.2.2' })).status).toBe(200);
  });
});
