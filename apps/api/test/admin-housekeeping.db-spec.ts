import { HousekeepingService } from '../src/housekeeping/housekeeping.service';
import { ManualClock } from '../src/common/clock';
import { demoAdminToken } from './support/admin';
import { newKey } from './support/accounts';
import { TestApp } from './support/test-app';

describe('housekeeping of the admin console', () => {
  it('keeps admin keys at least 24 hours and admin sessions 30 days, then removes them', async () => {
    const clock = new ManualClock('2026-11-24T12:00:00Z');
    const t = await TestApp.start({ clock });
    try {
      const key = newKey('cash');
      const load = (token: string) =>
        t.request('POST', '/api/v1/admin/cash', {
          token,
          headers: { 'idempotency-key': key },
          body: { denominationCents: 5000, count: 1 },
        });
      expect((await load(await demoAdminToken(t))).status).toBe(200);
      const housekeeping = t.app.get(HousekeepingService);

      clock.advanceSeconds(25 * 3600);
      expect((await housekeeping.runOnce()).admin).toEqual({ sessions: 0, idempotency: 0 });
      const replay = await load(await demoAdminToken(t));
      expect(replay.headers['idempotent-replayed']).toBe('true');

      clock.advanceSeconds(24 * 3600);
      expect((await housekeeping.runOnce()).admin).toEqual({ sessions: 0, idempotency: 1 });

      // Both sign-ins' sessions (8 hours at most) go once 30 days have passed since each.
      clock.advanceSeconds(29 * 24 * 3600);
      expect((await housekeeping.runOnce()).admin).toEqual({ sessions: 1, idempotency: 0 });
      clock.advanceSeconds(2 * 24 * 3600);
      expect((await housekeeping.runOnce()).admin).toEqual({ sessions: 1, idempotency: 0 });
      const [left] = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM admin_sessions`);
      expect(left?.n).toBe('0');
    } finally {
      await t.close();
    }
  });
});
