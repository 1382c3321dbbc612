import { type ErrorCode, type ProblemDetails } from '@atm/contracts';
import { ManualClock } from '../src/common/clock';
import { accountByNumber, newKey } from './support/accounts';
import { expectLedgerConsistent } from './support/ledger-check';
import { DEMO, TestApp } from './support/test-app';

/**
 * The money rules as a table: one row per refusal the contract names for a movement, each
 * breaking the rule it names AND every later rule it can, so the row also proves the
 * contract's order ("SAME_ACCOUNT → RECIPIENT_NOT_FOUND → ACCOUNT_NOT_ACTIVE →
 * INVALID_AMOUNT → INSUFFICIENT_FUNDS → DAILY_LIMIT_EXCEEDED → CANNOT_DISPENSE": the first
 * that fails answers). Every row must move nothing: balances, ledger, limit counters and the
 * note stock are compared before and after. The rules live in the database functions, so
 * this runs on PGlite and on PostgreSQL like every db-spec.
 */

// Tuesday 2026-11-24, 15:00 in New York.
const START = '2026-11-24T20:00:00Z';
// DEMO: Alice checking $5,250.00 and savings $12,500.00; Bob checking $850.75; Charlie
// checking $0.00 and savings $100.00. Limits: withdrawals $500, transfers $2,500 a day.

type Who = 'alice' | 'bob' | 'charlie';
type Status = 'FROZEN' | 'CLOSED';

interface RuleRow {
  rule: ErrorCode;
  breaks: string;
  who: Who;
  /** Accounts (by number) put in a status for the row, restored after it. */
  statuses?: Record<string, Status>;
  /** Empty the note stock for the row (restored after it). */
  noNotes?: boolean;
  request:
    | { kind: 'withdrawal'; from: string; amountCents: number }
    | { kind: 'deposit'; into: string; amountCents: number }
    | { kind: 'transfer'; from: string; to: string; amountCents: number };
}

const ROWS: RuleRow[] = [
  {
    rule: 'SAME_ACCOUNT',
    breaks: 'same account, frozen, not enough money, over the limit',
    who: 'charlie',
    statuses: { [DEMO.charlie.savings]: 'FROZEN' },
    request: {
      kind: 'transfer',
      from: DEMO.charlie.savings,
      to: DEMO.charlie.savings,
      amountCents: 300000,
    },
  },
  {
    rule: 'RECIPIENT_NOT_FOUND',
    breaks: 'unknown recipient, source frozen, not enough money',
    who: 'bob',
    statuses: { [DEMO.bob.checking]: 'FROZEN' },
    request: {
      kind: 'transfer',
      from: DEMO.bob.checking,
      to: '999999999999',
      amountCents: 100000,
    },
  },
  {
    rule: 'ACCOUNT_NOT_ACTIVE',
    breaks: 'recipient closed, not enough money, over the limit',
    who: 'charlie',
    statuses: { [DEMO.bob.checking]: 'CLOSED' },
    request: {
      kind: 'transfer',
      from: DEMO.charlie.savings,
      to: DEMO.bob.checking,
      amountCents: 300000,
    },
  },
  {
    rule: 'ACCOUNT_NOT_ACTIVE',
    breaks: 'account frozen, amount not a multiple of $20, not enough money, no notes',
    who: 'bob',
    statuses: { [DEMO.bob.checking]: 'FROZEN' },
    noNotes: true,
    request: { kind: 'withdrawal', from: DEMO.bob.checking, amountCents: 90050 },
  },
  {
    rule: 'ACCOUNT_NOT_ACTIVE',
    breaks: 'account closed, amount over the largest deposit',
    who: 'alice',
    statuses: { [DEMO.alice.savings]: 'CLOSED' },
    request: { kind: 'deposit', into: DEMO.alice.savings, amountCents: 1000001 },
  },
  {
    rule: 'INVALID_AMOUNT',
    breaks: 'amount not a multiple of $20, not enough money, over the limit, no notes',
    who: 'bob',
    noNotes: true,
    request: { kind: 'withdrawal', from: DEMO.bob.checking, amountCents: 90050 },
  },
  {
    rule: 'INVALID_AMOUNT',
    breaks: 'amount over the largest deposit',
    who: 'alice',
    request: { kind: 'deposit', into: DEMO.alice.checking, amountCents: 1000001 },
  },
  {
    rule: 'INSUFFICIENT_FUNDS',
    breaks: 'not enough money, over the limit, no notes',
    who: 'bob',
    noNotes: true,
    request: { kind: 'withdrawal', from: DEMO.bob.checking, amountCents: 90000 },
  },
  {
    rule: 'INSUFFICIENT_FUNDS',
    breaks: 'not enough money, over the limit',
    who: 'charlie',
    request: {
      kind: 'transfer',
      from: DEMO.charlie.savings,
      to: DEMO.alice.checking,
      amountCents: 300000,
    },
  },
  {
    rule: 'DAILY_LIMIT_EXCEEDED',
    breaks: 'over the daily withdrawal limit, no notes',
    who: 'alice',
    noNotes: true,
    request: { kind: 'withdrawal', from: DEMO.alice.checking, amountCents: 60000 },
  },
  {
    rule: 'DAILY_LIMIT_EXCEEDED',
    breaks: 'over the daily transfer limit',
    who: 'alice',
    request: {
      kind: 'transfer',
      from: DEMO.alice.savings,
      to: DEMO.bob.checking,
      amountCents: 300000,
    },
  },
  {
    rule: 'CANNOT_DISPENSE',
    breaks: 'no notes in the machine',
    who: 'alice',
    noNotes: true,
    request: { kind: 'withdrawal', from: DEMO.alice.checking, amountCents: 2000 },
  },
];

describe('money rules, one row per refusal, in the contract order', () => {
  let t: TestApp;
  const clock = new ManualClock(START);
  const tokens = {} as Record<Who, string>;

  beforeAll(async () => {
    t = await TestApp.start({ clock, env: { ATM_TIMEZONE: 'America/New_York' } });
    for (const who of ['alice', 'bob', 'charlie'] as const) {
      tokens[who] = (await t.login(DEMO[who].cardNumber, DEMO[who].pin)).accessToken;
    }
  });

  afterEach(async () => {
    await expectLedgerConsistent(t);
  });

  afterAll(async () => {
    await t.close();
  });

  /** Everything a movement could change, as one comparable value. */
  const moneyState = async () =>
    t.sql(
      `SELECT (SELECT count(*) FROM ledger_transactions)::text AS transactions,
              (SELECT count(*) FROM ledger_entries)::text AS entries,
              (SELECT string_agg(number || '=' || balance_cents, ',' ORDER BY number)
                 FROM accounts WHERE kind = 'CUSTOMER') AS balances,
              (SELECT COALESCE(sum(used_cents), 0) FROM daily_limit_usage)::text AS limits_used,
              (SELECT COALESCE(sum(note_count), 0) FROM note_cassettes)::text AS notes,
              (SELECT count(*) FROM deposit_holds)::text AS holds`,
    );

  const send = async (row: RuleRow) => {
    const token = tokens[row.who];
    const request = row.request;
    const headers = { 'idempotency-key': newKey('rule') };
    if (request.kind === 'transfer') {
      const from = await accountByNumber(t, token, request.from);
      return t.request<ProblemDetails>('POST', '/api/v1/transfers', {
        token,
        headers,
        body: {
          fromAccountId: from.id,
          toAccountNumber: request.to,
          amountCents: request.amountCents,
        },
      });
    }
    const number = request.kind === 'withdrawal' ? request.from : request.into;
    const account = await accountByNumber(t, token, number);
    return t.request<ProblemDetails>('POST', `/api/v1/accounts/${account.id}/${request.kind}s`, {
      token,
      headers,
      body:
        request.kind === 'withdrawal'
          ? { amountCents: request.amountCents }
          : { amountCents: request.amountCents, kind: 'CASH' },
    });
  };

  it.each(ROWS.map((row) => [row.rule, row.request.kind, row.breaks, row] as const))(
    '%s wins for a %s that breaks: %s',
    async (_rule, _kind, _breaks, row) => {
      const savedNotes = await t.sql<{ id: number; note_count: number }>(
        `SELECT id, note_count FROM note_cassettes ORDER BY id`,
      );
      const statuses = Object.entries(row.statuses ?? {});
      try {
        for (const [number, status] of statuses) {
          await t.sql(`UPDATE accounts SET status = $2 WHERE number = $1`, [number, status]);
        }
        if (row.noNotes) await t.sql(`UPDATE note_cassettes SET note_count = 0`);
        const before = await moneyState();
        const answer = await send(row);
        expect({ status: answer.status, code: answer.body.code }).toEqual({
          status: 422,
          code: row.rule,
        });
        expect(await moneyState()).toEqual(before);
      } finally {
        for (const [number] of statuses) {
          await t.sql(`UPDATE accounts SET status = 'ACTIVE' WHERE number = $1`, [number]);
        }
        for (const { id, note_count } of savedNotes) {
          await t.sql(`UPDATE note_cassettes SET note_count = $2 WHERE id = $1`, [id, note_count]);
        }
      }
    },
  );

  it('covers every refusal the contract lists for a movement', () => {
    const movementRefusals: ErrorCode[] = [
      'SAME_ACCOUNT',
      'RECIPIENT_NOT_FOUND',
      'ACCOUNT_NOT_ACTIVE',
      'INVALID_AMOUNT',
      'INSUFFICIENT_FUNDS',
      'DAILY_LIMIT_EXCEEDED',
      'CANNOT_DISPENSE',
    ];
    expect([...new Set(ROWS.map((row) => row.rule))]).toEqual(movementRefusals);
  });
});
