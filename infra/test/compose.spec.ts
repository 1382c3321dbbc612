import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkComposePolicy, composeSchemaPath, validateComposeSchema } from '../policy/compose';
import { fixtures, repoRoot } from './paths';

const load = (file: string): unknown => parseYaml(readFileSync(file, 'utf8'), { merge: true });
const compose = join(repoRoot, 'docker', 'compose.yml');

describe('docker/compose.yml', () => {
  it('validates against the Compose Specification schema', () => {
    expect(readFileSync(composeSchemaPath(), 'utf8')).toContain('"title": "Compose Specification"');
    expect(validateComposeSchema(load(compose), 'compose.yml')).toEqual([]);
  });

  it('runs the stack the issue asks for', () => {
    expect(checkComposePolicy(load(compose), 'compose.yml')).toEqual([]);
  });

  it('gives the API and worker production settings with an S3-compatible store', () => {
    const doc = load(compose) as {
      services: Record<string, { environment: Record<string, string> }>;
    };
    for (const service of ['api', 'worker', 'migrate']) {
      const env = doc.services[service]?.environment ?? {};
      expect(env['NODE_ENV']).toBe('production');
      expect(env['STATEMENT_S3_BUCKET']).toBeDefined();
      expect(env['STATEMENT_S3_ENDPOINT']).toBe('http://minio:9000');
    }
    expect(Object.keys(doc.services)).toEqual(expect.arrayContaining(['minio', 'minio-init']));
  });
});

describe('compose checks catch broken fixtures', () => {
  it('the schema rejects fields the specification does not allow', () => {
    const found = validateComposeSchema(
      load(join(fixtures, 'compose', 'invalid-schema.yml')),
      'invalid',
    );
    const text = found.map((v) => `${v.where} ${v.message}`).join('\n');
    expect(text).toMatch(/restart_policy/);
    expect(text).toMatch(/ports/);
    expect(text).toMatch(/condition/);
  });

  it('the policy rejects an evicting Redis, unordered start-up and literal passwords', () => {
    const found = checkComposePolicy(
      load(join(fixtures, 'compose', 'policy-broken.yml')),
      'broken',
    );
    const text = found.map((v) => v.message).join('\n');
    expect(text).toMatch(/--appendonly yes/);
    expect(text).toMatch(/noeviction/);
    expect(text).toMatch(/require a password/);
    expect(text).toMatch(/api must wait for migrate/);
    expect(text).toMatch(/depends_on without conditions/);
    expect(text).toMatch(/POSTGRES_PASSWORD is a literal/);
  });
});
