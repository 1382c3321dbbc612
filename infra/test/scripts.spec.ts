import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './paths';

/**
 * scripts/smoke-test.sh against a small fake of the contract's endpoints: it passes on a
 * healthy server, fails on a broken one, and never prints the card number or the PIN.
 */

const CARD = '4111111111111111';
const PIN = '8642';

type Fault = 'none' | 'withdrawal-500' | 'no-replay';

function fakeAtm(fault: Fault) {
  let balance = 525000;
  const replays = new Map<string, string>();
  const seen = { login: undefined as unknown, keys: [] as string[], loggedOut: false };
  const json = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const authed = req.headers.authorization === 'Bearer t0ken' && !seen.loggedOut;
      const key = req.headers['idempotency-key'];
      const route = `${req.method} ${req.url}`;
      if (route === 'GET /health') return json(res, 200, { status: 'ok' });
      if (route === 'GET /ready')
        return json(res, 200, { status: 'ok', checks: { database: 'up', redis: 'up' } });
      if (route === 'POST /api/v1/auth/login') {
        seen.login = JSON.parse(raw);
        return json(res, 200, { accessToken: 't0ken', tokenType: 'Bearer', expiresInSeconds: 120 });
      }
      if (!authed) return json(res, 401, { code: 'UNAUTHENTICATED' });
      const account = {
        id: '6f1c1e3e-0000-4000-8000-000000000001',
        type: 'CHECKING',
        status: 'ACTIVE',
        balanceCents: balance,
      };
      if (route === 'GET /api/v1/accounts')
        return json(res, 200, {
          accounts: [{ ...account, id: 'frozen', status: 'FROZEN' }, account],
        });
      if (route === `GET /api/v1/accounts/${account.id}`) return json(res, 200, { account });
      if (req.method === 'POST' && req.url?.startsWith(`/api/v1/accounts/${account.id}/`)) {
        if (typeof key !== 'string') return json(res, 400, { code: 'IDEMPOTENCY_KEY_REQUIRED' });
        seen.keys.push(key);
        const replay = replays.get(key);
        if (replay !== undefined) {
          return json(
            res,
            201,
            JSON.parse(replay),
            fault === 'no-replay' ? {} : { 'Idempotent-Replayed': 'true' },
          );
        }
        const { amountCents } = JSON.parse(raw) as { amountCents: number };
        if (req.url.endsWith('/deposits')) balance += amountCents;
        else if (fault === 'withdrawal-500') return json(res, 500, { code: 'INTERNAL' });
        else balance -= amountCents;
        const body = { transaction: { amountCents, balanceAfterCents: balance } };
        replays.set(key, JSON.stringify(body));
        return json(res, 201, body);
      }
      if (route === 'POST /api/v1/auth/logout') {
        seen.loggedOut = true;
        return json(res, 204, undefined);
      }
      return json(res, 404, { code: 'NOT_FOUND' });
    });
  });
  return { server, seen };
}

async function runSmoke(fault: Fault) {
  const { server, seen } = fakeAtm(fault);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(
        'bash',
        [join(repoRoot, 'scripts/smoke-test.sh'), `http://127.0.0.1:${port}/`],
        {
          env: { ...process.env, SMOKE_CARD: CARD, SMOKE_PIN: PIN },
        },
      );
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('close', (code) => resolve({ code, output }));
    });
    return { ...result, seen };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('scripts/smoke-test.sh', () => {
  it('passes against a healthy ATM, with idempotency keys, and never prints the card or PIN', async () => {
    const { code, output, seen } = await runSmoke('none');
    expect(output).toContain('smoke: all checks passed');
    expect(code).toBe(0);
    expect(seen.login).toEqual({ cardNumber: CARD, pin: PIN });
    expect(seen.keys).toHaveLength(3);
    expect(seen.keys[1]).toBe(seen.keys[2]);
    expect(seen.loggedOut).toBe(true);
    expect(output).not.toContain(CARD);
    expect(output).not.toContain(PIN);
    expect(output).not.toContain('t0ken');
  });

  it('fails when a withdrawal fails, naming the step, and still signs out', async () => {
    const { code, output, seen } = await runSmoke('withdrawal-500');
    expect(code).not.toBe(0);
    expect(output).toMatch(/FAILED: POST \/api\/v1\/accounts\/.+\/withdrawals answered 500/);
    expect(seen.loggedOut).toBe(true);
    expect(output).not.toContain(CARD);
    expect(output).not.toContain(PIN);
  });

  it('fails when a repeated withdrawal is not a replay', async () => {
    const { code, output } = await runSmoke('no-replay');
    expect(code).not.toBe(0);
    expect(output).toMatch(/not a replay/);
  });

  it('refuses to run without the card and PIN', async () => {
    const result = await new Promise<number | null>((resolve) => {
      const env = { ...process.env };
      delete env['SMOKE_CARD'];
      delete env['SMOKE_PIN'];
      spawn('bash', [join(repoRoot, 'scripts/smoke-test.sh'), 'http://127.0.0.1:9'], { env }).on(
        'close',
        resolve,
      );
    });
    expect(result).not.toBe(0);
  });
});

describe('scripts/ci-smoke.sh', () => {
  const text = readFileSync(join(repoRoot, 'scripts/ci-smoke.sh'), 'utf8');

  it('runs the built server with a fresh data directory and the demo card, building nothing', () => {
    expect(text).toContain('dist/apps/api/apps/api/src/main.js');
    expect(text).toContain('DATA_DIR="$work/data"');
    expect(text).toContain('SMOKE_CARD=4000000000000010 SMOKE_PIN=1234');
    expect(text).not.toMatch(/npm (run )?build\b(?! first)/);
    expect(text).toContain('exit "$status"');
  });
});
