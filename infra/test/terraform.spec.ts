import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format } from '@cdktf/hcl-tools';
import {
  instantiate,
  loadTerraform,
  parseHcl,
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
import { environmentDir, environments, fixtures, terraformRoot } from './paths';

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );

const terraformFiles = walk(terraformRoot).filter((f) => /\.(tf|tfvars\.example)$/.test(f));
const rel = (file: string) => relative(terraformRoot, file);
const fixture = (name: string) => join(fixtures, 'terraform', name);
const resourcesOf = async (dir: string): Promise<TfResource[]> =>
  (await loadTerraform(dir)).resources;
const rules = (violations: { rule: string }[]) => [...new Set(violations.map((v) => v.rule))];

describe('Terraform files', () => {
  it('include every module and both environments', () => {
    const dirs = terraformDirs(terraformRoot).map(rel).sort();
    expect(dirs).toEqual(
      [
        'environments/dev',
        'environments/prod',
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
      expect(readdirSync(environmentDir(env))).toContain('terraform.tfvars.example');
    }
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
    expect(await checkModuleWiring(await loadTerraform(environmentDir(env)))).toEqual([]);
  });

  it('passes the security policies', async () => {
    const resources = await instantiate(await loadTerraform(environmentDir(env)));
    expect(resources.length).toBeGreaterThan(50);
    expect(checkSecurity(resources)).toEqual([]);
  });

  it('encrypts RDS, ElastiCache and S3 and keeps the database private', async () => {
    const resources = await instantiate(await loadTerraform(environmentDir(env)));
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
    for (const name of [
      'DATABASE_URL',
      'SECRET_KEY',
      'PIN_PEPPER',
      'CARD_HASH_KEY',
      'REDIS_URL',
      'METRICS_GUARD_SECRET',
    ]) {
      expect(secrets).toContain(`${name} `);
    }
  });
});

describe('prod', () => {
  it('protects the database and the load balancer from deletion and keeps backups', async () => {
    const resources = await instantiate(await loadTerraform(environmentDir('prod')));
    expect(checkProductionProtection(resources)).toEqual([]);
  });

  it('dev is allowed to be destroyed (the prod rule really depends on the values)', async () => {
    const resources = await instantiate(await loadTerraform(environmentDir('dev')));
    expect(rules(checkProductionProtection(resources))).toContain('deletion-protection');
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
});
