import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDockerfile, isPinnedImage, parseDockerfile } from '../policy/dockerfile';
import { fixtures, repoRoot } from './paths';

const dockerfile = readFileSync(join(repoRoot, 'docker', 'Dockerfile'), 'utf8');
const fixture = (name: string) => readFileSync(join(fixtures, 'docker', name), 'utf8');

describe('docker/Dockerfile', () => {
  it('passes the image policy', () => {
    expect(checkDockerfile(dockerfile)).toEqual([]);
  });

  it('builds web and api separately and has production and development stages', () => {
    const names = parseDockerfile(dockerfile).stages.map((s) => s.name);
    expect(names).toEqual([
      'base',
      'deps',
      'web-build',
      'api-build',
      'prod-deps',
      'development',
      'production',
    ]);
  });

  it('is based on the Node of .nvmrc, slim Debian, pinned by digest', () => {
    const { globalArgs, stages } = parseDockerfile(dockerfile);
    expect(stages[0]?.from).toBe('${NODE_IMAGE}');
    const nvmrc = readFileSync(join(repoRoot, '.nvmrc'), 'utf8').trim();
    expect(globalArgs.get('NODE_IMAGE')).toMatch(
      new RegExp(`^node:${nvmrc.replace(/\./g, '\\.')}-trixie-slim@sha256:[0-9a-f]{64}$`),
    );
  });

  it('checks the RDS trust bundle against a digest', () => {
    expect(dockerfile).toMatch(
      /ADD --chmod=644 \\\s+--checksum=sha256:[0-9a-f]{64} \\\s+https:\/\/truststore\.pki\.rds\.amazonaws\.com\/global\/global-bundle\.pem/,
    );
  });

  it('gives npm ci what the preinstall check reads (.nvmrc, the script) and .npmrc', () => {
    const { stages } = parseDockerfile(dockerfile);
    const deps = stages.find((s) => s.name === 'deps');
    const text = deps?.instructions.map((i) => `${i.keyword} ${i.args}`).join('\n') ?? '';
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const script = /node (\S+)/.exec(pkg.scripts['preinstall'] ?? '')?.[1];
    expect(script).toBeDefined();
    const beforeInstall = text.slice(0, text.indexOf('npm ci'));
    for (const file of [script ?? '', '.nvmrc', '.npmrc']) expect(beforeInstall).toContain(file);
  });

  it('carries the migrate task script', () => {
    expect(dockerfile).toContain('tools/migrate-and-grant.mjs');
  });

  it('gives the production stage only production dependencies and the native build toolchain to deps only', () => {
    const { stages } = parseDockerfile(dockerfile);
    const production = stages.find((s) => s.name === 'production');
    const text = production?.instructions.map((i) => `${i.keyword} ${i.args}`).join('\n') ?? '';
    expect(text).toContain('COPY --from=prod-deps /app/node_modules ./node_modules');
    expect(text).not.toMatch(/g\+\+|python3|npm ci/);
    const deps = stages.find((s) => s.name === 'deps');
    expect(deps?.instructions.map((i) => i.args).join('\n')).toMatch(/python3 make g\+\+/);
    const prune = stages.find((s) => s.name === 'prod-deps');
    expect(prune?.instructions.map((i) => i.args).join('\n')).toContain('npm prune --omit=dev');
  });

  it('keeps secrets and bulk out of the build context', () => {
    const ignore = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.env', '.git', 'node_modules', 'dist', '.data', '**/*.tfstate']) {
      expect(ignore).toContain(entry);
    }
  });
});

describe('Dockerfile checks catch broken fixtures', () => {
  it('unpinned bases, one build stage, root, no health check, no NODE_ENV, dependencies installed in production', () => {
    const rules = checkDockerfile(fixture('Dockerfile.unpinned-root')).map((v) => v.rule);
    expect(rules.filter((r) => r === 'pinned-base')).toHaveLength(2);
    expect(rules).toEqual(
      expect.arrayContaining(['stages', 'non-root', 'healthcheck', 'node-env', 'prod-deps']),
    );
  });

  it('switching back to root, a disabled health check and NODE_ENV=development', () => {
    const rules = checkDockerfile(fixture('Dockerfile.back-to-root')).map((v) => v.rule);
    expect(rules.sort()).toEqual(['healthcheck', 'node-env', 'non-root']);
  });

  it.each([
    ['node:latest', false],
    ['node', false],
    ['node:22-slim', true],
    ['node:lts-slim', false],
    ['registry.example.com:5000/node', false],
    [`node@sha256:${'a'.repeat(64)}`, true],
    ['node:22.23.3-trixie-slim', true],
  ])('isPinnedImage(%s) is %s', (image, pinned) => {
    expect(isPinnedImage(image)).toBe(pinned);
  });
});
