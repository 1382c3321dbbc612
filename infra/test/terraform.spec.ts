import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format } from '@cdktf/hcl-tools';
import {
  instantiate,
  loadTerraform,
  parseHcl,
  readTfvars,
  terraformDirs,
  type TfResource,
} from '../policy/terraform';
import {
  checkBackups,
  checkBucketsPrivateAndVersioned,
  checkDatabasesPrivate,
  checkEncryption,
  checkModuleWiring,
  checkNoLiteralSecrets,
  checkProductionProtection,
  checkPublicIngress,
  checkSecurity,
} from '../policy/terraform-policies';
import {
  checkAlarmTopicEncryption,
  checkLeastPrivilege,
  checkOperationalAlarms,
  checkProductionEdge,
} from '../policy/production-policies';
import { environmentVarFiles, environments, fixtures, terraformRoot } from './paths';

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );

const terraformFiles = walk(terraformRoot).filter(
  (f) => !f.includes('/.terraform/') && /\.(tf|tfvars|tfvars\.example)$/.test(f),
);
const rel = (file: string) => relative(terraformRoot, file);
const fixture = (name: string) => join(fixtures, 'terraform', name);
const resourcesOf = async (dir: string): Promise<TfResource[]> =>
  (await loadTerraform(dir)).resources;
const rules = (violations: { rule: string }[]) => [...new Set(violations.map((v) => v.rule))];
/** The resources one environment creates: the one root module with that environment's values. */
const environmentResources = async (env: string) =>
  instantiate(await loadTerraform(terraformRoot), await readTfvars(...environmentVarFiles(env)));

describe('Terraform files', () => {
  it('are one root module over every module, with values for both environments', () => {
    const dirs = terraformDirs(terraformRoot).map(rel).sort();
    expect(dirs).toEqual(
      [
        '',
        ...[
          'alb',
          'ecr',
          'ecs',
          'github-oidc',
          'monitoring',
          'networking',
          'rds',
          'redis',
          's3',
          'secrets',
          'security',
        ].map((m) => `modules/${m}`),
      ].sort(),
    );
    for (const env of environments) {
      for (const file of environmentVarFiles(env)) expect(existsSync(file)).toBe(true);
    }
  });

  it('the environments differ only in values: the same variables, set in both', async () => {
    const declared = new Set((await loadTerraform(terraformRoot)).variables.map((v) => v.name));
    const [dev, prod] = await Promise.all(
      environments.map(async (env) => Object.keys(await readTfvars(environmentVarFiles(env)[0]!))),
    );
    expect(dev?.sort()).toEqual(prod?.sort());
    for (const name of dev ?? []) expect(declared).toContain(name);
  });

  it.each(terraformFiles.map(rel))('%s parses as HCL', async (file) => {
    const path = join(terraformRoot, file);
    await expect(
      parseHcl(path.replace(/\.example$/, ''), readFileSync(path, 'utf8')),
    ).resolves.toBeDefined();
  });

  // hclwrite's formatter is what `terraform fmt` runs; CI runs the real `terraform fmt -check`.
  it.each(terraformFiles.map(rel))('%s is in canonical format', async (file) => {
    const text = readFileSync(join(terraformRoot, file), 'utf8');
    expect(await format(text)).toBe(text);
  });

  it.each(terraformFiles.map(rel))('%s holds no literal secret', async (file) => {
    const path = join(terraformRoot, file);
    expect(await checkNoLiteralSecrets(path, readFileSync(path, 'utf8'))).toEqual([]);
  });
});

describe.each(environments)('environment %s', (env) => {
  it('wires every module variable and uses only declared variables and outputs', async () => {
    expect(await checkModuleWiring(await loadTerraform(terraformRoot))).toEqual([]);
  });

  it('passes the security policies', async () => {
    const resources = await environmentResources(env);
    expect(resources.length).toBeGreaterThan(50);
    expect(checkSecurity(resources)).toEqual([]);
  });

  it('encrypts RDS, ElastiCache and S3 and keeps the database private', async () => {
    const resources = await environmentResources(env);
    const types = resources.map((r) => r.type);
    for (const type of ['aws_db_instance', 'aws_elasticache_replication_group', 'aws_s3_bucket']) {
      expect(types).toContain(type);
    }
    const db = resources.find((r) => r.type === 'aws_db_instance');
    expect(db?.body['publicly_accessible']).toBe(false);
    expect(db?.body['storage_encrypted']).toBe(true);
  });

  it('sets TRUST_PROXY to one hop, NODE_ENV=production, the bucket and a guarded /metrics', async () => {
    const ecs = readFileSync(join(terraformRoot, 'modules/ecs/main.tf'), 'utf8');
    expect(ecs).toMatch(/TRUST_PROXY\s+= "1"/);
    expect(ecs).toMatch(/NODE_ENV\s+= "production"/);
    expect(ecs).toMatch(/STATEMENT_S3_BUCKET\s+= var\.statement_bucket_name/);
    expect(ecs).toMatch(/METRICS_GUARD\s+= "secret"/);
    const secrets = readFileSync(join(terraformRoot, 'modules/secrets/main.tf'), 'utf8');
    for (const name of ['DATABASE_URL', 'REDIS_URL']) expect(secrets).toContain(`${name} `);
    for (const name of [
      'SECRET_KEY',
      'PIN_PEPPER',
      'CARD_HASH_KEY',
      'ADMIN_TOTP_KEY',
      'METRICS_GUARD_SECRET',
      'APP_DATABASE_PASSWORD',
      'REDIS_AUTH_TOKEN',
    ]) {
      expect(secrets).toContain(`"${name}"`);
    }
  });

  it('lets the API read and expire statement PDFs and only the worker write them', async () => {
    const documents = (await environmentResources(env)).filter(
      (r) => r.type === 'data.aws_iam_policy_document',
    );
    const actions = (name: string) =>
      (
        documents.find((d) => d.name === `module.ecs.task["${name}"]`)?.body['statement'] as {
          actions: string[];
        }[]
      )?.flatMap((st) => st.actions);
    expect(actions('app')?.sort()).toEqual(['s3:DeleteObject', 's3:GetObject']);
    expect(actions('worker')?.sort()).toEqual(['s3:GetObject', 's3:PutObject']);
  });

  it('alarms can notify: the topic uses a key CloudWatch may use', async () => {
    expect(checkAlarmTopicEncryption(await environmentResources(env))).toEqual([]);
  });

  it('alarms on the worker, failed jobs, the queue depth and failed deployments', async () => {
    expect(checkOperationalAlarms(await environmentResources(env))).toEqual([]);
  });

  it('gives each container only the secrets it reads; RDS manages the owner password', async () => {
    const ecs = await loadTerraform(join(terraformRoot, 'modules/ecs'));
    expect(
      checkLeastPrivilege(await environmentResources(env), ecs.locals['secret_names']),
    ).toEqual([]);
    // The new admin secret reaches the API (and the admin CLI), never the worker.
    const names = ecs.locals['secret_names'] as Record<string, string[]>;
    expect(names['app']).toContain('ADMIN_TOTP_KEY');
    expect(names['worker']).not.toContain('ADMIN_TOTP_KEY');
  });
});

describe('prod', () => {
  it('protects the database and the load balancer from deletion and keeps backups', async () => {
    expect(checkProductionProtection(await environmentResources('prod'))).toEqual([]);
  });

  it('dev is allowed to be destroyed (the prod rule really depends on the values)', async () => {
    expect(rules(checkProductionProtection(await environmentResources('dev')))).toContain(
      'deletion-protection',
    );
  });

  it('has a WAF (managed rules, sign-in rate limit, admin allowlist), access logs and no public /metrics', async () => {
    expect(checkProductionEdge(await environmentResources('prod'))).toEqual([]);
  });

  it('requires a domain (HTTPS) and deletion protection through variable validations', async () => {
    const variables = readFileSync(join(terraformRoot, 'variables.tf'), 'utf8');
    expect(variables).toMatch(/var\.environment != "prod" \|\| var\.domain_name != ""/);
    expect(variables).toMatch(/var\.environment != "prod" \|\| var\.deletion_protection/);
  });
});

describe('policies catch broken fixtures', () => {
  it('a publicly accessible RDS instance', async () => {
    const found = checkDatabasesPrivate(await resourcesOf(fixture('public-rds')));
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/publicly_accessible/);
  });

  it('unencrypted RDS, Redis without TLS or AUTH, and an unencrypted, public, unversioned bucket', async () => {
    const resources = await resourcesOf(fixture('unencrypted-storage'));
    const messages = checkEncryption(resources)
      .map((v) => v.message)
      .join('\n');
    expect(messages).toMatch(/storage_encrypted/);
    expect(messages).toMatch(/transit_encryption_enabled/);
    expect(messages).toMatch(/auth_token/);
    expect(messages).toMatch(/server-side encryption/);
    expect(rules(checkBucketsPrivateAndVersioned(resources)).sort()).toEqual([
      'bucket-private',
      'bucket-versioned',
    ]);
    expect(checkBackups(resources)).toHaveLength(1);
  });

  it('0.0.0.0/0 and ::/0 ingress on anything but the load balancer', async () => {
    const found = checkPublicIngress(await resourcesOf(fixture('open-db-ingress')));
    expect(found.map((v) => v.where.split(' ')[0]).sort()).toEqual([
      'aws_security_group.db',
      'aws_vpc_security_group_ingress_rule.redis_world',
    ]);
  });

  it('literal passwords, tokens, keys and URLs with passwords', async () => {
    const dir = fixture('literal-secret');
    const tf = join(dir, 'main.tf');
    const tfvars = join(dir, 'terraform.tfvars.example');
    const inTf = (await checkNoLiteralSecrets(tf, readFileSync(tf, 'utf8')))
      .map((v) => v.message)
      .join('\n');
    expect(inTf).toMatch(/password is a literal/);
    expect(inTf).toMatch(/variable db_password has a literal default/);
    expect(inTf).toMatch(/URL with a password/);
    const inVars = (await checkNoLiteralSecrets(tfvars, readFileSync(tfvars, 'utf8')))
      .map((v) => v.message)
      .join('\n');
    expect(inVars).toMatch(/redis_auth_token is a literal/);
    expect(inVars).toMatch(/AWS access key/);
  });

  it('unwired module variables, unknown arguments, missing outputs and undeclared variables', async () => {
    const messages = (await checkModuleWiring(await loadTerraform(fixture('wiring/env')))).map(
      (v) => v.message,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        'required variable instance_class is not passed',
        'passes retention, which the module does not declare',
        'module.thing.repository_arn is not an output of that module',
        'var.scan_on_push is used but not declared',
      ]),
    );
  });

  it('a prod environment that leaves deletion protection off', async () => {
    const resources = await instantiate(await loadTerraform(fixture('prod-unprotected')));
    const found = checkProductionProtection(resources);
    expect(found.map((v) => `${v.rule} ${v.where.split(' ')[0]}`).sort()).toEqual([
      'backups aws_db_instance.module.rds.this',
      'deletion-protection aws_db_instance.module.rds.this',
      'deletion-protection aws_lb.module.alb.this',
    ]);
  });

  it('an alarm topic on the AWS-managed key, or on a key CloudWatch may not use', async () => {
    const resources = await resourcesOf(fixture('alarm-topic-aws-managed'));
    const found = checkAlarmTopicEncryption(resources);
    expect(found.map((v) => v.where.split(' ')[0]).sort()).toEqual([
      'aws_sns_topic.alarms',
      'aws_sns_topic.other',
    ]);
    expect(found[0]?.message).toMatch(/alias\/aws\/sns/);
  });

  it('no worker, failed-job, queue-depth or failed-deployment alarm', async () => {
    const found = checkOperationalAlarms(await resourcesOf(fixture('alarm-topic-aws-managed')));
    expect(rules(found).sort()).toEqual(['deployment-alarm', 'queue-alarm', 'worker-alarm']);
    expect(found).toHaveLength(6);
  });

  it('an edge without WAF association, managed rules, admin allowlist, access logs or private /metrics', async () => {
    const found = checkProductionEdge(await resourcesOf(fixture('prod-edge-broken')));
    expect(rules(found).sort()).toEqual([
      'access-logs',
      'admin-allowlist',
      'metrics-private',
      'waf',
      'waf-rate',
    ]);
    // The same ACL, associated: only the managed rules, the admin sign-in rate limit and the
    // allowlist are still missing.
    const associated = [
      ...(await resourcesOf(fixture('prod-edge-broken'))),
      {
        type: 'aws_wafv2_web_acl_association',
        name: 'this',
        file: 'fixture',
        body: {
          resource_arn: '${aws_lb.this.arn}',
          web_acl_arn: '${aws_wafv2_web_acl.this.arn}',
        },
      },
    ];
    const messages = checkProductionEdge(associated).map((v) => v.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'no rate-based rule covers /api/v1/admin/auth/login',
        '/admin is not blocked for addresses outside the admin allowlist',
        'the web ACL does not use the AWS managed rules (AWSManagedRulesCommonRuleSet)',
      ]),
    );
    expect(messages).not.toContain('no rate-based rule covers /api/v1/auth/login');
  });

  it('the master password in Terraform, and every container reading every secret', async () => {
    const dir = fixture('shared-secrets');
    const config = await loadTerraform(dir);
    const found = checkLeastPrivilege(config.resources, config.locals['secret_names']);
    expect(rules(found).sort()).toEqual(['database-owner', 'secrets-per-container']);
    const messages = found.map((v) => v.message).join('\n');
    expect(messages).toMatch(/the worker reads DATABASE_URL and REDIS_URL only/);
    expect(messages).toMatch(/app must read/);
    expect(messages).toMatch(/the migrate task reads the owner's credentials/);
    expect(messages).toMatch(/one execution role must exist per task family/);
    expect(messages).toMatch(/may read every secret/);
  });
});
