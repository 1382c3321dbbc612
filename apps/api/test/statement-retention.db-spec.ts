import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ProblemDetails } from '@atm/contracts';
import { ManualClock } from '../src/common/clock';
import { HousekeepingService } from '../src/housekeeping/housekeeping.service';
import { accountByNumber } from './support/accounts';
import { downloadStatement, requestStatement, waitForStatus } from './support/statement-helpers';
import { DEMO, TestApp } from './support/test-app';

const RETENTION_DAYS = 7;
const DAY_SECONDS = 24 * 60 * 60;
const ENV = {
  ATM_TIMEZONE: 'America/New_York',
  STATEMENT_RETENTION_DAYS: String(RETENTION_DAYS),
};

/** Makes a READY statement of Alice's savings account; answers its id and the token used. */
async function readyStatement(t: TestApp): Promise<{ id: string; token: string }> {
  const token = (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken;
  const account = await accountByNumber(t, token, DEMO.alice.savings);
  const response = await requestStatement(t, token, account.id, {
    from: '2026-11-01',
    to: '2026-11-20',
  });
  expect(response.status).toBe(202);
  const ready = await waitForStatus(t, token, response.body.statement.id, 'READY');
  return { id: ready.id, token };
}

async function statementStatus(t: TestApp, id: string): Promise<number> {
  // A fresh session: the clock may have moved past the last one's end.
  const token = (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken;
  return (await t.request('GET', `/api/v1/statements/${id}`, { token })).status;
}

describe('statement retention (local files)', () => {
  let t: TestApp;
  let outputDir: string;
  const clock = new ManualClock('2026-11-23T20:00:00Z');

  beforeAll(async () => {
    outputDir = mkdtempSync(join(tmpdir(), 'atm-retention-'));
    t = await TestApp.start({ clock, env: { ...ENV, STATEMENT_OUTPUT_DIR: outputDir } });
  });

  afterAll(async () => {
    await t.close();
    rmSync(outputDir, { recursive: true, force: true });
  });

  const pdfFiles = () => readdirSync(outputDir).filter((name) => name.endsWith('.pdf'));

  it('answers 410 STATEMENT_GONE for a READY statement whose file is gone', async () => {
    const { id, token } = await readyStatement(t);
    for (const name of pdfFiles()) unlinkSync(join(outputDir, name));
    const response = await downloadStatement(t, token, id);
    expect(response.status).toBe(410);
    const body = JSON.parse(response.pdf.toString('utf8')) as ProblemDetails;
    expect(body.code).toBe('STATEMENT_GONE');
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('deletes statements and their files STATEMENT_RETENTION_DAYS after completion', async () => {
    const housekeeping = t.app.get(HousekeepingService);
    const { id } = await readyStatement(t);
    expect(pdfFiles()).toHaveLength(1);

    clock.advanceSeconds(RETENTION_DAYS * DAY_SECONDS - 60);
    await housekeeping.runOnce();
    expect(await statementStatus(t, id)).toBe(200);
    expect(pdfFiles()).toHaveLength(1);
    const token = (await t.login(DEMO.alice.cardNumber, DEMO.alice.pin)).accessToken;
    expect((await downloadStatement(t, token, id)).status).toBe(200);

    clock.advanceSeconds(120);
    const removed = await housekeeping.runOnce();
    // The statement of the first test (its file already gone) goes too.
    expect(removed.statements).toBe(2);
    expect(await statementStatus(t, id)).toBe(404);
    expect(pdfFiles()).toEqual([]);
  });
});

describe('statement retention (S3)', () => {
  // s3rver: an S3-compatible server on loopback (devDependency), one bucket of its own.
  const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
    run(): Promise<{ port: number }>;
    close(): Promise<void>;
  };
  const bucket = 'atm-retention-test';
  let server: InstanceType<typeof S3rver>;
  let directory: string;
  let endpoint: string;
  let t: TestApp;
  const clock = new ManualClock('2026-11-23T20:00:00Z');
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
    process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
    t = await TestApp.start({
      clock,
      env: {
        ...ENV,
        STATEMENT_S3_BUCKET: bucket,
        STATEMENT_S3_ENDPOINT: endpoint,
        STATEMENT_S3_REGION: 'us-east-1',
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

  async function objectKeys(): Promise<string[]> {
    const client = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    try {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : []));
    } finally {
      client.destroy();
    }
  }

  it('deletes the statement and its object after the retention time', async () => {
    const { id } = await readyStatement(t);
    expect(await objectKeys()).toHaveLength(1);
    clock.advanceSeconds(RETENTION_DAYS * DAY_SECONDS + 60);
    expect((await t.app.get(HousekeepingService).runOnce()).statements).toBe(1);
    expect(await objectKeys()).toEqual([]);
    expect(await statementStatus(t, id)).toBe(404);
  });
});
