import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from './paths';

// The runtime is named once (.nvmrc); everything else follows it.
const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const wanted = read('.nvmrc').trim();
const major = Number(wanted.split('.')[0]);

type Step = { uses?: string; with?: Record<string, unknown> };
type Workflow = { jobs: Record<string, { steps?: Step[]; container?: { image?: string } }> };

describe('the Node runtime', () => {
  it('is an exact release of an LTS line the dependencies support (24 or later)', () => {
    expect(wanted).toMatch(/^\d+\.\d+\.\d+$/);
    expect(major).toBeGreaterThanOrEqual(24);
    expect(major % 2).toBe(0);
  });

  it('package.json engines names that line, and npm enforces it', () => {
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${major}`);
    expect(read('.npmrc')).toMatch(/^engine-strict=true$/m);
  });

  it('every workflow sets up Node from .nvmrc and runs no other Node image', () => {
    const dir = join(repoRoot, '.github', 'workflows');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml'))) {
      const workflow = parseYaml(readFileSync(join(dir, file), 'utf8')) as Workflow;
      for (const job of Object.values(workflow.jobs)) {
        expect(job.container?.image ?? '').not.toMatch(/^node:/);
        for (const step of job.steps ?? []) {
          if (!step.uses?.startsWith('actions/setup-node@')) continue;
          expect(step.with?.['node-version-file']).toBe('.nvmrc');
          expect(step.with?.['node-version']).toBeUndefined();
        }
      }
    }
  });

  it('.ci/run installs it ahead of an older system Node and checks the result', () => {
    const run = read('.ci/run');
    expect(run).toContain('npm install -g --prefix /usr/local');
    expect(run).toContain('"node@$wanted"');
    expect(run).toContain('hash -r');
    expect(run.indexOf('hash -r')).toBeLessThan(run.indexOf('npm ci'));
    expect(run.trimEnd().endsWith('npm test')).toBe(true);
  });

  it('the preinstall check refuses an older Node with one line naming the version', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'tools', 'check-node.cjs')], {
      encoding: 'utf8',
    });
    const running = Number(process.versions.node.split('.')[0]);
    if (running < major) {
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`npm install -g --prefix /usr/local node@${wanted}`);
    } else {
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
    }
  });

  it('the README tells contributors the same command', () => {
    expect(read('README.md')).toContain('npm install -g --prefix /usr/local node@$(cat .nvmrc)');
  });
});
