import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { isValidCardNumber } from '@atm/contracts';
import { totpCodeAt } from '../src/admin/identity/totp';
import { runEntryPoint, startServer, stopProcess } from './support/entry-points';
import { freePort } from './support/private-services';
import { createTestDatabase, currentEngine, type TestDatabase } from './support/test-database';

// Each test spawns several CLI processes, each booting Nest and connecting to the
// database: on a 2-core machine shared with other test runs one takes 10 s or more, so
// the root's 60 s per test is too little for a test that runs five of them.
jest.setTimeout(240_000);
/** One CLI or migrate process: the embedded engine's start alone can take 30 s there. */
const CHILD_TIMEOUT_MS = 120_000;

/**
 * The admin CLI as an administrator runs it: the real compiled binary as a child process,
 * against PostgreSQL (DATABASE_URL) or the embedded database (DATA_DIR), asserting both
 * its output and its effect in the database.
 */
describe(`admin CLI on ${currentEngine()}`, () => {
  const engine = currentEngine();
  let database: TestDatabase | undefined;
  let dataDir: string;
  let env: Record<string, string>;
  let server: ChildProcess | undefined;
  let serverPort = 0;

  const cli = (args: string[], input?: string) =>
    runEntryPoint('cli', [...args, '--actor', 'test-admin'], {
      env,
      timeoutMs: CHILD_TIMEOUT_MS,
      ...(input !== undefined ? { input } : {}),
    });
  const cliJson = async <T>(args: string[], input?: string): Promise<T> => {
    const result = await cli([...args, '--json'], input);
    if (result.code !== 0)
      throw new Error(`${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return JSON.parse(result.stdout) as T;
  };

  /** SQL against the same database, through the server's socket or PostgreSQL. */
  const sql = async <T = Record<string, unknown>>(
    text: string,
    params: unknown[] = [],
  ): Promise<T[]> => {
    const client =
      engine === 'postgres'
        ? new Client({ connectionString: database?.url })
        : new Client({
            host: join(dataDir, 'run'),
            port: 5432,
            user: 'postgres',
            database: 'postgres',
          });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atm-cli-'));
    if (engine === 'postgres') {
      database = await createTestDatabase('postgres');
      env = { DATABASE_URL: database.url as string, DATA_DIR: dataDir };
    } else {
      env = { DATA_DIR: dataDir };
    }
    // The CLI never migrates by itself: the administrator runs `npm run migrate` first.
    const migrated = await runEntryPoint('migrate', [], { env, timeoutMs: CHILD_TIMEOUT_MS });
    expect(migrated).toMatchObject({ code: 0 });
  });

  afterAll(async () => {
    await stopProcess(server);
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every command in --help', async () => {
    const help = await runEntryPoint('cli', ['--help'], { env, timeoutMs: CHILD_TIMEOUT_MS });
    expect(help.code).toBe(0);
    for (const command of [
      'seed',
      'customer',
      'account',
      'card',
      'pin',
      'list',
      'cash',
      'maintenance',
      'audit',
    ]) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
    const accountHelp = await runEntryPoint('cli', ['account', '--help'], {
      env,
      timeoutMs: CHILD_TIMEOUT_MS,
    });
    for (const sub of ['open', 'freeze', 'unfreeze', 'close', 'link-overdraft', 'unlink-overdraft'])
      expect(accountHelp.stdout).toContain(sub);
  });

  it('exits 2 on a usage error, never taking a PIN from the command line', async () => {
    for (const args of [
      ['bogus'],
      ['card', 'issue', '--customer', 'x', '--pin', '1234'],
      ['cash', 'load', '--denomination-cents', 'abc', '--count', '1'],
      ['account', 'open'],
    ]) {
      const result = await cli(args);
      expect(result.code).toBe(2);
      expect(result.stdout + result.stderr).not.toContain('Failed:');
    }
  });

  it('seeds the demo data once (on the embedded database while no server runs)', async () => {
    const first = await cliJson<{ customersCreated: number; accountsOpened: number }>(['seed']);
    expect(first).toMatchObject({
      customersCreated: 3,
      accountsOpened: 5,
      cardsIssued: 3,
      notesLoaded: 500,
      demoAdminCreated: true,
    });
    const again = await cliJson<{ customersCreated: number }>(['seed']);
    expect(again).toEqual({
      customersCreated: 0,
      accountsOpened: 0,
      cardsIssued: 0,
      notesLoaded: 0,
      demoAdminCreated: false,
    });
  });

  it('works while the server runs (the embedded database through its socket)', async () => {
    serverPort = await freePort();
    server = await startServer(env, serverPort);
    const listing = await cliJson<{
      customers: Array<{
        name: string;
        accounts: Array<{ number: string; balanceCents: number }>;
        cards: Array<{ last4: string }>;
      }>;
    }>(['list']);
    expect(
      listing.customers.flatMap((c) => c.accounts.map((a) => [a.number, a.balanceCents])),
    ).toEqual([
      ['100000010001', 525000],
      ['100000010002', 1250000],
      ['100000020001', 85075],
      ['100000030001', 0],
      ['100000030002', 10000],
    ]);
    const human = await cli(['list']);
    expect(human.stdout).toContain('1000-0001-0001');
    expect(human.stdout).toContain('••••0010');
    expect(human.stdout).not.toContain('4000000000000010');
  });

  it('creates a customer, opens an account with opening money as a ledger entry, and issues a card shown once', async () => {
    const { id } = await cliJson<{ id: string }>([
      'customer',
      'create',
      '--name',
      'Dana Lee',
      '--email',
      'dana@example.com',
    ]);
    const opened = await cliJson<{ id: string; number: string }>([
      'account',
      'open',
      '--customer',
      id,
      '--type',
      'CHECKING',
      '--opening-cents',
      '25000',
    ]);
    expect(opened.number).toMatch(/^\d{12}$/);
    const [entry] = await sql<{ type: string; amount_cents: string; balance_cents: string }>(
      `SELECT e.type, e.amount_cents, a.balance_cents FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE a.id = $1`,
      [opened.id],
    );
    expect(entry).toEqual({ type: 'OPENING', amount_cents: '25000', balance_cents: '25000' });

    const issued = await cliJson<{ cardNumber: string; last4: string }>(
      ['card', 'issue', '--customer', id, '--pin-stdin'],
      '4821\n',
    );
    expect(isValidCardNumber(issued.cardNumber)).toBe(true);
    expect(issued.last4).toBe(issued.cardNumber.slice(-4));
    const [card] = await sql<{ last4: string; number_hash: string }>(
      `SELECT last4, number_hash FROM cards WHERE customer_id = $1`,
      [id],
    );
    expect(card?.last4).toBe(issued.last4);
    expect(card?.number_hash).not.toContain(issued.cardNumber);
    const listing = await cli(['list']);
    expect(listing.stdout).toContain(`••••${issued.last4}`);
    expect(listing.stdout).not.toContain(issued.cardNumber);

    if (server) {
      const login = await fetch(`http://127.0.0.1:${serverPort}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cardNumber: issued.cardNumber, pin: '4821' }),
      });
      expect(login.status).toBe(200);
    }
  });

  it('refuses with exit 1 and a one-line reason', async () => {
    const cases: Array<[string[], string | undefined, RegExp]> = [
      [['customer', 'create', '--name', ' '], undefined, /name/],
      // Free text follows the API's rule: no bidi overrides or control characters.
      [['customer', 'create', '--name', 'Eve \u202eevil'], undefined, /name/],
      [['customer', 'create', '--name', 'Eve', '--email', 'eve\u0085@x.io'], undefined, /email/],
      [
        [
          'account',
          'open',
          '--customer',
          '6f1c0f36-3b1e-4c55-9f43-4f5a2f0d2a11',
          '--type',
          'SAVINGS',
        ],
        undefined,
        /No customer/,
      ],
      [['account', 'close', '--number', '100000010001'], undefined, /zero balance/],
      [
        ['card', 'issue', '--customer', '6f1c0f36-3b1e-4c55-9f43-4f5a2f0d2a11', '--pin-stdin'],
        '1234\n',
        /straight run/,
      ],
      [
        [
          'card',
          'issue',
          '--customer',
          '6f1c0f36-3b1e-4c55-9f43-4f5a2f0d2a11',
          '--number',
          '4000000000000011',
          '--pin-stdin',
        ],
        '4821\n',
        /Luhn/,
      ],
      [['card', 'unlock', '--number', '4000000000000028'], undefined, /not locked/],
      [['maintenance', 'off'], undefined, /already off/],
    ];
    for (const [args, input, reason] of cases) {
      const result = await cli(args, input);
      expect({ args, code: result.code }).toEqual({ args, code: 1 });
      // A command that would write names its target first; the reason is one line.
      const lines = result.stderr.trim().split('\n');
      expect(lines.filter((line) => !line.startsWith('Target: '))).toHaveLength(1);
      expect(lines.at(-1)).toMatch(reason);
    }
  });

  it('freezes, unfreezes and closes accounts', async () => {
    expect((await cli(['account', 'freeze', '--number', '1000-0002-0001'])).code).toBe(0);
    expect(
      (
        await sql<{ status: string }>(`SELECT status FROM accounts WHERE number = '100000020001'`)
      )[0]?.status,
    ).toBe('FROZEN');
    expect((await cli(['account', 'freeze', '--number', '100000020001'])).code).toBe(1);
    expect((await cli(['account', 'unfreeze', '--number', '100000020001'])).code).toBe(0);
    expect((await cli(['account', 'close', '--number', '100000030001'])).code).toBe(0);
    expect(
      (
        await sql<{ status: string }>(`SELECT status FROM accounts WHERE number = '100000030001'`)
      )[0]?.status,
    ).toBe('CLOSED');
  });

  it('links and unlinks overdraft protection: only a savings account of the same customer', async () => {
    const link = async () =>
      (
        await sql<{ number: string | null }>(
          `SELECT s.number FROM accounts c LEFT JOIN accounts s ON s.id = c.overdraft_from_account_id
            WHERE c.number = '100000010001'`,
        )
      )[0]?.number;
    const linked = await cli([
      'account',
      'link-overdraft',
      '--number',
      '1000-0001-0001',
      '--from',
      '1000-0001-0002',
    ]);
    expect(linked).toMatchObject({ code: 0 });
    expect(linked.stdout).toContain('1000-0001-0002');
    expect(await link()).toBe('100000010002');
    // Another customer's account is refused here with the link rule's reason, in one line.
    const foreign = await cli([
      'account',
      'link-overdraft',
      '--number',
      '100000010001',
      '--from',
      '100000020001',
    ]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr.trim().split('\n').at(-1)).toMatch(
      /savings account of the same customer/,
    );
    expect(await link()).toBe('100000010002');
    expect((await cli(['account', 'unlink-overdraft', '--number', '100000010001'])).code).toBe(0);
    expect(await link()).toBeNull();
    const events = await sql<{ type: string; outcome: string; actor: string }>(
      `SELECT e.type, e.outcome, e.actor FROM audit_events e JOIN accounts a ON a.id = e.account_id
        WHERE a.number = '100000010001' AND e.type LIKE 'OVERDRAFT_%' ORDER BY e.id`,
    );
    expect(events).toEqual([
      { type: 'OVERDRAFT_LINKED', outcome: 'SUCCESS', actor: 'cli:test-admin' },
      { type: 'OVERDRAFT_LINKED', outcome: 'REFUSED', actor: 'cli:test-admin' },
      { type: 'OVERDRAFT_UNLINKED', outcome: 'SUCCESS', actor: 'cli:test-admin' },
    ]);
  });

  it('blocks and unlocks cards and resets PINs, ending their sessions', async () => {
    await sql(
      `UPDATE cards SET failed_pin_attempts = 3, locked_until = now() + interval '30 minutes' WHERE last4 = '0028'`,
    );
    expect((await cli(['card', 'unlock', '--number', '4000000000000028'])).code).toBe(0);
    expect(
      (
        await sql<{ failed_pin_attempts: number; locked_until: unknown }>(
          `SELECT failed_pin_attempts, locked_until FROM cards WHERE last4 = '0028'`,
        )
      )[0],
    ).toEqual({ failed_pin_attempts: 0, locked_until: null });

    const [card] = await sql<{ id: string; customer_id: string }>(
      `SELECT id, customer_id FROM cards WHERE last4 = '0036'`,
    );
    await sql(
      `INSERT INTO sessions (card_id, customer_id, created_at, last_seen_at) VALUES ($1, $2, now(), now())`,
      [card?.id, card?.customer_id],
    );
    const reset = await cli(
      ['pin', 'reset', '--number', '4000000000000036', '--pin-stdin'],
      '7395\n',
    );
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/ended 1 session/);
    expect(reset.stdout + reset.stderr).not.toContain('7395');
    expect(
      (await cli(['pin', 'reset', '--number', '4000000000000036', '--pin-stdin'], '1111\n')).code,
    ).toBe(1);

    await sql(
      `INSERT INTO sessions (card_id, customer_id, created_at, last_seen_at) VALUES ($1, $2, now(), now())`,
      [card?.id, card?.customer_id],
    );
    const blocked = await cliJson<{ sessionsEnded: number }>([
      'card',
      'block',
      '--number',
      '4000000000000036',
    ]);
    expect(blocked.sessionsEnded).toBe(1);
    expect(
      (await sql<{ status: string }>(`SELECT status FROM cards WHERE last4 = '0036'`))[0]?.status,
    ).toBe('BLOCKED');
    expect((await cli(['card', 'block', '--number', '4000000000000036'])).code).toBe(1);
  });

  it('shows and loads the note stock', async () => {
    const before = await cliJson<{ notes: Array<{ denominationCents: number; count: number }> }>([
      'cash',
      'show',
    ]);
    expect(before.notes).toEqual([{ denominationCents: 2000, count: 500, totalCents: 1000000 }]);
    const after = await cliJson<{ notes: Array<{ denominationCents: number; count: number }> }>([
      'cash',
      'load',
      '--denomination-cents',
      '5000',
      '--count',
      '101',
    ]);
    expect(after.notes).toEqual([
      { denominationCents: 5000, count: 101, totalCents: 505000 },
      { denominationCents: 2000, count: 500, totalCents: 1000000 },
    ]);
    expect((await cli(['cash', 'load', '--denomination-cents', '300', '--count', '1'])).code).toBe(
      1,
    );
  });

  it('takes the ATM out of service and back, seen by the running server without a restart', async () => {
    expect((await cli(['maintenance', 'on'])).code).toBe(0);
    expect((await cli(['maintenance', 'on'])).code).toBe(1);
    if (server) {
      let status = 0;
      for (let i = 0; i < 30 && status !== 503; i += 1) {
        status = (await fetch(`http://127.0.0.1:${serverPort}/api/v1/accounts`)).status;
        if (status !== 503) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(503);
      expect((await fetch(`http://127.0.0.1:${serverPort}/health`)).status).toBe(200);
    }
    expect((await cli(['maintenance', 'off'])).code).toBe(0);
  });

  it('prints the newest audit events, filtered, with the administrator as actor', async () => {
    const { events } = await cliJson<{
      events: Array<{ type: string; outcome: string; actor: string; cardLast4: string }>;
    }>(['audit', '--limit', '5', '--type', 'card_blocked']);
    // The block, and the refused second block of the same card.
    expect(events.map((e) => e.outcome)).toEqual(['REFUSED', 'SUCCESS']);
    expect(events[1]).toMatchObject({
      type: 'CARD_BLOCKED',
      actor: 'cli:test-admin',
      cardLast4: '0036',
    });
    const byCard = await cliJson<{ events: Array<{ cardLast4: string }> }>([
      'audit',
      '--card',
      '0028',
    ]);
    expect(byCard.events.length).toBeGreaterThan(0);
    expect(byCard.events.every((e) => e.cardLast4 === '0028')).toBe(true);
    const types = (
      await cliJson<{ events: Array<{ type: string }> }>(['audit', '--limit', '200'])
    ).events.map((e) => e.type);
    for (const type of [
      'CUSTOMER_CREATED',
      'ACCOUNT_OPENED',
      'CARD_ISSUED',
      'CARD_UNLOCKED',
      'PIN_RESET',
      'ACCOUNT_FROZEN',
      'ACCOUNT_CLOSED',
      'CASH_LOADED',
      'MAINTENANCE_ON',
    ]) {
      expect(types).toContain(type);
    }
    expect((await cli(['audit', '--limit', '0'])).code).toBe(2);
    // Read by a person, each line says which account and whose (the refused second freeze too).
    const human = await cli(['audit', '--type', 'account_frozen', '--limit', '2']);
    expect(human.code).toBe(0);
    const lines = human.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /ACCOUNT_FROZEN +REFUSED .* account 1000-0002-0001 {2}customer Bob Williams$/,
    );
    expect(lines[1]).toMatch(
      /ACCOUNT_FROZEN +SUCCESS .* account 1000-0002-0001 {2}customer Bob Williams$/,
    );
  });

  it('manages administrators: the enrollment URI is printed once and its codes sign in; the last ADMIN stays', async () => {
    const created = await cli(
      ['admin-user', 'create', '--username', 'dana.ops', '--role', 'OPERATOR', '--password-stdin'],
      'dana-password-123\n',
    );
    expect(created.code).toBe(0);
    const uri = /otpauth:\/\/totp\/\S+/.exec(created.stdout)?.[0] ?? '';
    const secret = new URL(uri).searchParams.get('secret') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const [stored] = await sql<{ totp_secret_encrypted: string; password_hash: string }>(
      `SELECT totp_secret_encrypted, password_hash FROM admin_users WHERE username = 'dana.ops'`,
    );
    expect(stored?.totp_secret_encrypted).not.toContain(secret);
    expect(stored?.password_hash).toMatch(/^\$argon2id\$/);
    if (server) {
      const login = await fetch(`http://127.0.0.1:${serverPort}/api/v1/admin/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: 'dana.ops',
          password: 'dana-password-123',
          totp: totpCodeAt(secret, new Date()),
        }),
      });
      expect(login.status).toBe(200);
    }
    const { users } = await cliJson<{
      users: Array<{ username: string; role: string; disabled: boolean; totpEnrolled: boolean }>;
    }>(['admin-user', 'list']);
    expect(users).toEqual([
      expect.objectContaining({
        username: 'admin',
        role: 'ADMIN',
        disabled: false,
        totpEnrolled: false,
      }),
      expect.objectContaining({
        username: 'dana.ops',
        role: 'OPERATOR',
        disabled: false,
        totpEnrolled: true,
      }),
    ]);
    for (const args of [
      ['admin-user', 'set-role', '--username', 'dana.ops', '--role', 'VIEWER'],
      ['admin-user', 'disable', '--username', 'dana.ops'],
      ['admin-user', 'enable', '--username', 'dana.ops'],
      ['admin-user', 'unlock', '--username', 'dana.ops'],
    ]) {
      expect({ args, code: (await cli(args)).code }).toEqual({ args, code: 0 });
    }
    const lastAdmin = await cli(['admin-user', 'disable', '--username', 'admin']);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toMatch(/last active ADMIN/);
    expect(
      (await cli(['admin-user', 'set-role', '--username', 'admin', '--role', 'VIEWER'])).code,
    ).toBe(1);
    expect(
      (
        await cli(
          ['admin-user', 'reset-password', '--username', 'dana.ops', '--password-stdin'],
          'short\n',
        )
      ).code,
    ).toBe(1);
    expect(
      (
        await cli(
          ['admin-user', 'reset-password', '--username', 'dana.ops', '--password-stdin'],
          'another-password-99\n',
        )
      ).code,
    ).toBe(0);
    const totp = await cli(['admin-user', 'reset-totp', '--username', 'dana.ops']);
    expect(totp.stdout).toMatch(/otpauth:\/\/totp\//);
    expect(
      (
        await cli(
          ['admin-user', 'create', '--username', 'Dana', '--role', 'VIEWER', '--password-stdin'],
          'dana-password-123\n',
        )
      ).code,
    ).toBe(1);
    expect(
      (
        await cli(
          ['admin-user', 'create', '--username', 'x', '--role', 'ROOT', '--password-stdin'],
          'dana-password-123\n',
        )
      ).code,
    ).toBe(2);
    const events = await sql<{ type: string; actor: string }>(
      `SELECT type, actor FROM audit_events WHERE type LIKE 'ADMIN_USER_%' AND actor LIKE 'cli:%' ORDER BY id`,
    );
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ADMIN_USER_CREATED', 'ADMIN_USER_DISABLED', 'ADMIN_USER_UNLOCKED']),
    );
    expect(new Set(events.map((e) => e.actor))).toEqual(new Set(['cli:test-admin']));
    // A dozen CLI processes, each booting the application context: more than a minute when the machine is busy.
  }, 300_000);

  it('audits every mutating command group alike: its success, and its refusal once', async () => {
    const audited = async (type: string, outcome: string) =>
      (
        await sql<{ count: string }>(
          `SELECT count(*) AS count FROM audit_events
            WHERE type = $1 AND outcome = $2 AND actor = 'cli:test-admin'`,
          [type, outcome],
        )
      )[0]?.count;
    // The earlier tests ran one successful command of each group.
    for (const type of [
      'CUSTOMER_CREATED',
      'ACCOUNT_OPENED',
      'ACCOUNT_FROZEN',
      'CARD_ISSUED',
      'CARD_BLOCKED',
      'PIN_RESET',
      'CASH_LOADED',
      'MAINTENANCE_ON',
      'ADMIN_USER_CREATED',
    ])
      expect(Number(await audited(type, 'SUCCESS'))).toBeGreaterThan(0);

    // One refused command of each group, each recorded once under its own type.
    const refusals: Array<{ args: string[]; type: string }> = [
      {
        args: ['customer', 'create', '--name', 'Ann', '--email', 'nope'],
        type: 'CUSTOMER_CREATED',
      },
      {
        args: [
          'account',
          'open',
          '--customer',
          '00000000-0000-4000-8000-000000000000',
          '--type',
          'SAVINGS',
        ],
        type: 'ACCOUNT_OPENED',
      },
      { args: ['account', 'unfreeze', '--number', '100000010001'], type: 'ACCOUNT_UNFROZEN' },
      { args: ['card', 'unlock', '--number', '4000000000009995'], type: 'CARD_UNLOCKED' },
      {
        args: ['cash', 'load', '--denomination-cents', '300', '--count', '1'],
        type: 'CASH_LOADED',
      },
      { args: ['maintenance', 'off'], type: 'MAINTENANCE_OFF' },
      { args: ['admin-user', 'enable', '--username', 'nobody.here'], type: 'ADMIN_USER_ENABLED' },
    ];
    for (const { args, type } of refusals) {
      const before = Number(await audited(type, 'REFUSED'));
      const result = await cli(args);
      expect({ args, code: result.code }).toEqual({ args, code: 1 });
      expect({ args, refused: Number(await audited(type, 'REFUSED')) }).toEqual({
        args,
        refused: before + 1,
      });
    }
    const [cardRefusal] = await sql<{ card_last4: string; details: { code: string } }>(
      `SELECT card_last4, details FROM audit_events
        WHERE type = 'CARD_UNLOCKED' AND outcome = 'REFUSED' ORDER BY id DESC LIMIT 1`,
    );
    expect(cardRefusal).toMatchObject({ card_last4: '9995', details: { code: 'NOT_FOUND' } });
  }, 300_000);
});

/** Four distinct random-looking secrets: what a real production deployment sets. */
const PRODUCTION_SECRETS = {
  SECRET_KEY: '7f3c9a1e5b2d8f4a6c0e9b3d7a1f5c2e8b4d6a0f',
  PIN_PEPPER: 'c4e8a2f6b0d4e8a2c6f0b4d8e2a6c0f4b8d2e6a0',
  CARD_HASH_KEY: '1b5f9d3a7e2c6b0f4a8d1e5c9b3f7a2d6e0c4b8f',
  ADMIN_TOTP_KEY: 'e9d3c7b1a5f0e4d8c2b6a0f5e9d3c7b1a6f0e4d8',
};

describe(`admin CLI safety on ${currentEngine()}`, () => {
  const engine = currentEngine();
  let database: TestDatabase | undefined;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atm-cli-safety-'));
    if (engine === 'postgres') {
      database = await createTestDatabase('postgres', { migrated: false });
      env = { DATABASE_URL: database.url as string, DATA_DIR: dataDir };
    } else {
      env = { DATA_DIR: dataDir };
    }
  });

  afterAll(async () => {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never migrates: an un-migrated database is refused in one line naming `npm run migrate`', async () => {
    for (const args of [['list'], ['customer', 'create', '--name', 'Dana Evans'], ['seed']]) {
      const result = await runEntryPoint('cli', args, { env, timeoutMs: CHILD_TIMEOUT_MS });
      expect({ args, code: result.code }).toEqual({ args, code: 1 });
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/not migrated.*run `npm run migrate`/);
    }
    // Nothing was applied by the CLI: `npm run migrate` still applies every migration.
    const migrated = await runEntryPoint('migrate', [], { env, timeoutMs: CHILD_TIMEOUT_MS });
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/^Applied: InitialSchema\d+, /);
  });

  it('names its target on standard error before writing, without credentials', async () => {
    const created = await runEntryPoint('cli', ['customer', 'create', '--name', 'Dana Evans'], {
      env,
      timeoutMs: CHILD_TIMEOUT_MS,
    });
    expect(created.code).toBe(0);
    const target =
      engine === 'postgres'
        ? `${new URL(database?.url ?? '').host}/${new URL(database?.url ?? '').pathname.slice(1)}`
        : `embedded (${dataDir})`;
    expect(created.stderr.split('\n')[0]).toBe(`Target: ${target}`);
    expect(created.stderr).not.toMatch(/atm:atm|password/);
  });

  it('refuses seed in production: exit 1, one line, nothing written', async () => {
    const customersBefore = await runEntryPoint('cli', ['list', '--json'], {
      env,
      timeoutMs: CHILD_TIMEOUT_MS,
    });
    const auditBefore = await runEntryPoint('cli', ['audit', '--json', '--limit', '1000'], {
      env,
      timeoutMs: CHILD_TIMEOUT_MS,
    });
    const result = await runEntryPoint('cli', ['seed'], {
      env: {
        ...env,
        ...PRODUCTION_SECRETS,
        NODE_ENV: 'production',
        STATEMENT_S3_BUCKET: 'statements',
      },
      timeoutMs: CHILD_TIMEOUT_MS,
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Refused: seed is refused in production/);
    expect(result.stdout).toBe('');
    // The database is unchanged: no demo customer, no audit event, no notes.
    const customersAfter = await runEntryPoint('cli', ['list', '--json'], {
      env,
      timeoutMs: CHILD_TIMEOUT_MS,
    });
    const auditAfter = await runEntryPoint('cli', ['audit', '--json', '--limit', '1000'], {
      env,
      timeoutMs: CHILD_TIMEOUT_MS,
    });
    expect(customersAfter.stdout).toBe(customersBefore.stdout);
    expect(auditAfter.stdout).toBe(auditBefore.stdout);
    const names = (JSON.parse(customersAfter.stdout) as { customers: { name: string }[] })
      .customers;
    expect(names.map((c) => c.name)).toEqual(['Dana Evans']);
    const cash = await runEntryPoint('cli', ['cash', 'show', '--json'], {
      env,
      timeoutMs: CHILD_TIMEOUT_MS,
    });
    expect(
      (JSON.parse(cash.stdout) as { notes: { count: number }[] }).notes.every((n) => n.count === 0),
    ).toBe(true);
  });
});

describe('admin CLI and a database elsewhere', () => {
  it('refuses the development secrets when DATABASE_URL is not on loopback, naming the variables', async () => {
    // 192.0.2.0/24 is TEST-NET-1: nothing answers there, and nothing must be tried.
    const elsewhere = 'postgres://atm:atm@192.0.2.10:5432/bank';
    const result = await runEntryPoint('cli', ['list'], {
      timeoutMs: CHILD_TIMEOUT_MS,
      env: { DATABASE_URL: elsewhere, PIN_PEPPER: PRODUCTION_SECRETS.PIN_PEPPER },
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Refused: SECRET_KEY, CARD_HASH_KEY, ADMIN_TOTP_KEY are the development default/,
    );
    expect(lines[0]).not.toContain('PIN_PEPPER');
    expect(lines[0]).not.toContain('atm:atm');
  });
});

describe('production configuration', () => {
  it('refuses to start without secrets, naming them in one line', async () => {
    const result = await runEntryPoint('main', [], {
      timeoutMs: CHILD_TIMEOUT_MS,
      env: { NODE_ENV: 'production', STATEMENT_S3_BUCKET: 'statements' },
    });
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/SECRET_KEY/);
    expect(lines[0]).toMatch(/PIN_PEPPER/);
  });

  it('refuses PIN_PEPPER = CARD_HASH_KEY = one repeated character, in one line naming them', async () => {
    const weak = 'a'.repeat(40);
    const result = await runEntryPoint('main', [], {
      timeoutMs: CHILD_TIMEOUT_MS,
      env: {
        ...PRODUCTION_SECRETS,
        PIN_PEPPER: weak,
        CARD_HASH_KEY: weak,
        NODE_ENV: 'production',
        STATEMENT_S3_BUCKET: 'statements',
      },
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: PIN_PEPPER, CARD_HASH_KEY must not be/);
  });

  it('refuses a bad value, naming the variable', async () => {
    const result = await runEntryPoint('main', [], {
      env: { SESSION_TIMEOUT_SECONDS: 'soon' },
      timeoutMs: CHILD_TIMEOUT_MS,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Invalid configuration: SESSION_TIMEOUT_SECONDS/);
  });
});
