import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type ProblemDetails } from '@atm/contracts';
import { TestApp } from './support/test-app';

const workspace = path.resolve(__dirname, '../../..');

/** Builds the web app into a directory of this suite's own (a second or two). */
function buildWeb(): string {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'atm-web-dist-'));
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'apps/web/vite.config.mts',
      '--outDir',
      outDir,
      '--logLevel',
      'error',
    ],
    { cwd: workspace, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`web build failed: ${result.stderr}`);
  return outDir;
}

/** The scripts a page loads at once: its entry, its modulepreloads and their static imports. */
function initialScripts(dist: string, page: string): string[] {
  const html = readFileSync(path.join(dist, page), 'utf8');
  const pending = [
    ...html.matchAll(/<script[^>]+src="\/assets\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/assets\/([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(dist, 'assets', file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      pending.push(m[1]);
    }
  }
  return [...seen];
}

describe('serving the web ATM (FRONTEND_ENABLED=true)', () => {
  let t: TestApp;
  let dist: string;
  let script: string;
  const previous = process.env.WEB_DIST_DIR;

  beforeAll(async () => {
    dist = buildWeb();
    const js = readdirSync(path.join(dist, 'assets')).find((f) => /^index-.*\.js$/.test(f));
    if (!js) throw new Error('no entry script in the build');
    script = `/assets/${js}`;
    process.env.WEB_DIST_DIR = dist;
    t = await TestApp.start({ env: { FRONTEND_ENABLED: 'true' }, seed: false });
    // A build of both pages and a migrated database: slow on a busy 2-core machine.
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    if (previous === undefined) delete process.env.WEB_DIST_DIR;
    else process.env.WEB_DIST_DIR = previous;
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / , never cached, with the favicon and security headers', async () => {
    const response = await t.request('GET', '/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toMatch(/no-store/);
    expect(response.text).toContain('<link rel="icon" type="image/svg+xml" href="/favicon.svg"');
    expect(response.text).toContain(script);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeDefined();
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('never caches /index.html itself either', async () => {
    const response = await t.request('GET', '/index.html');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toMatch(/no-store/);
  });

  it('serves hashed assets as immutable, compressed', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: script,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.rawPayload).toString('utf8').length).toBeGreaterThan(1000);
  });

  it('serves the favicon', async () => {
    const response = await t.request('GET', '/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it.each(['/withdraw', '/some/deep/route', '/statements?from=1'])(
    'falls back to index.html for %s',
    async (url) => {
      const response = await t.request('GET', url);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toMatch(/no-store/);
      expect(response.text).toContain('<div id="root">');
    },
  );

  it.each([
    '/api/v1/nope',
    '/api',
    '/api/v2/accounts',
    '/health/x',
    '/ready/x',
    '/metrics',
    '/docs/nope.x',
    '/missing.js',
    '/assets/nope-123.css',
  ])('never falls back for %s', async (url) => {
    const response = await t.request<ProblemDetails>('GET', url);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it.each(['/admin', '/admin/', '/admin/customers', '/admin/customers/some-id', '/ADMIN/audit'])(
    'answers the admin console page for %s, with the same security headers',
    async (url) => {
      const response = await t.request('GET', url);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toMatch(/no-store/);
      expect(response.text).toContain('<div id="admin-root">');
      expect(response.text).not.toContain(script);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers['x-frame-options']).toBeDefined();
    },
  );

  it('never caches the console page file either', async () => {
    const response = await t.request('GET', '/admin/index.html');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toMatch(/no-store/);
    expect(response.text).toContain('<div id="admin-root">');
  });

  it.each(['/administrator', '/admins/x'])(
    'answers the ATM, not the console, for %s',
    async (url) => {
      const response = await t.request('GET', url);
      expect(response.status).toBe(200);
      expect(response.text).toContain('<div id="root">');
      expect(response.text).not.toContain('admin-root');
    },
  );

  it.each(['/admin/nope.js', '/admin/assets/x.css'])('never falls back for %s', async (url) => {
    const response = await t.request<ProblemDetails>('GET', url);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it("keeps the console's code out of everything the ATM page loads", () => {
    const atm = initialScripts(dist, 'index.html');
    const consoleScripts = initialScripts(dist, 'admin/index.html');
    expect(atm).toContain(script.replace('/assets/', ''));
    const consoleOnly = consoleScripts.filter((file) => !atm.includes(file));
    expect(consoleOnly.length).toBeGreaterThan(0);
    // Words only the console's code holds: no script the ATM loads carries them.
    for (const file of atm) {
      const code = readFileSync(path.join(dist, 'assets', file), 'utf8');
      expect(code).not.toContain('One-time code');
      expect(code).not.toContain('atm-admin-session');
    }
    const consoleCode = consoleOnly
      .map((file) => readFileSync(path.join(dist, 'assets', file), 'utf8'))
      .join('');
    expect(consoleCode).toContain('One-time code');
  });

  it('does not answer index.html to other methods', async () => {
    const response = await t.request<ProblemDetails>('POST', '/withdraw', { body: {} });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('keeps the API working beside the app', async () => {
    const response = await t.request('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
