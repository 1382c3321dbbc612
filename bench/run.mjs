// `npm run bench`: the production build against real PostgreSQL and Redis, on a fresh
// database filled with synthetic data through the product's own code. Prints one table and
// writes bench/results/latest.json. Targets are printed beside the figures, never asserted.
//
// Environment: BENCH_DATABASE_ADMIN_URL (default postgres://atm:atm@127.0.0.1:5432/postgres),
// BENCH_CUSTOMERS (1000), BENCH_DURATION_SECONDS (20), BENCH_WORKERS (API processes, 1).
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { DEFAULT_ADMIN_URL, preparePostgres } from './prepare-postgres.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.BENCH_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
const customers = Number(process.env.BENCH_CUSTOMERS ?? 1000);
const duration = Number(process.env.BENCH_DURATION_SECONDS ?? 20);
const apiProcesses = Number(process.env.BENCH_API_PROCESSES ?? 1);
const log = (message) => process.stderr.write(`bench: ${message}\n`);

const children = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function dbUrl(name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function run(command, args, env = {}) {
  return execFileSync(command, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function pgbenchTps(name) {
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = dbUrl(name);
  run('pgbench', ['-i', '-s', '10', '-q', url]);
  const out = run('pgbench', ['-b', 'tpcb-like', '-c', '8', '-j', '2', '-M', 'prepared', '-T', String(Math.min(duration, 15)), '-n', url]);
  const match = /tps = ([\d.]+)/.exec(out);
  return match ? Math.round(Number(match[1])) : 0;
}

async function startRedis() {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  children.push(child);
  for (let i = 0; i < 100; i += 1) {
    try {
      if (run('redis-cli', ['-p', String(port), 'ping']).trim() === 'PONG') return `redis://127.0.0.1:${port}`;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('redis-server did not start');
}

async function startApi(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/apps/api/apps/api/src/main.js')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).status === 200) return `http://127.0.0.1:${port}`;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('API did not become ready');
}

async function json(base, path, init = {}) {
  const response = await fetch(`${base}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** Runs autocannon with one request shape per connection; measures every response's latency. */
function load({ base, connections, seconds, requestFor, expected }) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let errors = 0;
    let nextConnection = 0;
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        setupClient: (client) => {
          const index = nextConnection++;
          client.setRequests([{ ...requestFor(index), setupRequest: (request) => requestFor(index, request) }]);
          client.on('response', (status, _bytes, responseTime) => {
            latencies.push(responseTime);
            if (status !== expected) errors += 1;
          });
        },
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          rps: Math.round(result.requests.average),
          p50Ms: round(percentile(latencies, 50)),
          p95Ms: round(percentile(latencies, 95)),
          p99Ms: round(percentile(latencies, 99)),
          errors: errors + result.errors + result.timeouts,
        });
      },
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false, outputStream: process.stderr });
  });
}

const round = (n) => Math.round(n * 100) / 100;

function webInitialJsGzipKb() {
  const dist = join(root, 'dist/apps/web');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = [...new Set(scripts)].reduce((sum, src) => sum + gzipSync(readFileSync(join(dist, src.replace(/^\//, '')))).length, 0);
  return round(bytes / 1024);
}

async function statementScenario(base, session) {
  const account = session.accounts[0];
  const headers = { authorization: `Bearer ${session.token}` };
  // 1,000 entries through the API itself (deposits of $1).
  const started = Date.now();
  for (let i = 0; i < 1000; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, () =>
        json(base, `/api/v1/accounts/${account.id}/deposits`, { method: 'POST', headers: { ...headers, 'idempotency-key': randomUUID() }, body: JSON.stringify({ amountCents: 100, kind: 'CASH' }) }),
      ),
    );
  }
  log(`statement: 1,000 deposits written in ${Date.now() - started} ms`);
  const today = new Date().toISOString().slice(0, 10);
  const t0 = performance.now();
  const requested = await json(base, `/api/v1/accounts/${account.id}/statements`, { method: 'POST', headers, body: JSON.stringify({ from: today, to: today }) });
  if (requested.status !== 202) return { rps: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, errors: 1, note: `statement request answered ${requested.status}` };
  for (let i = 0; i < 600; i += 1) {
    const polled = await json(base, `/api/v1/statements/${requested.body.statement.id}`, { headers });
    if (polled.body?.statement?.status === 'READY') {
      const ms = round(performance.now() - t0);
      return { rps: round(1000 / ms), p50Ms: ms, p95Ms: ms, p99Ms: ms, errors: 0 };
    }
    if (polled.body?.statement?.status === 'FAILED') break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return { rps: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, errors: 1 };
}

async function main() {
  const stamp = Date.now();
  const benchDb = `atm_bench_${stamp}`;
  const pgbenchDb = `atm_pgbench_${stamp}`;
  const scenarios = {};
  let pgbench = 0;
  let worker;
  log('checking PostgreSQL (and creating the atm role on a fresh local server)');
  preparePostgres(adminUrl);
  try {
    log('building the production bundle');
    run('npm', ['run', '-s', 'build']);
    log('pgbench tpcb-like, scale 10, 8 clients, prepared');
    pgbench = await pgbenchTps(pgbenchDb);
    log(`pgbench: ${pgbench} TPS`);

    await adminQuery(`CREATE DATABASE ${benchDb}`);
    const redisUrl = await startRedis();
    const env = {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: dbUrl(benchDb),
      REDIS_URL: redisUrl,
      FRONTEND_ENABLED: 'false',
      DAILY_WITHDRAWAL_LIMIT: '1000000000',
      DAILY_TRANSFER_LIMIT: '1000000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      API_RATE_LIMIT_PER_MINUTE: '100000000',
      SESSION_TIMEOUT_SECONDS: '3600',
      SESSION_MAX_SECONDS: '7200',
    };
    run('node', ['dist/apps/api/apps/api/src/migrate.js'], env);
    log(`creating ${customers} customers, ${customers * 2} accounts and cards through the product's services`);
    const bank = JSON.parse(run('node', ['bench/seed-synthetic.cjs', String(customers)], env));
    const bases = [];
    for (let i = 0; i < apiProcesses; i += 1) bases.push(await startApi(env));
    const base = bases[0];
    const workerEntry = join(root, 'dist/apps/api/apps/api/src/worker.js');
    if (existsSync(workerEntry)) {
      worker = spawn(process.execPath, [workerEntry], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(worker);
    }

    // Sign-in latency is argon2id's: as many customers at once as there are cores, so the
    // figure is the hash and the request, not a queue in front of it.
    log('sign-in');
    let nextCard = 0;
    scenarios['sign-in'] = await load({
      base,
      connections: Math.max(2, cpus().length),
      seconds: Math.min(duration, 10),
      expected: 200,
      requestFor: () => {
        const card = bank[nextCard++ % bank.length];
        return { method: 'POST', path: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cardNumber: card.cardNumber, pin: card.pin }) };
      },
    });

    const sessions = [];
    for (const card of bank.slice(0, 64)) {
      const login = await json(base, '/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ cardNumber: card.cardNumber, pin: card.pin }) });
      sessions.push({ token: login.body.accessToken, accounts: card.accounts });
    }
    const numbers = bank.flatMap((c) => c.accounts.map((a) => a.number));

    log('withdrawals');
    scenarios.withdrawals = await load({
      base: bases[0],
      connections: 32,
      seconds: duration,
      expected: 201,
      requestFor: (i) => ({
        method: 'POST',
        path: `/api/v1/accounts/${sessions[i % sessions.length].accounts[0].id}/withdrawals`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${sessions[i % sessions.length].token}`, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ amountCents: 2000 }),
      }),
    });

    log('transfers');
    scenarios.transfers = await load({
      base,
      connections: 32,
      seconds: duration,
      expected: 201,
      requestFor: (i) => {
        const from = sessions[i % sessions.length].accounts[1];
        let to = numbers[Math.floor(Math.random() * numbers.length)];
        if (to === from.number) to = numbers[(numbers.indexOf(to) + 1) % numbers.length];
        return {
          method: 'POST',
          path: '/api/v1/transfers',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${sessions[i % sessions.length].token}`, 'idempotency-key': randomUUID() },
          body: JSON.stringify({ fromAccountId: from.id, toAccountNumber: to, amountCents: 1 + Math.floor(Math.random() * 5000) }),
        };
      },
    });

    log('balances');
    scenarios.balances = await load({
      base,
      connections: 32,
      seconds: Math.min(duration, 10),
      expected: 200,
      requestFor: (i) => ({ method: 'GET', path: '/api/v1/accounts', headers: { authorization: `Bearer ${sessions[i % sessions.length].token}` } }),
    });

    log('statement');
    scenarios.statement = await statementScenario(base, sessions[sessions.length - 1]);
  } finally {
    children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
    await new Promise((r) => setTimeout(r, 500));
    for (const name of [benchDb, pgbenchDb]) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  }
  const webKb = webInitialJsGzipKb();
  scenarios.web = { rps: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, errors: 0, initialJsGzipKb: webKb };

  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, apiProcesses };
  const result = { machine, pgbenchTps: pgbench, scenarios };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(result, null, 2)}\n`);

  const half = Math.round(pgbench / 2);
  const targets = {
    withdrawals: `>= ${half} rps (0.5 x pgbench), p99 <= 25 ms, 0 errors`,
    transfers: `>= ${half} rps (0.5 x pgbench), p99 <= 25 ms, 0 errors`,
    balances: '>= 5000 rps',
    'sign-in': 'p50 <= 100 ms',
    statement: 'request to READY <= 1000 ms',
    web: 'initial JS <= 150 KB gzipped',
  };
  const rows = Object.entries(scenarios).map(([name, s]) => [
    name,
    name === 'web' ? `${s.initialJsGzipKb} KB` : String(s.rps),
    String(s.p50Ms),
    String(s.p95Ms),
    String(s.p99Ms),
    String(s.errors),
    targets[name],
  ]);
  const header = ['scenario', 'rps', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`pgbench tpcb-like (scale 10, 8 clients, prepared): ${pgbench} TPS on ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, ${apiProcesses} API process(es)`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  rows.forEach((r) => console.log(line(r)));
  console.log('written to bench/results/latest.json');
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack ?? error}`);
  process.exit(1);
});
