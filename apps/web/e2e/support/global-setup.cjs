// Builds what the suite serves (the API and the web app, into a directory of this run's
// own, so concurrent builds elsewhere never change it underneath), then starts two API
// servers on fresh databases: one with the normal session timeout, one with a short one for
// the expiry journey, and one for the admin console's journey (it freezes a demo account).
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, mkdtempSync, openSync } = require('node:fs');
const { createServer } = require('node:net');
const os = require('node:os');
const path = require('node:path');
const globalTeardown = require('./global-teardown.cjs');

const root = path.resolve(__dirname, '../../../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function run(args, what) {
  const result = spawnSync(args[0], args.slice(1), { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`e2e: could not ${what}`);
}

async function waitForHealth(url, child, deadlineMs) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`e2e: the server at ${url} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`e2e: the server at ${url} did not answer /health in time`);
}

async function startServer(buildDir, webDir, env) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atm-e2e-data-'));
  const log = openSync(path.join(dataDir, 'server.log'), 'a');
  const child = spawn(process.execPath, [path.join(buildDir, 'apps/api/src/main.js')], {
    cwd: root,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      FRONTEND_ENABLED: 'true',
      WEB_DIST_DIR: webDir,
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      API_RATE_LIMIT_PER_MINUTE: '100000',
      DATABASE_URL: '',
      REDIS_URL: '',
      ...env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  globalThis.__ATM_E2E__.servers.push({ child, dataDir });
  // Servers migrate and seed while the build and other suites run on a shared machine.
  await waitForHealth(url, child, 240000);
  return url;
}

module.exports = async function globalSetup() {
  globalThis.__ATM_E2E__ = { servers: [], dirs: [] };
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI === 'true')
      throw new Error(`e2e: Chromium is required in CI (${CHROMIUM} is missing)`);
    process.env.ATM_E2E_SKIP = `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`;
    console.warn(
      `\nwarning: the browser end-to-end suite is skipped: ${process.env.ATM_E2E_SKIP}\n`,
    );
    return;
  }
  // tmp/ is git-ignored, so a fresh clone does not have it yet.
  mkdirSync(path.join(root, 'tmp'), { recursive: true });
  const buildDir = mkdtempSync(path.join(root, 'tmp', 'e2e-build-'));
  globalThis.__ATM_E2E__.dirs.push(buildDir);
  const apiDir = path.join(buildDir, 'api');
  const webDir = path.join(buildDir, 'web');
  run(
    [process.execPath, 'tools/build-api.mjs', '--out', path.relative(root, apiDir)],
    'build the API',
  );
  run(
    [
      process.execPath,
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'apps/web/vite.config.mts',
      '--outDir',
      webDir,
      '--logLevel',
      'warn',
    ],
    'build the web app',
  );
  let urls;
  try {
    const [main, short] = await Promise.all([
      startServer(apiDir, webDir, {}),
      startServer(apiDir, webDir, { SESSION_TIMEOUT_SECONDS: '10' }),
    ]);
    // The third starts once the others are up: three embedded databases migrating at once
    // on a shared 2-core machine did not all answer within the deadline.
    const admin = await startServer(apiDir, webDir, {});
    urls = [main, short, admin];
  } catch (error) {
    // Jest skips the global teardown when the setup fails: it runs here instead.
    await globalTeardown();
    throw error;
  }
  const [main, short, admin] = urls;
  process.env.ATM_E2E_URL = main;
  process.env.ATM_E2E_SHORT_SESSION_URL = short;
  process.env.ATM_E2E_ADMIN_URL = admin;
  process.env.ATM_E2E_CHROMIUM = CHROMIUM;
};
