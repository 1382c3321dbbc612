import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ProblemDetails, type StatementResponse } from '@atm/contracts';
import { formatCents } from '@atm/money';
import { ManualClock } from '../src/common/clock';
import { StatementLedger } from '../src/statements/statement-ledger';
import { StatementStore } from '../src/statements/statement-store';
import {
  StatementPdfRenderer,
  StatementRenderError,
} from '../src/statements/statement-pdf-renderer';
import { accountByNumber, newKey } from './support/accounts';
import {
  downloadStatement,
  ledgerFacts,
  pdfText,
  requestStatement,
  statementOf,
  waitForStatus,
} from './support/statement-helpers';
import { DEMO, TestApp } from './support/test-app';

/**
 * Statements on the embedded default (no REDIS_URL): the API runs the same processor as the
 * worker, in process. Runs on PGlite and on PostgreSQL.
 */

// Monday 2026-11-23, 15:00 in New York: "today" for the period checks.
const TODAY_INSTANT = '2026-11-23T20:00:00Z';
const ZONE = 'America/New_York';
const ENV = {
  ATM_TIMEZONE: ZONE,
  SESSION_TIMEOUT_SECONDS: '900',
  STATEMENT_WORKER_CONCURRENCY: '2',
};

/** Holds every statement job at its ledger read until released: "not ready" on demand. */
function holdStatementJobs(t: TestApp): { release: () => void } {
  const ledger = t.app.get(StatementLedger);
  const read = ledger.read.bind(ledger);
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const spy = jest.spyOn(ledger, 'read').mockImplementation(async (statement) => {
    await gate;
    return read(statement);
  });
  return {
    release: () => {
      spy.mockRestore();
      open();
    },
  };
}

describe('statements (in process)', () => {
  let t: TestApp;
  let outputDir: string;
  const clock = new ManualClock('2026-10-15T15:00:00Z');
  let alice: string;
  let bob: string;
  let checkingId: string;
  let savingsId: string;

  const relogin = async () => {
    alice = (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken;
    bob = (await t.login(DEMO.bob.cardNumber, DEMO.bob.pin)).accessToken;
  };
  const move = async (path: string, body: unknown) => {
    const response = await t.request('POST', `/api/v1/accounts/${checkingId}/${path}`, {
      token: alice,
      body,
      headers: { 'idempotency-key': newKey('stmt') },
    });
    expect(response.status).toBe(201);
  };

  beforeAll(async () => {
    outputDir = mkdtempSync(join(tmpdir(), 'atm-statements-'));
    t = await TestApp.start({ clock, env: { ...ENV, STATEMENT_OUTPUT_DIR: outputDir } });
    await relogin();
    checkingId = (await accountByNumber(t, alice, DEMO.alice.checking)).id;
    savingsId = (await accountByNumber(t, alice, DEMO.alice.savings)).id;
    // 23:00 on October 31 in New York (already November 1 in UTC): before the period.
    clock.set('2026-11-01T03:00:00Z');
    await relogin();
    await move('withdrawals', { amountCents: 2000 });
    clock.set('2026-11-05T15:00:00Z');
    await relogin();
    await move('withdrawals', { amountCents: 6000 });
    clock.set('2026-11-10T15:00:00Z');
    await relogin();
    await move('deposits', { amountCents: 10000, kind: 'CASH' });
    clock.set(TODAY_INSTANT);
    await relogin();
  });

  afterAll(async () => {
    await t?.close();
    rmSync(outputDir, { recursive: true, force: true });
  });

  it('answers 401 without a token', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['POST', `/api/v1/accounts/${checkingId}/statements`],
      ['GET', `/api/v1/statements/${id}`],
      ['GET', `/api/v1/statements/${id}/pdf`],
    ] as const) {
      const response = await t.request<ProblemDetails>(method, url, {
        body: method === 'POST' ? { from: '2026-11-01', to: '2026-11-02' } : undefined,
      });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it.each([
    ['a missing from', { to: '2026-11-02' }, 'from'],
    ['a missing to', { from: '2026-11-02' }, 'to'],
    ['a day without its leading zero', { from: '2026-11-1', to: '2026-11-02' }, 'from'],
    ['slashes', { from: '2026/11/01', to: '2026-11-02' }, 'from'],
    ['a day that does not exist', { from: '2026-02-29', to: '2026-03-02' }, 'from'],
    ['a number', { from: 20261101, to: '2026-11-02' }, 'from'],
    ['a timestamp', { from: '2026-11-01T00:00:00Z', to: '2026-11-02' }, 'from'],
    ['an unknown field', { from: '2026-11-01', to: '2026-11-02', format: 'csv' }, 'format'],
    ['a reversed range', { from: '2026-11-03', to: '2026-11-02' }, 'to'],
    ['367 days', { from: '2025-11-22', to: '2026-11-23' }, 'to'],
    ['a period ending tomorrow', { from: '2026-11-01', to: '2026-11-24' }, 'to'],
  ])('answers %s with 400 VALIDATION_FAILED', async (_name, body, field) => {
    const response = await requestStatement(t, alice, checkingId, body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
  });

  it('accepts exactly 366 days ending today, and checks the shape before the owner', async () => {
    // The shape comes first: another customer's account with a bad body is a 400.
    const bad = await requestStatement(t, bob, checkingId, { from: '2026-11-01' });
    expect(bad.status).toBe(400);
    const notUuid = await requestStatement(t, alice, 'not-a-uuid', {
      from: '2026-11-01',
      to: '2026-11-02',
    });
    expect(notUuid.status).toBe(400);
    const charlie = (await t.login(DEMO.charlie.cardNumber, DEMO.charlie.pin)).accessToken;
    const charlieChecking = await accountByNumber(t, charlie, DEMO.charlie.checking);
    const yearLong = await requestStatement(t, charlie, charlieChecking.id, {
      from: '2025-11-23',
      to: '2026-11-23',
    });
    expect(yearLong.status).toBe(202);
    await waitForStatus(t, charlie, yearLong.body.statement.id, 'READY');
  });

  it("answers 404 for another customer's account and statement", async () => {
    const other = await requestStatement(t, bob, checkingId, {
      from: '2026-11-01',
      to: '2026-11-02',
    });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('NOT_FOUND');
    const unknown = await requestStatement(t, alice, '00000000-0000-4000-8000-000000000000', {
      from: '2026-11-01',
      to: '2026-11-02',
    });
    expect(unknown.status).toBe(404);
  });

  it('answers 202 with Location, 409 before READY, 404 to others, and 429 for a fourth unfinished', async () => {
    const hold = holdStatementJobs(t);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const response = await requestStatement(t, alice, savingsId, {
          from: '2026-11-01',
          to: `2026-11-0${i + 2}`,
        });
        expect(response.status).toBe(202);
        const { statement } = response.body;
        expect(response.headers.location).toBe(`/api/v1/statements/${statement.id}`);
        expect(statement).toEqual({
          id: expect.any(String),
          accountId: savingsId,
          from: '2026-11-01',
          to: `2026-11-0${i + 2}`,
          status: 'PENDING',
          createdAt: new Date(TODAY_INSTANT).toISOString(),
        });
        ids.push(statement.id);
      }
      const fourth = await requestStatement(t, alice, savingsId, {
        from: '2026-11-01',
        to: '2026-11-09',
      });
      expect(fourth.status).toBe(429);
      expect(fourth.body.code).toBe('RATE_LIMITED');
      expect(Number(fourth.headers['retry-after'])).toBeGreaterThanOrEqual(1);

      const id = ids[0];
      expect(['PENDING', 'PROCESSING']).toContain((await statementOf(t, alice, id)).status);
      const early = await t.request<ProblemDetails>('GET', `/api/v1/statements/${id}/pdf`, {
        token: alice,
      });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('STATEMENT_NOT_READY');
      expect((await t.request('GET', `/api/v1/statements/${id}`, { token: bob })).status).toBe(404);
      expect((await t.request('GET', `/api/v1/statements/${id}/pdf`, { token: bob })).status).toBe(
        404,
      );

      hold.release();
      for (const statementId of ids) await waitForStatus(t, alice, statementId, 'READY');
      // Finished statements no longer count.
      const again = await requestStatement(t, alice, savingsId, {
        from: '2026-11-01',
        to: '2026-11-09',
      });
      expect(again.status).toBe(202);
      await waitForStatus(t, alice, again.body.statement.id, 'READY');
    } finally {
      hold.release();
    }
  });

  it('never lets concurrent requests pass the limit of 3 unfinished', async () => {
    const hold = holdStatementJobs(t);
    try {
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          requestStatement(t, alice, savingsId, { from: '2026-11-01', to: `2026-11-1${i}` }),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([202, 202, 202, 429, 429, 429]);
      const [row] = await t.sql<{ count: string }>(
        `SELECT count(*)::text AS count FROM statements WHERE account_id = $1 AND status IN ('PENDING', 'PROCESSING')`,
        [savingsId],
      );
      expect(row?.count).toBe('3');
      hold.release();
      for (const response of responses.filter((r) => r.status === 202)) {
        await waitForStatus(t, alice, response.body.statement.id, 'READY');
      }
    } finally {
      hold.release();
    }
  });

  it('makes the statement the ledger says, end to end, with a readable file name', async () => {
    const response = await requestStatement(t, alice, checkingId, {
      from: '2026-11-01',
      to: '2026-11-23',
    });
    expect(response.status).toBe(202);
    const ready = await waitForStatus(t, alice, response.body.statement.id, 'READY');
    expect(ready.pageCount).toBe(1);
    expect(ready.completedAt).toEqual(expect.any(String));

    const file = await downloadStatement(t, alice, ready.id);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      'attachment; filename="statement-0001-2026-11-01-to-2026-11-23.pdf"',
    );
    expect(file.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The ledger at the period's bounds in New York: the October 31 withdrawal (already
    // November in UTC) is part of the opening balance, not a line of the statement.
    const facts = await ledgerFacts(
      t,
      checkingId,
      new Date('2026-11-01T04:00:00Z'),
      new Date('2026-11-24T05:00:00Z'),
    );
    expect(facts.openingCents).toBe(525000 - 2000);
    expect(facts.entries).toHaveLength(2);
    const [account] = await t.sql<{ balance: string }>(
      `SELECT balance_cents::text AS balance FROM accounts WHERE id = $1`,
      [checkingId],
    );
    expect(facts.closingCents).toBe(Number(account?.balance));

    const text = await pdfText(file.pdf);
    expect(text).toContain('Harbor Savings Bank');
    expect(text).toContain('Alice Johnson');
    expect(text).toContain('••••0001');
    expect(text).not.toContain(DEMO.alice.checking);
    expect(text).not.toContain('1000-0001-0001');
    expect(text).toContain('November 1, 2026 to November 23, 2026');
    expect(text).toMatch(new RegExp(`Opening balance\\s+\\${formatCents(facts.openingCents)}`));
    expect(text).toContain('11/05/2026');
    expect(text).toContain('11/10/2026');
    expect(text).not.toContain('10/31/2026');
    let balance = facts.openingCents;
    for (const entry of facts.entries) {
      balance += entry.amountCents;
      const amount = formatCents(Math.abs(entry.amountCents));
      expect(text).toMatch(
        new RegExp(`${entry.description}\\s+\\${amount}\\s+\\${formatCents(balance)}`),
      );
    }
    expect(text).toMatch(new RegExp(`Totals\\s+\\${formatCents(10000)}\\s+\\${formatCents(6000)}`));
    expect(text).toMatch(new RegExp(`Closing balance\\s+\\${formatCents(facts.closingCents)}`));
    expect(formatCents(facts.closingCents)).toBe('$5,270.00');
    expect(text).toContain('Page 1 of 1');

    // The file sits under a random name that says nothing about the account or the card.
    const names = readdirSync(outputDir).filter((n) => n.endsWith('.pdf'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^[0-9a-f]{32}\.pdf$/);
    const events = await t.sql<{ type: string }>(
      `SELECT type FROM audit_events WHERE details->>'statementId' = $1 ORDER BY id`,
      [ready.id],
    );
    expect(events.map((e) => e.type)).toEqual(['STATEMENT_REQUESTED', 'STATEMENT_READY']);
  });

  it('records the enqueue even when a worker finished the statement first', async () => {
    const response = await requestStatement(t, alice, checkingId, {
      from: '2026-11-02',
      to: '2026-11-04',
    });
    const ready = await waitForStatus(t, alice, response.body.statement.id, 'READY');
    await t.sql(`UPDATE statements SET enqueued_at = NULL WHERE id = $1`, [ready.id]);
    // What the queue's dispatcher does after the job was added, here after the worker's run.
    await t.app.get(StatementStore).markEnqueued(ready.id, clock.now());
    const [row] = await t.sql<{ enqueued_at: Date | null }>(
      `SELECT enqueued_at FROM statements WHERE id = $1`,
      [ready.id],
    );
    expect(row?.enqueued_at).toEqual(clock.now());
  });

  it('ends FAILED with the reason in the row, not in the response, when rendering fails', async () => {
    const renderer = t.app.get(StatementPdfRenderer);
    const spy = jest
      .spyOn(renderer, 'render')
      .mockRejectedValue(new StatementRenderError('the font table is corrupt'));
    try {
      const response = await requestStatement(t, alice, checkingId, {
        from: '2026-11-02',
        to: '2026-11-03',
      });
      expect(response.status).toBe(202);
      const failed = await waitForStatus(t, alice, response.body.statement.id, 'FAILED');
      const shown = await t.request<StatementResponse>('GET', `/api/v1/statements/${failed.id}`, {
        token: alice,
      });
      expect(shown.text).not.toMatch(/font|reason/i);
      const [row] = await t.sql<{ failure_reason: string; attempts: number }>(
        `SELECT failure_reason, attempts FROM statements WHERE id = $1`,
        [failed.id],
      );
      expect(row?.failure_reason).toBe('Rendering failed: the font table is corrupt');
      // A render error is not retried: the same data would fail the same way.
      expect(row?.attempts).toBe(1);
      const pdf = await t.request<ProblemDetails>('GET', `/api/v1/statements/${failed.id}/pdf`, {
        token: alice,
      });
      expect(pdf.status).toBe(409);
      expect(pdf.body.code).toBe('STATEMENT_NOT_READY');
      const [event] = await t.sql<{ outcome: string }>(
        `SELECT outcome FROM audit_events WHERE type = 'STATEMENT_FAILED' AND details->>'statementId' = $1`,
        [failed.id],
      );
      expect(event?.outcome).toBe('FAILURE');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('statements left unfinished by a crash (in process)', () => {
  it('resumes PENDING and PROCESSING statements when the API starts again', async () => {
    const outputDir = mkdtempSync(join(tmpdir(), 'atm-statements-'));
    const clock = new ManualClock(TODAY_INSTANT);
    const env = { ...ENV, STATEMENT_OUTPUT_DIR: outputDir };
    let t = await TestApp.start({ clock, env });
    try {
      const token = (await t.login(DEMO.bob.cardNumber, DEMO.bob.pin)).accessToken;
      const account = await accountByNumber(t, token, DEMO.bob.checking);
      const customer = await t.sql<{ customer_id: string }>(
        `SELECT customer_id FROM accounts WHERE id = $1`,
        [account.id],
      );
      // As a process killed mid-job leaves them: one never started, one half done.
      const rows = await t.sql<{ id: string }>(
        `INSERT INTO statements (account_id, customer_id, from_date, to_date, status, attempts, started_at, claim_token, storage_key)
         VALUES ($1, $2, '2026-11-01', '2026-11-20', 'PENDING', 0, NULL, NULL, NULL),
                ($1, $2, '2026-11-02', '2026-11-21', 'PROCESSING', 1, now(), gen_random_uuid(), $3)
         RETURNING id`,
        [account.id, customer[0]?.customer_id, `${'ab'.repeat(16)}.pdf`],
      );
      await t.app.close();
      t = await TestApp.start({ clock, env, database: t.database, seed: false });
      const again = (await t.login(DEMO.bob.cardNumber, DEMO.bob.pin)).accessToken;
      for (const row of rows) {
        const ready = await waitForStatus(t, again, row.id, 'READY');
        expect((await downloadStatement(t, again, ready.id)).status).toBe(200);
      }
      const readyEvents = await t.sql<{ count: string }>(
        `SELECT count(*)::text AS count FROM audit_events WHERE type = 'STATEMENT_READY'`,
      );
      expect(readyEvents[0]?.count).toBe('2');
    } finally {
      await t.close();
      rmSync(outputDir, { recursive: true, force: true });
    }
  });
});

describe('statements stored in S3', () => {
  // s3rver: an S3-compatible server on loopback (devDependency), one bucket of its own.
  const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
    run(): Promise<{ port: number }>;
    close(): Promise<void>;
  };
  const bucket = 'atm-statements-test';
  let server: InstanceType<typeof S3rver>;
  let directory: string;
  let endpoint: string;
  let t: TestApp;
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'atm-s3rver-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: bucket }],
    });
    endpoint = `http://127.0.0.1:${(await server.run()).port}`;
    // The SDK's default credential chain reads these (s3rver accepts S3RVER/S3RVER).
    process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
    t = await TestApp.start({
      clock: new ManualClock(TODAY_INSTANT),
      env: {
        ...ENV,
        STATEMENT_S3_BUCKET: bucket,
        STATEMENT_S3_ENDPOINT: endpoint,
        STATEMENT_S3_REGION: 'us-east-1',
        // Nothing may land here when S3 is configured.
        STATEMENT_OUTPUT_DIR: join(directory, 'not-used'),
      },
    });
  });

  afterAll(async () => {
    await t?.close();
    await server?.close();
    process.env.AWS_ACCESS_KEY_ID = saved.id;
    process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
    if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
    if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes the PDF to the bucket under a random key and serves it back', async () => {
    const token = (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken;
    const account = await accountByNumber(t, token, DEMO.alice.savings);
    const response = await requestStatement(t, token, account.id, {
      from: '2026-11-01',
      to: '2026-11-23',
    });
    expect(response.status).toBe(202);
    const ready = await waitForStatus(t, token, response.body.statement.id, 'READY');
    const file = await downloadStatement(t, token, ready.id);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toBe(
      'attachment; filename="statement-0002-2026-11-01-to-2026-11-23.pdf"',
    );
    const text = await pdfText(file.pdf);
    expect(text).toContain('Alice Johnson');
    expect(text).toContain('••••0002');
    expect(text).toContain('$12,500.00');

    const client = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    try {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      const keys = (listed.Contents ?? []).map((o) => o.Key);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(/^statements\/[0-9a-f]{32}\.pdf$/);
      expect(listed.Contents?.[0]?.Size).toBe(file.pdf.length);
    } finally {
      client.destroy();
    }
    expect(readdirSync(directory)).not.toContain('not-used');
  });
});
