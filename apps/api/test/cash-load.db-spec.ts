import { CASSETTES_PER_DENOMINATION, CashService } from '../src/transactions/cash.service';
import { TestApp } from './support/test-app';

describe('cash loads', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });

  afterAll(async () => {
    await t.close();
  });

  it('loads a new denomination from concurrent loads without colliding, counting every note', async () => {
    const cash = t.app.get(CashService);
    const loads = 6;
    const results = await Promise.allSettled(
      Array.from({ length: loads }, (_, i) => cash.load(5000, 10 + i, { actor: `cli:test-${i}` })),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const [fifties] = await t.sql<{ cassettes: string; notes: string }>(
      `SELECT count(*) AS cassettes, SUM(note_count) AS notes FROM note_cassettes WHERE denomination_cents = 5000`,
    );
    expect(Number(fifties?.cassettes)).toBe(CASSETTES_PER_DENOMINATION);
    // 10 + 11 + ... + 15
    expect(Number(fifties?.notes)).toBe(75);
    const stock = await cash.stock();
    expect(stock.notes.find((n) => n.denominationCents === 5000)?.count).toBe(75);
    // The demo stock loaded before is untouched.
    expect(stock.notes.find((n) => n.denominationCents === 2000)?.count).toBe(500);
  });

  it('then loads a further new denomination after the ones already there', async () => {
    const cash = t.app.get(CashService);
    await Promise.all([
      cash.load(10000, 3, { actor: 'cli:a' }),
      cash.load(10000, 4, { actor: 'cli:b' }),
    ]);
    const stock = await cash.stock();
    expect(stock.notes.find((n) => n.denominationCents === 10000)?.count).toBe(7);
    const [ids] = await t.sql<{ distinct_ids: string; rows: string }>(
      `SELECT count(DISTINCT id) AS distinct_ids, count(*) AS rows FROM note_cassettes`,
    );
    expect(ids?.distinct_ids).toBe(ids?.rows);
  });
});
