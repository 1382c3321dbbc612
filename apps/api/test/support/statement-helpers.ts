import { execFile } from 'node:child_process';
import { type ProblemDetails, type Statement, type StatementResponse } from '@atm/contracts';
import { type Queryable } from '../../src/database/transaction';
import { postTransaction } from '../../src/transactions/ledger-writer';
import { eventually } from './private-services';
import { type TestApp, type TestResponse } from './test-app';

export function requestStatement(
  t: TestApp,
  token: string,
  accountId: string,
  body: unknown,
): Promise<TestResponse<StatementResponse & ProblemDetails>> {
  return t.request<StatementResponse & ProblemDetails>(
    'POST',
    `/api/v1/accounts/${accountId}/statements`,
    { token, body },
  );
}

export async function statementOf(t: TestApp, token: string, id: string): Promise<Statement> {
  const response = await t.request<StatementResponse>('GET', `/api/v1/statements/${id}`, { token });
  if (response.status !== 200) throw new Error(`statement: ${response.status} ${response.text}`);
  return response.body.statement;
}

/** Polls (bounded) until the statement reaches `status`. */
export function waitForStatus(
  t: TestApp,
  token: string,
  id: string,
  status: Statement['status'],
  timeoutMs = 30000,
): Promise<Statement> {
  return eventually(async () => {
    const statement = await statementOf(t, token, id);
    if (statement.status !== status) throw new Error(`statement is ${statement.status}`);
    return statement;
  }, timeoutMs);
}

export interface PdfResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  pdf: Buffer;
}

/** The PDF's bytes as sent (TestApp.request decodes bodies as text). */
export async function downloadStatement(
  t: TestApp,
  token: string,
  id: string,
): Promise<PdfResponse> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/statements/${id}/pdf`,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.statusCode, headers: response.headers, pdf: response.rawPayload };
}

/** The PDF's text as a person selecting it would get it (poppler's pdftotext, layout kept). */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'pdftotext',
      ['-layout', '-enc', 'UTF-8', '-', '-'],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    child.stdin?.end(pdf);
  });
}

export async function internalAccountId(
  t: TestApp,
  type: 'ATM_CASH' | 'BANK_EQUITY',
): Promise<string> {
  const [row] = await t.sql<{ id: string }>(
    `SELECT id FROM accounts WHERE kind = 'INTERNAL' AND type = $1`,
    [type],
  );
  if (!row) throw new Error(`no internal ${type} account`);
  return row.id;
}

/**
 * Writes `count` balanced ledger transactions on a customer account (alternating deposits
 * and smaller withdrawals against the ATM's cash, so the balance never goes negative), one
 * minute apart from `start`.
 */
export async function writeEntries(
  t: TestApp,
  accountId: string,
  count: number,
  start: Date,
): Promise<void> {
  const cash = await internalAccountId(t, 'ATM_CASH');
  await t.dataSource.transaction(async (manager) => {
    const db: Queryable = manager;
    await db.query(`SELECT id FROM accounts WHERE id = $1 FOR UPDATE`, [accountId]);
    for (let i = 0; i < count; i += 1) {
      const deposit = i % 2 === 0;
      const amount = deposit ? 1000 + (i % 7) * 13 : 500 + (i % 5) * 7;
      const signed = deposit ? amount : -amount;
      await postTransaction(db, {
        type: deposit ? 'DEPOSIT' : 'WITHDRAWAL',
        amountCents: amount,
        accountId,
        description: `${deposit ? 'Cash deposit' : 'ATM withdrawal'} test-${i}`,
        at: new Date(start.getTime() + i * 60_000),
        postings: [
          {
            accountId,
            amountCents: signed,
            entryType: deposit ? 'DEPOSIT' : 'WITHDRAWAL',
            description: `${deposit ? 'Cash deposit' : 'ATM withdrawal'} test-${i}`,
            hasRunningBalance: true,
          },
          {
            accountId: cash,
            amountCents: -signed,
            entryType: deposit ? 'DEPOSIT' : 'WITHDRAWAL',
            description: `test-${i}`,
            hasRunningBalance: false,
          },
        ],
      });
    }
  });
}

/** What the ledger says: the balance before `start` and the entries in [start, end). */
export async function ledgerFacts(
  t: TestApp,
  accountId: string,
  start: Date,
  end: Date,
): Promise<{
  openingCents: number;
  closingCents: number;
  entries: Array<{ description: string; amountCents: number }>;
}> {
  const [opening] = await t.sql<{ cents: string }>(
    `SELECT COALESCE(SUM(amount_cents), 0)::text AS cents FROM ledger_entries
      WHERE account_id = $1 AND created_at < $2`,
    [accountId, start],
  );
  const rows = await t.sql<{ description: string; amount_cents: string }>(
    `SELECT description, amount_cents::text AS amount_cents FROM ledger_entries
      WHERE account_id = $1 AND created_at >= $2 AND created_at < $3 ORDER BY seq`,
    [accountId, start, end],
  );
  const openingCents = Number(opening?.cents ?? 0);
  const entries = rows.map((r) => ({
    description: r.description,
    amountCents: Number(r.amount_cents),
  }));
  return {
    openingCents,
    closingCents: entries.reduce((sum, e) => sum + e.amountCents, openingCents),
    entries,
  };
}
