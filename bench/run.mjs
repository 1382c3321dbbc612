// `npm run bench`: the production build against real PostgreSQL and Redis, on a fresh
// database filled with synthetic data through the product's own code. Prints one table and
// writes bench/results/latest.json. Targets are printed beside the figures, never asserted.
//
// Each money and balance scenario runs twice: closed loop at 32 connections (throughput),
// then open loop at a fixed offered rate of half that throughput (latency: a closed loop's
// latency is only connections / throughput). Beside them: CPU seconds per request of the
// API process(es) and of the PostgreSQL backends serving them (so the saturated resource
// is visible), one withdrawal's own SQL driven by `pgbench -f` (what the database alone
// does), and the framework's floor (the product's /health against a bare Fastify route).
//
// Environment: BENCH_DATABASE_ADMIN_URL (default postgres://atm:atm@127.0.0.1:5432/postgres),
// BENCH_CUSTOMERS (1000), BENCH_DURATION_SECONDS (20), BENCH_API_PROCESSES (1).
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import http from 'node:http';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { DEFAULT_ADMIN_URL, preparePostgres } from './prepare-postgres.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.BENCH_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
const customers = Number(process.env.BENCH_CUSTOMERS ?? 1000);
const duration = Number(process.env.BENCH_DURATION_SECONDS ?? 20);
const apiProcesses = Number(process.env.BENCH_API_PROCESSES ?? 1);
/** Customers whose checking account is empty and linked to their savings account. */
const OVERDRAFT_CUSTOMERS = 64;
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

/** pgbench on `url` with the workload and clients in `args`: two threads, prepared, 15 s at most. */
function pgbench(url, args) {
  const seconds = String(Math.min(duration, 15));
  return run('pgbench', [...args, '-j', '2', '-M', 'prepared', '-T', seconds, '-n', url]);
}

function run(command, args, env = {}) {
  return execFileSync(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function pgbenchTps(name) {
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = dbUrl(name);
  run('pgbench', ['-i', '-s', '10', '-q', url]);
  const out = pgbench(url, ['-b', 'tpcb-like', '-c', '8']);
  const match = /tps = ([\d.]+)/.exec(out);
  return match ? Math.round(Number(match[1])) : 0;
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime. */
const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return 0;
  }
}

/** The PostgreSQL backends connected to one database (the shared server serves others too). */
async function backendPids(database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
      database,
    ]);
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

/** Measures the CPU the API processes and the bench database's backends spend on `work`. */
async function withCpu(apiPids, database, work) {
  const before = new Map();
  for (const pid of [...apiPids, ...(await backendPids(database))])
    before.set(pid, cpuSeconds(pid));
  const result = await work();
  const after = await backendPids(database);
  const spent = (pids) =>
    pids.reduce((sum, pid) => sum + Math.max(0, cpuSeconds(pid) - (before.get(pid) ?? 0)), 0);
  const requests = Math.max(1, result.requests);
  return {
    ...result,
    apiCpuMsPerRequest: round((spent(apiPids) * 1000) / requests),
    dbCpuMsPerRequest: round((spent(after) * 1000) / requests),
  };
}

/**
 * What one withdrawal does in the database, driven by pgbench: the same single call the
 * API makes (atm_withdraw_v2), each client on its own session and account as the API's
 * load does, with a fresh idempotency key per transaction.
 */
async function pgbenchWithdrawals(database, url, sessions, texts) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS bench_withdrawers (client_id integer PRIMARY KEY, session_id uuid, customer_id uuid, account_id uuid)',
    );
    for (const [i, s] of sessions.entries()) {
      await client.query(
        'INSERT INTO bench_withdrawers VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [i, s.sessionId, s.customerId, s.accounts[0].id],
      );
    }
  } finally {
    await client.end();
  }
  const dir = mkdtempSync(join(tmpdir(), 'atm-bench-'));
  const script = join(dir, 'withdraw.sql');
  const literal = (text) => `'${text.replace(/'/g, "''")}'`;
  writeFileSync(
    script,
    `SELECT atm_withdraw_v2(ROW(w.session_id, w.customer_id, '0000', '127.0.0.1', clock_timestamp(), 3600, 7200, ` +
      `'pgbench-' || :client_id::text || '-' || random()::text, 'fingerprint', '{"amountCents":2000}'::jsonb, ${literal(texts)}::jsonb)::atm_movement_v1, ` +
      `w.account_id, 2000, 2000, 1000000000, current_date, upper(substr(md5(random()::text), 1, 10)), upper(substr(md5(random()::text), 1, 10))) ` +
      `FROM bench_withdrawers w WHERE w.client_id = :client_id::integer % ${sessions.length};\n`,
  );
  try {
    const out = pgbench(url, ['-f', script, '-c', '32']);
    const tps = /tps = ([\d.]+)/.exec(out);
    const failed = /number of failed transactions: (\d+)/.exec(out);
    return { tps: tps ? Math.round(Number(tps[1])) : 0, failed: failed ? Number(failed[1]) : 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A bare Fastify server answering /health like the product: the framework's floor. */
async function startBareFastify() {
  const child = spawn(process.execPath, [join(root, 'bench/bare-fastify.mjs')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const address = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(String(chunk).trim()));
    child.once('exit', (code) => reject(new Error(`bare Fastify exited with ${code}`)));
  });
  return address;
}

async function startRedis() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  children.push(child);
  for (let i = 0; i < 100; i += 1) {
    try {
      if (run('redis-cli', ['-p', String(port), 'ping']).trim() === 'PONG')
        return `redis://127.0.0.1:${port}`;
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
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).status === 200)
        return { base: `http://127.0.0.1:${port}`, pid: child.pid };
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('API did not become ready');
}

async function json(base, path, init = {}) {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/**
 * Closed loop: autocannon keeps `connections` requests in flight, one request shape per
 * connection, and measures every response's latency (which is then only connections /
 * throughput). With `rate`, the open loop instead (`openLoop`).
 */
function load({ base, connections, seconds, requestFor, expected, rate }) {
  if (rate !== undefined)
    return openLoop({ base, connections, seconds, requestFor, expected, rate });
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
          client.setRequests([
            { ...requestFor(index), setupRequest: (request) => requestFor(index, request) },
          ]);
          client.on('response', (status, _bytes, responseTime) => {
            latencies.push(responseTime);
            if (status !== expected) errors += 1;
          });
        },
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          rps: Math.round(result.requests.average),
          requests: latencies.length,
          ...percentiles(latencies),
          errors: errors + result.errors + result.timeouts,
        });
      },
    );
    autocannon.track(instance, {
      renderProgressBar: false,
      renderResultsTable: false,
      renderLatencyTable: false,
      outputStream: process.stderr,
    });
  });
}

/**
 * Open loop: request i is due at start + i / rate, evenly spaced whatever the answers'
 * speed, and its latency counts from when it was due (a request the generator sent late
 * carries the delay, so a stall cannot hide: no coordinated omission). Up to `connections`
 * keep-alive sockets; a request due while all are busy queues in the agent and that wait
 * is counted. autocannon's `overallRate` is not this: it lets each connection send back to
 * back until that second's quota is spent and then idle, so its "open loop" was a burst of
 * 64 concurrent requests at the start of every second, whose latency is 64 / throughput.
 */
async function openLoop({ base, connections, seconds, requestFor, expected, rate }) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * seconds);
  const latencies = [];
  let errors = 0;
  const send = (index, dueAt) =>
    new Promise((resolve) => {
      const { method, path, headers, body } = requestFor(index);
      const request = http.request(
        { agent, host: url.hostname, port: url.port, method, path, headers },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - dueAt);
            if (response.statusCode !== expected) errors += 1;
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors += 1;
        resolve();
      });
      request.end(body);
    });
  const inFlight = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const dueAt = start + (i * 1000) / rate;
    const wait = dueAt - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(send(i, dueAt));
  }
  await Promise.all(inFlight);
  const elapsedSeconds = (performance.now() - start) / 1000;
  agent.destroy();
  return {
    rps: Math.round(latencies.length / elapsedSeconds),
    requests: latencies.length,
    ...percentiles(latencies),
    errors,
    offeredRps: Math.round(rate),
  };
}

function percentiles(latencies) {
  latencies.sort((a, b) => a - b);
  return {
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
  };
}

const round = (n) => Math.round(n * 100) / 100;

/** Gzipped size of the JS a page of the web build loads at once (entry and modulepreloads). */
function initialJsGzipKb(page) {
  const dist = join(root, 'dist/apps/web');
  const html = readFileSync(join(dist, page), 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const bytes = [...new Set(scripts)].reduce(
    (sum, src) => sum + gzipSync(readFileSync(join(dist, src.replace(/^\//, '')))).length,
    0,
  );
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
        json(base, `/api/v1/accounts/${account.id}/deposits`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': randomUUID() },
          body: JSON.stringify({ amountCents: 100, kind: 'CASH' }),
        }),
      ),
    );
  }
  log(`statement: 1,000 deposits written in ${Date.now() - started} ms`);
  const today = new Date().toISOString().slice(0, 10);
  const t0 = performance.now();
  const requested = await json(base, `/api/v1/accounts/${account.id}/statements`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ from: today, to: today }),
  });
  if (requested.status !== 202)
    return {
      rps: 0,
      p50Ms: 0,
      p95Ms: 0,
      p99Ms: 0,
      errors: 1,
      note: `statement request answered ${requested.status}`,
    };
  for (let i = 0; i < 600; i += 1) {
    const polled = await json(base, `/api/v1/statements/${requested.body.statement.id}`, {
      headers,
    });
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
    log(
      `creating ${customers} customers, ${customers * 2} accounts and cards through the product's services`,
    );
    const seeded = JSON.parse(
      run(
        'node',
        ['bench/seed-synthetic.cjs', String(customers), String(OVERDRAFT_CUSTOMERS)],
        env,
      ),
    );
    const bank = seeded.filter((c) => !c.overdraft);
    const overdraftBank = seeded.filter((c) => c.overdraft);
    const apis = [];
    for (let i = 0; i < apiProcesses; i += 1) apis.push(await startApi(env));
    const base = apis[0].base;
    const apiPids = apis.map((a) => a.pid);
    const workerEntry = join(root, 'dist/apps/api/apps/api/src/worker.js');
    if (existsSync(workerEntry)) {
      worker = spawn(process.execPath, [workerEntry], {
        cwd: root,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(worker);
    }

    // The framework's floor: the product's /health (guards, hooks, logging) against a bare
    // Fastify route answering the same body, at the same concurrency.
    log('framework floor');
    const bare = await startBareFastify();
    scenarios['health (product)'] = await load({
      base,
      connections: 32,
      seconds: Math.min(duration, 10),
      expected: 200,
      requestFor: () => ({ method: 'GET', path: '/health', headers: {} }),
    });
    scenarios['health (bare Fastify)'] = await load({
      base: bare,
      connections: 32,
      seconds: Math.min(duration, 10),
      expected: 200,
      requestFor: () => ({ method: 'GET', path: '/health', headers: {} }),
    });

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
        return {
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ cardNumber: card.cardNumber, pin: card.pin }),
        };
      },
    });

    const signIn = async (cards) => {
      const signedIn = [];
      for (const card of cards) {
        const login = await json(base, '/api/v1/auth/login', {
          method: 'POST',
          body: JSON.stringify({ cardNumber: card.cardNumber, pin: card.pin }),
        });
        const claims = JSON.parse(
          Buffer.from(login.body.accessToken.split('.')[1], 'base64url').toString('utf8'),
        );
        signedIn.push({
          token: login.body.accessToken,
          sessionId: claims.sid,
          customerId: claims.sub,
          accounts: card.accounts,
        });
      }
      return signedIn;
    };
    const sessions = await signIn(bank.slice(0, 64));
    const overdraftSessions = await signIn(overdraftBank);
    const numbers = bank.flatMap((c) => c.accounts.map((a) => a.number));

    const withdrawalFrom = (signedIn) => (i) => ({
      method: 'POST',
      path: `/api/v1/accounts/${signedIn[i % signedIn.length].accounts[0].id}/withdrawals`,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${signedIn[i % signedIn.length].token}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({ amountCents: 2000 }),
    });
    const withdrawal = withdrawalFrom(sessions);
    // Checking accounts at $0.00 linked to funded savings: every withdrawal sweeps first.
    const overdraftWithdrawal = withdrawalFrom(overdraftSessions);
    const transfer = (i) => {
      const from = sessions[i % sessions.length].accounts[1];
      let to = numbers[Math.floor(Math.random() * numbers.length)];
      if (to === from.number) to = numbers[(numbers.indexOf(to) + 1) % numbers.length];
      return {
        method: 'POST',
        path: '/api/v1/transfers',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${sessions[i % sessions.length].token}`,
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({
          fromAccountId: from.id,
          toAccountNumber: to,
          amountCents: 1 + Math.floor(Math.random() * 5000),
        }),
      };
    };
    const balances = (i) => ({
      method: 'GET',
      path: '/api/v1/accounts',
      headers: { authorization: `Bearer ${sessions[i % sessions.length].token}` },
    });
    const oneCustomersBalances = () => balances(0);

    // Closed loop for throughput (and CPU per request), then open loop at half of it.
    const both = async (name, requestFor, expected, seconds = duration) => {
      log(name);
      scenarios[name] = await withCpu(apiPids, benchDb, () =>
        load({ base, connections: 32, seconds, expected, requestFor }),
      );
      log(`${name}, open loop at half of ${scenarios[name].rps} rps`);
      scenarios[`${name}, open loop`] = await load({
        base,
        connections: 64,
        seconds,
        expected,
        requestFor,
        rate: scenarios[name].rps / 2,
      });
    };
    await both('withdrawals', withdrawal, 201);
    log("pgbench -f: one withdrawal's own call (atm_withdraw_v2), 32 clients, prepared");
    // The same texts argument the API passes (made by the compiled service code).
    const require = createRequire(import.meta.url);
    const api = join(root, 'dist/apps/api/apps/api/src');
    const { loadConfig } = require(join(api, 'config/app-config.js'));
    const { movementTexts } = require(join(api, 'transactions/movement-texts.js'));
    const texts = movementTexts(loadConfig({ ...process.env, ...env })).WITHDRAWAL;
    const ownSql = await pgbenchWithdrawals(benchDb, dbUrl(benchDb), sessions, texts);
    scenarios['withdrawal SQL (pgbench -f)'] = {
      rps: ownSql.tps,
      requests: 0,
      p50Ms: 0,
      p95Ms: 0,
      p99Ms: 0,
      errors: ownSql.failed,
    };
    await both('overdraft withdrawals', overdraftWithdrawal, 201);
    await both('transfers', transfer, 201);
    await both('balances', balances, 200, Math.min(duration, 10));
    log("balances, one customer's token on every connection");
    scenarios['balances (one token)'] = await withCpu(apiPids, benchDb, () =>
      load({
        base,
        connections: 32,
        seconds: Math.min(duration, 10),
        expected: 200,
        requestFor: oneCustomersBalances,
      }),
    );

    log('statement');
    scenarios.statement = await statementScenario(base, sessions[sessions.length - 1]);
  } finally {
    children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
    await new Promise((r) => setTimeout(r, 500));
    for (const name of [benchDb, pgbenchDb])
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  }
  // The ATM's page and, apart, the admin console's (its own entry; shared chunks count in both).
  const webKb = initialJsGzipKb('index.html');
  const consoleKb = initialJsGzipKb('admin/index.html');
  scenarios.web = {
    rps: 0,
    p50Ms: 0,
    p95Ms: 0,
    p99Ms: 0,
    errors: 0,
    initialJsGzipKb: webKb,
    consoleJsGzipKb: consoleKb,
  };

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    apiProcesses,
  };
  const result = { machine, pgbenchTps: pgbench, scenarios };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(result, null, 2)}\n`);

  const half = Math.round(pgbench / 2);
  const ownSql = scenarios['withdrawal SQL (pgbench -f)']?.rps ?? 0;
  const ratio = (rps, of) => (of > 0 ? `${round(rps / of)}x` : '');
  const targets = {
    'health (product)': `vs bare Fastify: ${ratio(scenarios['health (product)']?.rps ?? 0, scenarios['health (bare Fastify)']?.rps ?? 0)}`,
    'health (bare Fastify)': 'the floor',
    withdrawals: `>= ${half} rps (0.5 x pgbench), 0 errors; ${ratio(scenarios.withdrawals?.rps ?? 0, pgbench)} of pgbench, ${ratio(scenarios.withdrawals?.rps ?? 0, ownSql)} of its own SQL (aim 0.7x)`,
    'withdrawals, open loop': 'p99 <= 25 ms',
    'withdrawal SQL (pgbench -f)': `${ratio(ownSql, pgbench)} of pgbench TPC-B`,
    'overdraft withdrawals': `each sweeps from savings first: ${ratio(scenarios['overdraft withdrawals']?.rps ?? 0, scenarios.withdrawals?.rps ?? 0)} of plain withdrawals`,
    'overdraft withdrawals, open loop': 'p99 <= 25 ms',
    transfers: `>= ${half} rps (0.5 x pgbench), 0 errors; ${ratio(scenarios.transfers?.rps ?? 0, pgbench)} of pgbench`,
    'transfers, open loop': 'p99 <= 25 ms',
    balances: `>= ${pgbench} rps (1.0 x pgbench); ${ratio(scenarios.balances?.rps ?? 0, pgbench)}`,
    'balances, open loop': 'p99 <= 10 ms',
    'balances (one token)': `as many customers' (no per-session queue): ${ratio(scenarios['balances (one token)']?.rps ?? 0, scenarios.balances?.rps ?? 0)}`,
    'sign-in': 'p50 <= 100 ms',
    statement: 'request to READY <= 1000 ms',
    web: 'ATM initial JS <= 150 KB gzipped (console apart)',
  };
  const cpu = (s, key) => (s[key] === undefined ? '' : String(s[key]));
  const rows = Object.entries(scenarios).map(([name, s]) => [
    name,
    name === 'web'
      ? `${s.initialJsGzipKb} KB (console ${s.consoleJsGzipKb} KB)`
      : s.offeredRps !== undefined
        ? `${s.rps} (offered ${s.offeredRps})`
        : String(s.rps),
    String(s.p50Ms),
    String(s.p95Ms),
    String(s.p99Ms),
    String(s.errors),
    cpu(s, 'apiCpuMsPerRequest'),
    cpu(s, 'dbCpuMsPerRequest'),
    targets[name] ?? '',
  ]);
  const header = [
    'scenario',
    'rps',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors',
    'API CPU ms/req',
    'PG CPU ms/req',
    'target',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(
    `pgbench tpcb-like (scale 10, 8 clients, prepared): ${pgbench} TPS on ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, ${apiProcesses} API process(es)`,
  );
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  rows.forEach((r) => console.log(line(r)));
  console.log('written to bench/results/latest.json');

  // Why the money lines stop where they do: the withdrawal function's statements and its
  // database CPU beside a TPC-B transaction's (bench/profile-withdrawal.mjs). It needs a
  // superuser for auto_explain; without one the table above stands alone.
  console.log('\nprofile of one withdrawal in the database (npm run bench:profile):');
  try {
    process.stdout.write(
      execFileSync(process.execPath, [join(root, 'bench/profile-withdrawal.mjs'), '400'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
  } catch {
    console.log('skipped: it needs PROFILE_SUPERUSER_URL, or root on a local server');
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack ?? error}`);
  process.exit(1);
});
