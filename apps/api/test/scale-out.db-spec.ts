import { type ProblemDetails } from '@atm/contracts';
import { PrivateRedis } from './support/private-services';
import { DEMO, TestApp } from './support/test-app';
import { createTestDatabase, currentEngine, type TestDatabase } from './support/test-database';

/** Two API processes on one PostgreSQL and one Redis behave as one. */
const describeOnPostgres = currentEngine() === 'postgres' ? describe : describe.skip;

describeOnPostgres('two API processes', () => {
  let database: TestDatabase;
  let redis: PrivateRedis;
  let one: TestApp;
  let two: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    redis = await PrivateRedis.start();
    const shared = {
      engine: database.engine,
      target: database.target,
      drop: async () => undefined,
    };
    const env = { REDIS_URL: redis.url, LOGIN_RATE_LIMIT_PER_MINUTE: '4' };
    one = await TestApp.start({ env, database: shared });
    two = await TestApp.start({ env, database: shared, seed: false });
  });

  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
    await redis?.stopServer();
  });

  it("accept each other's tokens and see each other's logouts", async () => {
    const { accessToken: token } = await one.login(DEMO.alice.cardNumber, DEMO.alice.pin);
    expect((await two.request('GET', '/api/v1/accounts', { token })).status).toBe(200);
    expect((await two.request('POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    const after = await one.request<ProblemDetails>('GET', '/api/v1/accounts', { token });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
  });

  it('share the sign-in rate limit through Redis', async () => {
    const attempt = (app: TestApp) =>
      app.request('POST', '/api/v1/auth/login', {
        body: { cardNumber: DEMO.bob.cardNumber, pin: DEMO.bob.pin },
        ip: '10.9.9.9',
      });
    const statuses = [
      await attempt(one),
      await attempt(two),
      await attempt(one),
      await attempt(two),
      await attempt(one),
      await attempt(two),
    ].map((r) => r.status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});
