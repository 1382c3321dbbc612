import { SeedService } from '../src/admin/seed.service';
import { TestApp } from './support/test-app';

describe('demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });

  afterAll(async () => {
    await t.close();
  });

  it('creates exactly the contract demo data', async () => {
    const rows = await t.sql<{ name: string; number: string; type: string; balance_cents: string }>(
      `SELECT c.name, a.number, a.type, a.balance_cents FROM accounts a JOIN customers c ON c.id = a.customer_id ORDER BY a.number`,
    );
    expect(rows.map((r) => [r.name, r.number, r.type, Number(r.balance_cents)])).toEqual([
      ['Alice Johnson', '100000010001', 'CHECKING', 525000],
      ['Alice Johnson', '100000010002', 'SAVINGS', 1250000],
      ['Bob Williams', '100000020001', 'CHECKING', 85075],
      ['Charlie Davis', '100000030001', 'CHECKING', 0],
      ['Charlie Davis', '100000030002', 'SAVINGS', 10000],
    ]);
    const [notes] = await t.sql<{ total: string }>(
      `SELECT SUM(note_count) AS total FROM note_cassettes WHERE denomination_cents = 2000`,
    );
    expect(Number(notes?.total)).toBe(500);
  });

  it('posts opening balances as ledger entries against an internal account', async () => {
    const [check] = await t.sql<{ mismatched: string; unbalanced: string; total: string }>(`
      SELECT
        (SELECT count(*) FROM accounts a WHERE a.kind = 'CUSTOMER'
           AND a.balance_cents <> COALESCE((SELECT SUM(e.amount_cents) FROM ledger_entries e WHERE e.account_id = a.id), 0)) AS mismatched,
        (SELECT count(*) FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING SUM(amount_cents) <> 0) x) AS unbalanced,
        (SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries) AS total`);
    expect(check).toEqual({ mismatched: '0', unbalanced: '0', total: '0' });
    const [equity] = await t.sql<{ balance: string }>(
      `SELECT SUM(e.amount_cents) AS balance FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE a.type = 'BANK_EQUITY'`,
    );
    expect(Number(equity?.balance)).toBe(-(525000 + 1250000 + 85075 + 10000));
  });

  it('changes nothing when run again', async () => {
    const before = await t.sql(
      `SELECT (SELECT count(*) FROM customers) c, (SELECT count(*) FROM accounts) a, (SELECT count(*) FROM cards) k, (SELECT count(*) FROM ledger_entries) e, (SELECT SUM(note_count) FROM note_cassettes) n`,
    );
    const report = await t.app.get(SeedService).seedDemoData('test');
    expect(report).toEqual({
      customersCreated: 0,
      accountsOpened: 0,
      cardsIssued: 0,
      notesLoaded: 0,
      demoAdminCreated: false,
    });
    const after = await t.sql(
      `SELECT (SELECT count(*) FROM customers) c, (SELECT count(*) FROM accounts) a, (SELECT count(*) FROM cards) k, (SELECT count(*) FROM ledger_entries) e, (SELECT SUM(note_count) FROM note_cassettes) n`,
    );
    expect(after).toEqual(before);
  });

  it('stores no card number and no PIN in clear', async () => {
    const cards = await t.sql<{ number_hash: string; last4: string; pin_hash: string }>(
      `SELECT number_hash, last4, pin_hash FROM cards`,
    );
    expect(cards).toHaveLength(3);
    for (const card of cards) {
      expect(card.number_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(card.pin_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
      expect(JSON.stringify(card)).not.toContain('4000000000000');
    }
  });
});
