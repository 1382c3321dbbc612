import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { type Violation, violation } from './types';
import {
  type HclBody,
  type HclValue,
  type TfConfig,
  type TfResource,
  blocks,
  isExpression,
  isLocalSource,
  loadTerraform,
  moduleDir,
  parseHcl,
  strings,
  whereOf,
} from './terraform';

/**
 * Security and wiring policies over Terraform. Each takes what it checks and answers the
 * violations, so a test can feed it a broken fixture and see it fail.
 */

const PUBLIC_CIDRS = new Set(['0.0.0.0/0', '::/0']);

/** A security group is the load balancer's when its label says so (alb, lb, load_balancer). */
export const isLoadBalancerGroupLabel = (label: string) =>
  /(^|[_-])(alb|elb|nlb|lb|load_?balancer)([_-]|$)/i.test(label);

/**
 * The security group label an expression names: `alb` in `${aws_security_group.alb.id}`, or
 * the key in `${aws_security_group.this["alb"].id}`.
 */
const referencedGroupLabel = (value: HclValue | undefined): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const match = /aws_security_group\.([A-Za-z0-9_-]+)(?:\["([A-Za-z0-9_-]+)"\])?\./.exec(value);
  return match?.[2] ?? match?.[1];
};

const publicCidrs = (...values: (HclValue | undefined)[]) =>
  values.flatMap((v) => strings(v)).filter((cidr) => PUBLIC_CIDRS.has(cidr));

/** No ingress from the whole internet except on the load balancer's security group. */
export function checkPublicIngress(resources: TfResource[]): Violation[] {
  const found: Violation[] = [];
  const report = (resource: TfResource, group: string | undefined, cidrs: string[]) => {
    if (cidrs.length === 0) return;
    if (group !== undefined && isLoadBalancerGroupLabel(group)) return;
    found.push(
      violation(
        'public-ingress',
        whereOf(resource),
        `ingress from ${cidrs.join(', ')} on ${group ?? 'an unidentified security group'}; only the load balancer's group may accept traffic from the internet`,
      ),
    );
  };
  for (const resource of resources) {
    const body = resource.body;
    if (resource.type === 'aws_vpc_security_group_ingress_rule') {
      report(
        resource,
        referencedGroupLabel(body['security_group_id']),
        publicCidrs(body['cidr_ipv4'], body['cidr_ipv6']),
      );
    } else if (resource.type === 'aws_security_group_rule' && body['type'] === 'ingress') {
      report(
        resource,
        referencedGroupLabel(body['security_group_id']),
        publicCidrs(body['cidr_blocks'], body['ipv6_cidr_blocks']),
      );
    } else if (resource.type === 'aws_security_group') {
      for (const rule of blocks(body, 'ingress')) {
        report(
          resource,
          resource.name.split('.').pop(),
          publicCidrs(rule['cidr_blocks'], rule['ipv6_cidr_blocks']),
        );
      }
    }
  }
  return found;
}

/** Databases are never reachable from the internet. */
export function checkDatabasesPrivate(resources: TfResource[]): Violation[] {
  return resources
    .filter((r) => ['aws_db_instance', 'aws_rds_cluster_instance'].includes(r.type))
    .filter(
      (r) => r.body['publicly_accessible'] !== undefined && r.body['publicly_accessible'] !== false,
    )
    .map((r) =>
      violation(
        'database-private',
        whereOf(r),
        `publicly_accessible is ${JSON.stringify(r.body['publicly_accessible'])}; it must be false`,
      ),
    );
}

const bucketRefersTo = (value: HclValue | undefined, bucketName: string) =>
  typeof value === 'string' && value.includes(`aws_s3_bucket.${bucketName.split('.').pop()}.`);

const sameScope = (a: TfResource, b: TfResource) =>
  a.name.split('.').slice(0, -1).join('.') === b.name.split('.').slice(0, -1).join('.');

/** Storage is encrypted: RDS, ElastiCache (at rest and in transit, with AUTH), S3, EBS. */
export function checkEncryption(resources: TfResource[]): Violation[] {
  const found: Violation[] = [];
  const need = (resource: TfResource, attribute: string, expected: HclValue, why: string) => {
    if (resource.body[attribute] !== expected) {
      found.push(
        violation(
          'encryption',
          whereOf(resource),
          `${attribute} is ${JSON.stringify(resource.body[attribute] ?? null)}; ${why}`,
        ),
      );
    }
  };
  for (const resource of resources) {
    switch (resource.type) {
      case 'aws_db_instance':
      case 'aws_rds_cluster':
        need(resource, 'storage_encrypted', true, 'database storage must be encrypted');
        break;
      case 'aws_elasticache_replication_group':
        need(resource, 'at_rest_encryption_enabled', true, 'Redis data must be encrypted at rest');
        need(resource, 'transit_encryption_enabled', true, 'Redis traffic must be encrypted (TLS)');
        if (
          resource.body['auth_token'] === undefined &&
          resource.body['user_group_ids'] === undefined
        ) {
          found.push(
            violation(
              'encryption',
              whereOf(resource),
              'Redis needs an auth_token (or RBAC user groups)',
            ),
          );
        }
        break;
      case 'aws_ebs_volume':
        need(resource, 'encrypted', true, 'volumes must be encrypted');
        break;
      case 'aws_s3_bucket': {
        const configured = resources.some(
          (other) =>
            other.type === 'aws_s3_bucket_server_side_encryption_configuration' &&
            sameScope(other, resource) &&
            bucketRefersTo(other.body['bucket'], resource.name) &&
            blocks(other.body, 'rule').some((rule) =>
              blocks(rule, 'apply_server_side_encryption_by_default').some((d) =>
                ['aws:kms', 'aws:kms:dsse', 'AES256'].includes(String(d['sse_algorithm'])),
              ),
            ),
        );
        if (!configured) {
          found.push(
            violation(
              'encryption',
              whereOf(resource),
              'bucket has no server-side encryption configuration',
            ),
          );
        }
        break;
      }
      default:
        break;
    }
  }
  return found;
}

/** Buckets are private and versioned (public access blocked on all four switches). */
export function checkBucketsPrivateAndVersioned(resources: TfResource[]): Violation[] {
  const found: Violation[] = [];
  for (const bucket of resources.filter((r) => r.type === 'aws_s3_bucket')) {
    const related = (type: string) =>
      resources.filter(
        (r) =>
          r.type === type && sameScope(r, bucket) && bucketRefersTo(r.body['bucket'], bucket.name),
      );
    const blocked = related('aws_s3_bucket_public_access_block').some((r) =>
      [
        'block_public_acls',
        'block_public_policy',
        'ignore_public_acls',
        'restrict_public_buckets',
      ].every((key) => r.body[key] === true),
    );
    if (!blocked) {
      found.push(
        violation(
          'bucket-private',
          whereOf(bucket),
          'bucket lacks a public access block with all four settings true',
        ),
      );
    }
    const versioned = related('aws_s3_bucket_versioning').some((r) =>
      blocks(r.body, 'versioning_configuration').some((c) => c['status'] === 'Enabled'),
    );
    if (!versioned) {
      found.push(
        violation('bucket-versioned', whereOf(bucket), 'bucket versioning is not Enabled'),
      );
    }
  }
  return found;
}

/** In production, data stores and the load balancer refuse deletion and RDS keeps backups. */
export function checkProductionProtection(resources: TfResource[]): Violation[] {
  const found: Violation[] = [];
  for (const resource of resources) {
    if (resource.type === 'aws_db_instance' || resource.type === 'aws_rds_cluster') {
      if (resource.body['deletion_protection'] !== true) {
        found.push(
          violation(
            'deletion-protection',
            whereOf(resource),
            'deletion_protection must be true in prod',
          ),
        );
      }
      const retention = resource.body['backup_retention_period'];
      if (typeof retention !== 'number' || retention < 7) {
        found.push(
          violation(
            'backups',
            whereOf(resource),
            `backup_retention_period is ${JSON.stringify(retention ?? null)}; prod keeps at least 7 days`,
          ),
        );
      }
    }
    if (resource.type === 'aws_lb' && resource.body['enable_deletion_protection'] !== true) {
      found.push(
        violation(
          'deletion-protection',
          whereOf(resource),
          'enable_deletion_protection must be true in prod',
        ),
      );
    }
  }
  return found;
}

/** In every environment, RDS keeps automated backups. */
export function checkBackups(resources: TfResource[]): Violation[] {
  return resources
    .filter((r) => r.type === 'aws_db_instance')
    .filter(
      (r) =>
        typeof r.body['backup_retention_period'] !== 'number' ||
        (r.body['backup_retention_period'] as number) < 1,
    )
    .map((r) => violation('backups', whereOf(r), 'backup_retention_period must be at least 1'));
}

const SECRET_NAME =
  /(password|passwd|secret|token|private_key|access_key|api_key|pepper|hash_key)/i;
const SECRET_SHAPES: [RegExp, string][] = [
  [/AKIA[0-9A-Z]{16}/, 'an AWS access key id'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\b(ghp|gho|ghs|github_pat)_[A-Za-z0-9_]{20,}/, 'a GitHub token'],
  [/[a-z]+:\/\/[^/\s:@]+:[^/\s@$]+@/i, 'a URL with a password in it'],
];

/**
 * No secret literal in Terraform or tfvars files: an attribute named like a secret (or a
 * variable named like one) never has a literal string value or default, and no text looks
 * like a key, a token or a URL with a password.
 */
export async function checkNoLiteralSecrets(file: string, text: string): Promise<Violation[]> {
  const found: Violation[] = [];
  const where = relative(process.cwd(), file);
  for (const [pattern, what] of SECRET_SHAPES) {
    if (pattern.test(text)) found.push(violation('literal-secret', where, `contains ${what}`));
  }
  const parsed = (await parseHcl(file.replace(/\.example$/, ''), text)) as unknown as HclBody;
  const visit = (value: HclValue, path: string[]) => {
    if (value === null || typeof value !== 'object') return;
    const entries: [string, HclValue][] = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    for (const [key, inner] of entries) {
      const here = [...path, key];
      if (
        typeof inner === 'string' &&
        inner.trim() !== '' &&
        !isExpression(inner) &&
        SECRET_NAME.test(key) &&
        key !== 'description' &&
        // How a secret changes (auth_token_update_strategy = "ROTATE") is not a secret.
        !key.endsWith('_strategy')
      ) {
        found.push(
          violation(
            'literal-secret',
            where,
            `${here.join('.')} is a literal string; generate it or read it from Secrets Manager`,
          ),
        );
      }
      visit(inner, here);
    }
  };
  visit(parsed, []);
  // variable "db_password" { default = "..." }
  const variables = (parsed['variable'] ?? {}) as Record<string, HclBody[]>;
  for (const [name, bodies] of Object.entries(variables)) {
    const value = bodies[0]?.['default'];
    if (SECRET_NAME.test(name) && typeof value === 'string' && value !== '') {
      found.push(violation('literal-secret', where, `variable ${name} has a literal default`));
    }
  }
  return found;
}

const META_ARGUMENTS = new Set([
  'source',
  'version',
  'count',
  'for_each',
  'providers',
  'depends_on',
]);

/**
 * Every local module call passes each variable the module declares without a default,
 * passes nothing the module does not declare, and uses only outputs the module has; and
 * every `var.X` a configuration uses is declared in it.
 */
export async function checkModuleWiring(env: TfConfig): Promise<Violation[]> {
  const found: Violation[] = [];
  const declared = (config: TfConfig) => new Set(config.variables.map((v) => v.name));
  const undeclared = (config: TfConfig) =>
    [...config.variableReferences].filter((name) => !declared(config).has(name));

  for (const name of undeclared(env)) {
    found.push(
      violation('wiring', relative(process.cwd(), env.dir), `var.${name} is used but not declared`),
    );
  }
  const outputsByCall = new Map<string, Set<string>>();
  for (const call of env.modules.filter((m) => isLocalSource(m.source))) {
    const module = await loadTerraform(moduleDir(env, call));
    const where = `module.${call.name} (${relative(process.cwd(), call.file)})`;
    if (module.files.length === 0) {
      found.push(violation('wiring', where, `source ${call.source} has no .tf files`));
      continue;
    }
    outputsByCall.set(call.name, new Set(module.outputs));
    for (const variable of module.variables) {
      if (!variable.hasDefault && call.args[variable.name] === undefined) {
        found.push(violation('wiring', where, `required variable ${variable.name} is not passed`));
      }
    }
    for (const arg of Object.keys(call.args)) {
      if (!META_ARGUMENTS.has(arg) && !declared(module).has(arg)) {
        found.push(violation('wiring', where, `passes ${arg}, which the module does not declare`));
      }
    }
    for (const name of undeclared(module)) {
      found.push(
        violation(
          'wiring',
          relative(process.cwd(), module.dir),
          `var.${name} is used but not declared`,
        ),
      );
    }
  }
  const all = [...env.resources.map((r) => r.body), ...env.modules.map((m) => m.args)];
  const texts = all.flatMap((body) => strings(body));
  // Moved blocks name old addresses (`module.s3.aws_s3_bucket.statements`), not outputs.
  for (const file of env.files) {
    texts.push(readFileSync(file, 'utf8').replace(/^moved \{[\s\S]*?^\}/gm, ''));
  }
  for (const text of texts) {
    for (const match of text.matchAll(/\bmodule\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)/g)) {
      const [, call, output] = match;
      const outputs = outputsByCall.get(call ?? '');
      if (outputs === undefined) {
        found.push(
          violation(
            'wiring',
            relative(process.cwd(), env.dir),
            `module.${call} is referenced but not called`,
          ),
        );
      } else if (!outputs.has(output ?? '')) {
        found.push(
          violation(
            'wiring',
            relative(process.cwd(), env.dir),
            `module.${call}.${output} is not an output of that module`,
          ),
        );
      }
    }
  }
  return [...new Map(found.map((v) => [`${v.where}|${v.message}`, v])).values()];
}

/** The security policies every environment must pass. */
export function checkSecurity(resources: TfResource[]): Violation[] {
  return [
    ...checkPublicIngress(resources),
    ...checkDatabasesPrivate(resources),
    ...checkEncryption(resources),
    ...checkBucketsPrivateAndVersioned(resources),
    ...checkBackups(resources),
  ];
}
