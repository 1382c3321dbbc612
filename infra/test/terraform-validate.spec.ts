import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environments, terraformRoot } from './paths';

/**
 * `terraform init` and `terraform validate` for real, against the local filesystem mirror
 * of hashicorp/aws (these machines have no registry access). Without terraform or the
 * mirror the suite is skipped with a warning, except under CI=true, where it must run.
 */
// Each terraform run loads the AWS provider (hundreds of MB): slow on a busy machine.
jest.setTimeout(300_000);

const PLUGIN_DIRS = [process.env.TF_PLUGIN_DIR, '/opt/tf-plugins'].filter(
  (dir): dir is string => dir !== undefined && dir !== '',
);
const pluginDir = PLUGIN_DIRS.find((dir) =>
  existsSync(join(dir, 'registry.terraform.io', 'hashicorp', 'aws')),
);
const terraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
const available = terraform && pluginDir !== undefined;

if (!available) {
  const missing = terraform ? 'the hashicorp/aws mirror (TF_PLUGIN_DIR)' : 'terraform';
  if (process.env.CI === 'true') {
    throw new Error(`CI requires terraform validate, but ${missing} is missing`);
  }
  console.warn(`skipping terraform validate: ${missing} is missing`);
}

const run = (cwd: string, args: string[], input?: string) =>
  spawnSync('terraform', args, {
    cwd,
    input,
    encoding: 'utf8',
    // No CLI configuration of the user's, no registry, no prompts, no colours.
    env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1', TF_INPUT: '0' },
    timeout: 120_000,
  });

/** `terraform init` from the local provider mirror, never the registry. */
const init = (cwd: string, mode: '-backend=false' | '-reconfigure') =>
  run(cwd, ['init', mode, '-input=false', '-no-color', `-plugin-dir=${pluginDir}`]);

(available ? describe : describe.skip)('terraform (local provider mirror)', () => {
  let work: string;

  beforeAll(() => {
    // A private copy: init writes .terraform and a lock file, and other runs may be here too.
    work = mkdtempSync(join(tmpdir(), 'atm-terraform-'));
    for (const name of readdirSync(terraformRoot)) {
      if (name === '.terraform' || name === '.terraform.lock.hcl') continue;
      cpSync(join(terraformRoot, name), join(work, name), { recursive: true });
    }
    const result = init(work, '-backend=false');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('validates the configuration', () => {
    const result = run(work, ['validate', '-no-color']);
    expect(result.stdout + result.stderr).toContain('Success! The configuration is valid.');
    expect(result.status).toBe(0);
  });

  // infra/terraform/tests/plan.tftest.hcl: a plan with a mocked provider checks what
  // validate cannot (for_each keys, dynamic blocks, conflicting moved blocks).
  it.each(environments)('plans %s against a mocked AWS provider', (env) => {
    const result = run(work, [
      'test',
      '-no-color',
      `-var-file=environments/${env}.tfvars`,
      `-var-file=environments/${env}.account.tfvars.example`,
    ]);
    expect(result.stdout + result.stderr).toContain('Success! 1 passed, 0 failed.');
    expect(result.status).toBe(0);
  });

  describe('with each environment values', () => {
    // Variable validations need a backend: a local one, in the copy only.
    beforeAll(() => {
      writeFileSync(join(work, 'backend_override.tf'), 'terraform {\n  backend "local" {}\n}\n');
      expect(init(work, '-reconfigure').status).toBe(0);
    });

    const evaluate = (env: string, extra: string[] = []) =>
      run(
        work,
        [
          'console',
          '-no-color',
          `-var-file=environments/${env}.tfvars`,
          `-var-file=environments/${env}.account.tfvars.example`,
          ...extra,
        ],
        'local.name\n',
      );

    it.each(environments)('%s passes every variable validation', (env) => {
      const result = evaluate(env);
      expect(result.stderr).not.toMatch(/Error/);
      expect(result.stdout.trim()).toBe(`"atm-${env}"`);
    });

    it('prod refuses to run without a domain (HTTPS only)', () => {
      const result = evaluate('prod', ['-var', 'domain_name=']);
      expect(result.stdout + result.stderr).toContain('prod serves HTTPS only');
    });

    it('prod refuses deletable data', () => {
      const result = evaluate('prod', ['-var', 'deletion_protection=false']);
      expect(result.stdout + result.stderr).toContain('protected from deletion');
    });
  });

  it('formats as terraform fmt does', () => {
    expect(() =>
      execFileSync('terraform', ['fmt', '-check', '-recursive', terraformRoot], {
        env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
