import { type ProblemDetails, type ReadyResponse } from '@atm/contracts';
import { ManualClock } from '../src/common/clock';
import { DEMO, TestApp } from './support/test-app';

/** Past the one second a process trusts its last reading of the maintenance flag. */
const PAST_MAINTENANCE_CACHE_SECONDS = 1.1;

describe('HTTP platform', () => {
  let t: TestApp;
  const clock = new ManualClock();

  beforeAll(async () => {
    t = await TestApp.start({ clock });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness', async () => {
    const health = await t.request('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await t.request<ReadyResponse>('GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'disabled' } });
  });

  it('answers unknown routes with 404 problem+json', async () => {
    for (const url of ['/api/v1/nope', '/nope', '/api/v2/accounts']) {
      const response = await t.request<ProblemDetails>('GET', url);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
        type: expect.any(String),
        title: expect.any(String),
        detail: expect.any(String),
      });
    }
  });

  it.each([
    ['malformed JSON', '{"cardNumber":'],
    [
      'prototype pollution',
      '{"cardNumber":"4000000000000010","pin":"1234","__proto__":{"admin":true}}',
    ],
    [
      'constructor pollution',
      '{"cardNumber":"4000000000000010","pin":"1234","constructor":{"prototype":{"admin":true}}}',
    ],
    ['an unknown field', '{"cardNumber":"4000000000000010","pin":"1234","balanceCents":1}'],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['a number where a string belongs', '{"cardNumber":4000000000000010,"pin":"1234"}'],
    ['an empty body', ''],
  ])('answers %s with 400 VALIDATION_FAILED', async (_name, rawBody) => {
    const response = await t.request<ProblemDetails>('POST', '/api/v1/auth/login', { rawBody });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  });

  it('lists the offending fields', async () => {
    const response = await t.request<ProblemDetails>('POST', '/api/v1/auth/login', {
      body: { cardNumber: DEMO.alice.cardNumber, pin: '1234', isAdmin: true },
    });
    expect(response.body.errors).toEqual([
      { field: 'isAdmin', message: 'is not an allowed field' },
    ]);
  });

  it('answers a body over 16 KiB with 413 VALIDATION_FAILED', async () => {
    const response = await t.request<ProblemDetails>('POST', '/api/v1/auth/login', {
      rawBody: JSON.stringify({ cardNumber: '4000000000000010', pin: 'x'.repeat(17 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers a non-JSON content type with 400', async () => {
    const response = await t.request<ProblemDetails>('POST', '/api/v1/auth/login', {
      rawBody: 'cardNumber=4000000000000010&pin=1234',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('serves the OpenAPI document and Swagger UI outside production', async () => {
    const json = await t.request<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/docs-json',
    );
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/accounts']),
    );
    const ui = await t.request('GET', '/docs');
    expect(ui.status).toBe(200);
  });

  it('sets security headers and a request id', async () => {
    const response = await t.request('GET', '/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-request-id']).toBe('abc-123');
  });

  it('answers 503 MAINTENANCE on /api/v1 while in maintenance, but not on /health, /ready or unknown routes', async () => {
    await t.sql(`UPDATE atm_settings SET maintenance = true`);
    // The flag's cache runs on the injected clock: no test waits for it.
    clock.advanceSeconds(PAST_MAINTENANCE_CACHE_SECONDS);
    try {
      const login = await t.request<ProblemDetails>('POST', '/api/v1/auth/login', {
        body: { cardNumber: DEMO.alice.cardNumber, pin: DEMO.alice.pin },
      });
      expect(login.status).toBe(503);
      expect(login.body.code).toBe('MAINTENANCE');
      expect((await t.request('GET', '/health')).status).toBe(200);
      expect((await t.request('GET', '/ready')).status).toBe(200);
      expect((await t.request('GET', '/api/v1/nope')).status).toBe(404);
    } finally {
      await t.sql(`UPDATE atm_settings SET maintenance = false`);
      clock.advanceSeconds(PAST_MAINTENANCE_CACHE_SECONDS);
    }
    expect(
      (
        await t.request('POST', '/api/v1/auth/login', {
          body: { cardNumber: DEMO.alice.cardNumber, pin: DEMO.alice.pin },
        })
      ).status,
    ).toBe(200);
  });
});
