import { ModulesContainer } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { AdminUsersService } from '../src/admin/identity/admin-users.service';
import { totpCodeAt } from '../src/admin/identity/totp';
import { ADMIN_ROUTE_KEY } from '../src/common/admin-route';
import { ManualClock } from '../src/common/clock';
import {
  ADMIN_LOGIN,
  adminLogin,
  adminToken,
  createAdmin,
  DEMO_ADMIN_LOGIN,
  demoAdminToken,
  type TestAdmin,
} from './support/admin';
import { capturedLogLines, DEMO, TestApp } from './support/test-app';

const ID = '6f1c0f36-3b1e-4c55-9f43-4f5a2f0d2a11';

/** Every route of the application, split into the admin API and the rest. */
function routesOf(t: TestApp): Array<{ method: string; path: string; admin: boolean }> {
  const routes: Array<{ method: string; path: string; admin: boolean }> = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const admin = Reflect.getMetadata(ADMIN_ROUTE_KEY, controller) === true;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const full = `/${[base, path].filter((p) => p && p !== '/').join('/')}`.replace(
          /\/+/g,
          '/',
        );
        routes.push({ method, path: full.replace(/:\w+/g, ID), admin });
      }
    }
  }
  return routes;
}

describe('admin sign-in, lockout and sessions', () => {
  let t: TestApp;
  const clock = new ManualClock();
  let operator: TestAdmin;

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    operator = await createAdmin(t, 'olga.ops', 'OPERATOR');
  });

  afterAll(async () => {
    await t.close();
  });

  it('signs the demo admin in from loopback only; elsewhere it answers like a wrong password', async () => {
    const ok = await adminLogin(t, DEMO_ADMIN_LOGIN);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      token: expect.any(String),
      expiresAt: new Date(clock.now().getTime() + 15 * 60_000).toISOString(),
      admin: { username: 'admin', role: 'ADMIN' },
    });
    const ipv6 = await adminLogin(t, DEMO_ADMIN_LOGIN, '::1');
    expect(ipv6.status).toBe(200);
    const remote = await adminLogin(t, DEMO_ADMIN_LOGIN, '203.0.113.7');
    const wrong = await adminLogin(
      t,
      { ...DEMO_ADMIN_LOGIN, password: 'not-the-password' },
      '203.0.113.8',
    );
    expect(remote.status).toBe(401);
    expect(remote.body).toEqual(wrong.body);
    expect(remote.body).toMatchObject({ code: 'INVALID_CREDENTIALS', attemptsRemaining: 4 });
  });

  it('gives one answer to every failure: unknown, disabled, wrong password, missing, wrong or replayed code', async () => {
    const disabled = await createAdmin(t, 'dora.gone', 'VIEWER');
    await t.app.get(AdminUsersService).setDisabled(disabled.username, true, { actor: 'cli:test' });
    const now = clock.now();
    const code = totpCodeAt(operator.secret, now);
    // The first use of this code succeeds; every case below runs from its own address.
    expect(
      (
        await adminLogin(t, {
          username: operator.username,
          password: operator.password,
          totp: code,
        })
      ).status,
    ).toBe(200);
    const cases: Array<[string, { username: string; password: string; totp?: string }]> = [
      ['unknown user', { username: 'nobody.here', password: 'whatever-password', totp: code }],
      [
        'disabled user',
        {
          username: disabled.username,
          password: disabled.password,
          totp: totpCodeAt(disabled.secret, now),
        },
      ],
      [
        'wrong password',
        { username: operator.username, password: 'wrong-password-123', totp: code },
      ],
      ['missing code', { username: operator.username, password: operator.password }],
      [
        'wrong code',
        {
          username: operator.username,
          password: operator.password,
          totp: code === '000000' ? '111111' : '000000',
        },
      ],
      ['replayed code', { username: operator.username, password: operator.password, totp: code }],
      [
        'code of two steps ago',
        {
          username: operator.username,
          password: operator.password,
          totp: totpCodeAt(operator.secret, new Date(now.getTime() - 60_000)),
        },
      ],
    ];
    const answers = [];
    for (const [index, [name, body]] of cases.entries()) {
      const response = await adminLogin(t, body, `198.51.100.${index + 1}`);
      answers.push({ name, status: response.status, body: response.body });
    }
    for (const answer of answers) {
      expect(answer).toEqual({
        name: answer.name,
        status: 401,
        body: expect.objectContaining({ code: 'INVALID_CREDENTIALS', attemptsRemaining: 4 }),
      });
      expect(answer.body).toEqual(answers[0]?.body);
    }
    const failures = await t.sql<{ reason: string }>(
      `SELECT details->>'reason' AS reason FROM audit_events WHERE type = 'ADMIN_LOGIN_FAILED' AND client_ip LIKE '198.51.100.%' ORDER BY id`,
    );
    expect(failures.map((f) => f.reason)).toEqual([
      'UNKNOWN_USER',
      'DISABLED',
      'WRONG_PASSWORD',
      'TOTP_MISSING',
      'TOTP_WRONG',
      'TOTP_REUSED',
      'TOTP_WRONG',
    ]);
    clock.advanceSeconds(30);
  });

  it('takes about as long for an unknown user as for a wrong password (a dummy hash is verified)', async () => {
    const time = async (username: string) => {
      const started = process.hrtime.bigint();
      await adminLogin(t, { username, password: 'some-wrong-password' }, '192.0.2.200');
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1];
    const unknown: number[] = [];
    const known: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      unknown.push(await time(`ghost${i}`));
      known.push(await time(operator.username));
      await t.app.get(AdminUsersService).unlock(operator.username, { actor: 'cli:test' });
    }
    const ratio = median(unknown) / median(known);
    // Without the dummy verification the unknown user answered in ~1% of the time.
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });

  it('locks a user name from one address after five failures, not from another; unlock clears it', async () => {
    const ip = '192.0.2.10';
    const wrong = { username: operator.username, password: 'wrong-password-123' };
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const response = await adminLogin(t, wrong, ip);
      expect(response.body).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        attemptsRemaining: 5 - attempt,
      });
    }
    const fifth = await adminLogin(t, wrong, ip);
    expect(fifth.status).toBe(423);
    expect(fifth.body).toMatchObject({
      code: 'ADMIN_LOCKED',
      lockedUntil: new Date(clock.now().getTime() + 1800_000).toISOString(),
    });
    const right = {
      username: operator.username,
      password: operator.password,
      totp: totpCodeAt(operator.secret, clock.now()),
    };
    expect((await adminLogin(t, right, ip)).status).toBe(423);
    expect((await adminLogin(t, right, '192.0.2.11')).status).toBe(200);
    clock.advanceSeconds(30);
    await t.app.get(AdminUsersService).unlock(operator.username, { actor: 'cli:test' });
    const after = await adminLogin(
      t,
      { ...right, totp: totpCodeAt(operator.secret, clock.now()) },
      ip,
    );
    expect(after.status).toBe(200);
    clock.advanceSeconds(30);
    const [unlocked] = await t.sql<{ actor: string }>(
      `SELECT actor FROM audit_events WHERE type = 'ADMIN_USER_UNLOCKED' ORDER BY id DESC LIMIT 1`,
    );
    expect(unlocked?.actor).toBe('cli:test');
  });

  it('never takes a customer token on an admin route, nor an admin token on a customer route', async () => {
    const customer = (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken;
    const admin = await demoAdminToken(t);
    const routes = routesOf(t).filter(
      (r) => !r.path.endsWith('/login') && !['/health', '/ready', '/metrics'].includes(r.path),
    );
    expect(routes.filter((r) => r.admin).length).toBeGreaterThanOrEqual(15);
    for (const route of routes) {
      const token = route.admin ? customer : admin;
      const response = await t.request(route.method as 'GET', route.path, { token, body: {} });
      expect({
        route,
        status: response.status,
        code: (response.body as { code?: string }).code,
      }).toEqual({
        route,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
    // Both tokens still work where they belong.
    expect((await t.request('GET', '/api/v1/accounts', { token: customer })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/admin/dashboard', { token: admin })).status).toBe(200);
  });

  it('ends an idle session after 15 minutes; background refreshes are not activity', async () => {
    const token = await demoAdminToken(t);
    const background = { token, headers: { 'x-background-refresh': '1' } };
    clock.advanceSeconds(10 * 60);
    expect((await t.request('GET', '/api/v1/admin/dashboard', background)).status).toBe(200);
    clock.advanceSeconds(6 * 60);
    const expired = await t.request('GET', '/api/v1/admin/dashboard', background);
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: 'SESSION_EXPIRED' });

    const active = await demoAdminToken(t);
    clock.advanceSeconds(10 * 60);
    expect((await t.request('GET', '/api/v1/admin/dashboard', { token: active })).status).toBe(200);
    clock.advanceSeconds(6 * 60);
    expect((await t.request('GET', '/api/v1/admin/dashboard', { token: active })).status).toBe(200);
  });

  it('ends every session after 8 hours, whatever the activity', async () => {
    const token = await demoAdminToken(t);
    for (let minutes = 0; minutes < 8 * 60 - 10; minutes += 10) {
      clock.advanceSeconds(10 * 60);
      expect((await t.request('GET', '/api/v1/admin/maintenance', { token })).status).toBe(200);
    }
    clock.advanceSeconds(10 * 60);
    const ended = await t.request('GET', '/api/v1/admin/maintenance', { token });
    expect(ended.status).toBe(401);
    expect(ended.body).toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('logs out; disabling or a new password ends the sessions; the last active ADMIN stays', async () => {
    const token = await demoAdminToken(t);
    expect((await t.request('POST', '/api/v1/admin/auth/logout', { token })).status).toBe(204);
    expect((await t.request('GET', '/api/v1/admin/dashboard', { token })).status).toBe(401);

    const users = t.app.get(AdminUsersService);
    const opToken = await adminToken(t, clock, operator);
    await users.resetPassword(operator.username, 'a-brand-new-password', { actor: 'cli:test' });
    expect((await t.request('GET', '/api/v1/admin/dashboard', { token: opToken })).status).toBe(
      401,
    );
    operator = { ...operator, password: 'a-brand-new-password' };
    const again = await adminToken(t, clock, operator);
    await users.setDisabled(operator.username, true, { actor: 'cli:test' });
    expect((await t.request('GET', '/api/v1/admin/dashboard', { token: again })).status).toBe(401);
    await users.setDisabled(operator.username, false, { actor: 'cli:test' });

    // The demo admin is the only ADMIN: it can be neither disabled nor demoted.
    await expect(users.setDisabled('admin', true, { actor: 'cli:test' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(users.setRole('admin', 'OPERATOR', { actor: 'cli:test' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await createAdmin(t, 'second.admin', 'ADMIN');
    await users.setRole('admin', 'OPERATOR', { actor: 'cli:test' });
    await expect(
      users.setDisabled('second.admin', true, { actor: 'cli:test' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await users.setRole('admin', 'ADMIN', { actor: 'cli:test' });
  });

  it('keeps passwords as argon2id and TOTP secrets sealed; no answer or log line holds either', async () => {
    const [row] = await t.sql<{ password_hash: string; totp_secret_encrypted: string }>(
      `SELECT password_hash, totp_secret_encrypted FROM admin_users WHERE username = $1`,
      [operator.username],
    );
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    expect(row?.totp_secret_encrypted).toMatch(/^v1\./);
    expect(row?.totp_secret_encrypted).not.toContain(operator.secret);
    const logs = capturedLogLines.join('\n');
    expect(logs).not.toContain(operator.password);
    expect(logs).not.toContain(operator.secret);
    expect(logs).not.toContain(DEMO_ADMIN_LOGIN.password);
  });
});

describe('admin API with ADMIN_ALLOWLIST, ADMIN_TOTP_REQUIRED and a low sign-in limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({
      env: {
        ADMIN_ALLOWLIST: '127.0.0.0/8,10.0.0.0/8',
        ADMIN_TOTP_REQUIRED: 'true',
        LOGIN_RATE_LIMIT_PER_MINUTE: '3',
      },
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 404 outside the allowlist, before anything else, for the API and /admin', async () => {
    for (const path of ['/api/v1/admin/dashboard', '/admin', '/admin/customers', ADMIN_LOGIN]) {
      const outside = await t.request('GET', path, { ip: '203.0.113.9' });
      expect({ path, status: outside.status }).toEqual({ path, status: 404 });
    }
    const inside = await t.request('GET', '/api/v1/admin/dashboard', { ip: '10.1.2.3' });
    expect(inside.status).toBe(401);
    // The customers' API is not restricted.
    expect((await t.request('GET', '/api/v1/accounts', { ip: '203.0.113.9' })).status).toBe(401);
  });

  it('refuses an admin without TOTP when ADMIN_TOTP_REQUIRED=true, as a wrong password', async () => {
    const response = await adminLogin(t, DEMO_ADMIN_LOGIN, '10.0.0.5');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'INVALID_CREDENTIALS', attemptsRemaining: 4 });
  });

  it('limits admin sign-ins per address on their own counter', async () => {
    const ip = '10.9.9.9';
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push(
        (await adminLogin(t, { username: `user${i}x`, password: 'wrong-password-1' }, ip)).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    // The ATM's sign-in from the same address has its own count.
    const atm = await t.request('POST', '/api/v1/auth/login', {
      ip,
      body: { cardNumber: DEMO.alice.cardNumber, pin: DEMO.alice.pin },
    });
    expect(atm.status).toBe(200);
  });

  it('keeps the admin API answering during maintenance', async () => {
    await t.sql(`UPDATE atm_settings SET maintenance = true`);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await t.request('GET', '/api/v1/accounts')).status).toBe(503);
    expect((await t.request('GET', '/api/v1/admin/maintenance')).status).toBe(401);
    await t.sql(`UPDATE atm_settings SET maintenance = false`);
  });
});
