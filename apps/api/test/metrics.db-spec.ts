import { accountByNumber, newKey } from './support/accounts';
import { DEMO, TestApp } from './support/test-app';

describe('/metrics', () => {
  it('does not exist unless enabled', async () => {
    const t = await TestApp.start({ seed: false });
    try {
      expect((await t.request('GET', '/metrics')).status).toBe(404);
    } finally {
      await t.close();
    }
  });

  describe('behind the secret guard', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await TestApp.start({
        env: {
          METRICS_ENABLED: 'true',
          METRICS_GUARD: 'secret',
          METRICS_GUARD_SECRET: 'scrape-me-please',
        },
      });
    });

    afterAll(async () => {
      await t.close();
    });

    it('answers only with the right x-metrics-secret', async () => {
      expect((await t.request('GET', '/metrics')).status).toBe(404);
      expect(
        (await t.request('GET', '/metrics', { headers: { 'x-metrics-secret': 'wrong' } })).status,
      ).toBe(404);
      const ok = await t.request('GET', '/metrics', {
        headers: { 'x-metrics-secret': 'scrape-me-please' },
      });
      expect(ok.status).toBe(200);
      expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    });

    it('exposes latency by route, money movements, sign-in failures, lockouts, pool and statement metrics', async () => {
      const { accessToken: token } = await t.login(DEMO.alice.cardNumber, DEMO.alice.pin);
      const checking = await accountByNumber(t, token, DEMO.alice.checking);
      await t.request('POST', `/api/v1/accounts/${checking.id}/withdrawals`, {
        token,
        body: { amountCents: 2000 },
        headers: { 'idempotency-key': newKey() },
      });
      await t.request('POST', `/api/v1/accounts/${checking.id}/withdrawals`, {
        token,
        body: { amountCents: 2500 },
        headers: { 'idempotency-key': newKey() },
      });
      for (const pin of ['0000', '0001', '0002']) {
        await t.request('POST', '/api/v1/auth/login', {
          body: { cardNumber: DEMO.bob.cardNumber, pin },
        });
      }
      const text = (
        await t.request('GET', '/metrics', { headers: { 'x-metrics-secret': 'scrape-me-please' } })
      ).text;
      expect(text).toMatch(
        /atm_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/accounts",status="200"\} \d+/,
      );
      expect(text).toContain(
        'atm_money_movements_total{type="WITHDRAWAL",outcome="SUCCESS",code=""} 1',
      );
      expect(text).toContain(
        'atm_money_movements_total{type="WITHDRAWAL",outcome="REFUSED",code="INVALID_AMOUNT"} 1',
      );
      expect(text).toContain('atm_sign_in_failures_total{reason="WRONG_PIN"} 3');
      expect(text).toContain('atm_card_lockouts_total 1');
      expect(text).toMatch(/atm_db_pool_connections\{state="total"\} \d+/);
      expect(text).toContain('atm_statement_job_duration_seconds');
      expect(text).not.toContain(checking.id);
    });
  });

  it('admits only allow-listed addresses behind the cidr guard', async () => {
    const t = await TestApp.start({
      seed: false,
      env: {
        METRICS_ENABLED: 'true',
        METRICS_GUARD: 'cidr',
        METRICS_GUARD_ALLOWLIST: '10.0.0.0/8,192.168.1.7',
      },
    });
    try {
      expect((await t.request('GET', '/metrics', { ip: '10.20.30.40' })).status).toBe(200);
      expect((await t.request('GET', '/metrics', { ip: '192.168.1.7' })).status).toBe(200);
      expect((await t.request('GET', '/metrics', { ip: '192.168.1.8' })).status).toBe(404);
      expect((await t.request('GET', '/metrics', { ip: '127.0.0.1' })).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
