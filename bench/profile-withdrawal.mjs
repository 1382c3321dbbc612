// Where a withdrawal's database time goes: the statements inside the money function, each
// with its share of the call, from auto_explain's nested-statement timings. `npm run bench`
// says the function is the limit; this says which of its statements cost what.
// Usage: npm run build:api && node bench/profile-withdrawal.mjs [calls]
// auto_explain may only be loaded by a superuser: PROFILE_SUPERUSER_URL names one; without
// it, run as root on a local server, the script creates a throwaway superuser role through
// `runuser -u postgres -- psql` and drops it at the end. BENCH_DATABASE_ADMIN_URL as for
// bench/run.mjs (the database itself is created and dropped with the atm role).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEFAULT_ADMIN_URL, preparePostgres } from './prepare-postgres.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const api = join(root, 'dist/apps/api/apps/api/src');
const adminUrl = process.env.BENCH_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
const calls = Number(process.argv[2] ?? 400);
const customers = 40;
const database = `atm_profile_${Date.now()}`;

const urlFor = (base, name) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
const log = (line) => process.stderr.write(`profile: ${line}\n`);

async function query(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A superuser URL, and how to undo it: the one given, or a throwaway role made through psql. */
function superuser() {
  if (process.env.PROFILE_SUPERUSER_URL)
    return { url: process.env.PROFILE_SUPERUSER_URL, drop: () => undefined };
  const role = `atm_profiler_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const psql = (sql) =>
    execFileSync('runuser', ['-u', 'postgres', '--', 'psql', '-qXc', sql], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  psql(`CREATE ROLE ${role} SUPERUSER LOGIN PASSWORD '${password}'`);
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  return { url: url.toString(), drop: () => psql(`DROP ROLE IF EXISTS ${role}`) };
}

/** The SQL the API runs for one withdrawal, read from the compiled money service. */
function withdrawalCall() {
  const { movementTexts } = require(join(api, 'transactions/movement-texts.js'));
  const { loadConfig } = require(join(api, 'config/app-config.js'));
  const source = readFileSync(join(api, 'transactions/money-movements.service.js'), 'utf8');
  const fn = /atm_withdraw_v\d+/.exec(source)?.[0];
  // The call below is written for the _v2 signature (overdraft protection, 1736100000000).
  if (fn !== 'atm_withdraw_v2')
    throw new Error(
      `the money service calls ${fn ?? 'no atm_withdraw function'}, not atm_withdraw_v2`,
    );
  return { fn, texts: JSON.stringify(movementTexts(loadConfig(process.env)).WITHDRAWAL) };
}

/** Backend CPU seconds of one connection, from /proc (the server runs on this machine). */
async function backendCpu(client) {
  const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows;
  return () => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks
  };
}

/** One TPC-B transaction as pgbench's built-in script runs it, for the CPU baseline. */
async function tpcbOnce(client) {
  const aid = 1 + Math.floor(Math.random() * 100000);
  const tid = 1 + Math.floor(Math.random() * 10);
  const delta = Math.floor(Math.random() * 10001) - 5000;
  const statements = [
    ['UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2', [delta, aid]],
    ['SELECT abalance FROM pgbench_accounts WHERE aid = $1', [aid]],
    ['UPDATE pgbench_tellers SET tbalance = tbalance + $1 WHERE tid = $2', [delta, tid]],
    ['UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = 1', [delta]],
    [
      'INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, 1, $2, $3, CURRENT_TIMESTAMP)',
      [tid, aid, delta],
    ],
  ];
  await client.query('BEGIN');
  // Named, so prepared once per connection as pgbench's -M prepared does.
  for (const [i, [text, values]] of statements.entries()) {
    await client.query({ name: `tpcb-${i}`, text, values });
  }
  await client.query('END');
}

/** Backend CPU milliseconds a TPC-B transaction costs on the same server (scale 1). */
async function tpcbCpuMs(url) {
  execFileSync('pgbench', ['-i', '-s', '1', '-q', url], { stdio: ['ignore', 'ignore', 'ignore'] });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const cpu = await backendCpu(client);
    for (let i = 0; i < 100; i += 1) await tpcbOnce(client);
    const before = cpu();
    for (let i = 0; i < calls; i += 1) await tpcbOnce(client);
    return ((cpu() - before) * 1000) / calls;
  } finally {
    await client.end();
  }
}

/** Sums auto_explain's nested timings per statement (inclusive: a statement's own children count in it). */
async function profile(url, callOnce) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const byStatement = new Map();
  client.on('notice', (notice) => {
    const match = /duration: ([\d.]+) ms\s+plan:\s*([\s\S]*)/.exec(notice.message);
    if (!match) return;
    const text = JSON.parse(match[2])['Query Text'].replace(/\s+/g, ' ').trim().slice(0, 100);
    const seen = byStatement.get(text) ?? { runs: 0, ms: 0 };
    byStatement.set(text, { runs: seen.runs + 1, ms: seen.ms + Number(match[1]) });
  });
  try {
    const cpu = await backendCpu(client);
    for (let i = 0; i < 100; i += 1) await callOnce(client, `warm-${i}`);
    const cpuBefore = cpu();
    const started = process.hrtime.bigint();
    for (let i = 0; i < calls; i += 1) await callOnce(client, `plain-${i}`);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6 / calls;
    const cpuMs = ((cpu() - cpuBefore) * 1000) / calls;
    await client.query(`LOAD 'auto_explain'`);
    for (const setting of [
      'auto_explain.log_min_duration = 0',
      'auto_explain.log_nested_statements = on',
      'auto_explain.log_analyze = on',
      'auto_explain.log_level = notice',
      'auto_explain.log_format = json',
      'client_min_messages = notice',
    ])
      await client.query(`SET ${setting}`);
    for (let i = 0; i < calls; i += 1) await callOnce(client, `explained-${i}`);
    return { wallMs, cpuMs, byStatement };
  } finally {
    await client.end();
  }
}

async function main() {
  preparePostgres(adminUrl);
  const su = superuser();
  await query(adminUrl, `CREATE DATABASE ${database}`);
  try {
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: urlFor(adminUrl, database),
      DAILY_WITHDRAWAL_LIMIT: '1000000000',
    };
    execFileSync(process.execPath, [join(api, 'migrate.js')], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    log(`seeding ${customers} customers through the product's services`);
    execFileSync(process.execPath, [join(root, 'bench/seed-synthetic.cjs'), String(customers)], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const dbAsSuperuser = urlFor(su.url, database);
    // Sessions as sign-in leaves them; the profile is of the money call, not of sign-in.
    const withdrawers = await query(
      dbAsSuperuser,
      `WITH s AS (INSERT INTO sessions (card_id, customer_id, created_at, last_seen_at)
                  SELECT id, customer_id, now(), now() FROM cards RETURNING id, customer_id)
       SELECT s.id AS session_id, s.customer_id, a.id AS account_id FROM s
       JOIN accounts a ON a.customer_id = s.customer_id AND a.type = 'CHECKING'`,
    );
    const { fn, texts } = withdrawalCall();
    const callOnce = (client, key) => {
      const w = withdrawers[Math.floor(Math.random() * withdrawers.length)];
      return client.query(
        // The _v2 shape: the shared context as one composite argument, then the sweep's reference last.
        `SELECT ${fn}(ROW($1::uuid, $2::uuid, '0000', '127.0.0.1', clock_timestamp(), 3600, 7200, $3::text, 'fingerprint', '{"amountCents":2000}'::jsonb, $4::jsonb)::atm_movement_v1, $5, 2000, 2000, 1000000000, current_date, upper(substr(md5(random()::text), 1, 10)), upper(substr(md5(random()::text), 1, 10)))`,
        [w.session_id, w.customer_id, key, texts, w.account_id],
      );
    };
    log(`${calls} calls of ${fn}, one connection, then again under auto_explain`);
    const { wallMs, cpuMs, byStatement } = await profile(dbAsSuperuser, callOnce);
    const tpcbMs = await tpcbCpuMs(dbAsSuperuser);
    const top = [...byStatement.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const whole = top[0]?.[1].ms ?? 1;
    console.log(
      `${fn}: ${wallMs.toFixed(2)} ms a call (commit included), backend CPU ${cpuMs.toFixed(2)} ms a call`,
    );
    console.log(
      `a TPC-B transaction (pgbench's script, 7 statements): backend CPU ${tpcbMs.toFixed(2)} ms, so the call costs ${(cpuMs / tpcbMs).toFixed(1)}x its CPU`,
    );
    console.log(
      '| ms a call | share of the call | runs a call | statement (inclusive of what it calls) |',
    );
    console.log('| --- | --- | --- | --- |');
    for (const [text, { runs, ms }] of top.slice(0, 20)) {
      console.log(
        `| ${(ms / calls).toFixed(3)} | ${Math.round((100 * ms) / whole)}% | ${(runs / calls).toFixed(2)} | \`${text.replace(/\|/g, '\\|')}\` |`,
      );
    }
  } finally {
    await query(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(
      () => undefined,
    );
    su.drop();
  }
}

main().catch((error) => {
  process.stderr.write(`profile: ${error.stack ?? error}\n`);
  process.exit(1);
});
