// The bench's first step: makes sure it can use PostgreSQL the way `npm test` does
// (tools/ensure-test-postgres.sh creates the atm role on a local server when run as root),
// so that `npm run bench` on a fresh machine does not stop at `role "atm" does not exist`.
// Usage: node bench/prepare-postgres.mjs (BENCH_DATABASE_ADMIN_URL as for bench/run.mjs).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_ADMIN_URL = 'postgres://atm:atm@127.0.0.1:5432/postgres';

/** Throws with a one-line reason when PostgreSQL cannot be used at adminUrl. */
export function preparePostgres(adminUrl = DEFAULT_ADMIN_URL) {
  const result = spawnSync('bash', [join(root, 'tools/ensure-test-postgres.sh')], {
    cwd: root,
    env: { ...process.env, TEST_DATABASE_ADMIN_URL: adminUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    const shown = new URL(adminUrl);
    shown.password = shown.password ? '***' : '';
    throw new Error(
      `PostgreSQL is not usable at ${shown} (psql missing, server down, or a role this script may not create): set BENCH_DATABASE_ADMIN_URL`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    preparePostgres(process.env.BENCH_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL);
  } catch (error) {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exit(1);
  }
}
