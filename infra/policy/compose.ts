import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { type Violation, violation } from './types';

/**
 * docker compose files: the Compose Specification's JSON schema (the copy the dclint npm
 * package ships, schemas/compose.schema.json, from github.com/compose-spec/compose-spec,
 * Apache-2.0) and this product's rules for the stack.
 */

export function composeSchemaPath(): string {
  return join(dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json');
}

let validator: ReturnType<Ajv['compile']> | undefined;

export function validateComposeSchema(doc: unknown, where: string): Violation[] {
  if (validator === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    // The file names draft-07 by its https URL, which Ajv does not know by that name; Ajv's
    // default dialect is draft-07, so the schema is compiled as the draft it declares.
    const { $schema, ...schema } = JSON.parse(readFileSync(composeSchemaPath(), 'utf8')) as {
      $schema?: string;
    };
    if ($schema !== undefined && !/draft-07/.test($schema)) {
      throw new Error(`unexpected compose schema dialect ${$schema}`);
    }
    validator = ajv.compile(schema);
  }
  if (validator(doc)) return [];
  return (validator.errors ?? []).map((e: ErrorObject) =>
    violation(
      'compose-schema',
      `${where}${e.instancePath}`,
      `${e.message ?? 'invalid'} ${JSON.stringify(e.params)}`,
    ),
  );
}

type Service = {
  image?: string;
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: unknown; disable?: boolean };
};
type Compose = { services?: Record<string, Service> };

const SECRETISH = /(PASSWORD|SECRET|TOKEN|PEPPER|HASH_KEY|_KEY$|ACCESS_KEY)/i;

const commandText = (service: Service | undefined) =>
  Array.isArray(service?.command) ? service.command.join(' ') : (service?.command ?? '');

/** The stack's own rules: what the issue asks of the laptop stack. */
export function checkComposePolicy(doc: unknown, where: string): Violation[] {
  const found: Violation[] = [];
  const services = (doc as Compose).services ?? {};
  const need = (ok: boolean, rule: string, message: string) => {
    if (!ok) found.push(violation(rule, where, message));
  };

  for (const name of ['api', 'worker', 'postgres', 'redis', 'migrate']) {
    need(services[name] !== undefined, 'services', `service ${name} is missing`);
  }
  need(
    /^postgres:16[.-]/.test(services['postgres']?.image ?? ''),
    'versions',
    'postgres must be a pinned 16.x image',
  );
  need(
    /^redis:7[.-]/.test(services['redis']?.image ?? ''),
    'versions',
    'redis must be a pinned 7.x image',
  );

  const redis = commandText(services['redis']);
  need(/--appendonly\s+'?yes/.test(redis), 'redis', 'Redis must run with --appendonly yes');
  need(
    /--maxmemory-policy\s+noeviction/.test(redis),
    'redis',
    'Redis must run with --maxmemory-policy noeviction',
  );
  need(/--requirepass\s+\S+/.test(redis), 'redis', 'Redis must require a password');

  const condition = (service: string, dependency: string) => {
    const dependsOn = services[service]?.depends_on;
    return Array.isArray(dependsOn) || dependsOn === undefined
      ? undefined
      : dependsOn[dependency]?.condition;
  };
  for (const app of ['api', 'worker']) {
    need(
      condition(app, 'migrate') === 'service_completed_successfully',
      'depends-on',
      `${app} must wait for migrate to complete successfully`,
    );
    for (const store of ['postgres', 'redis']) {
      need(
        condition(app, store) === 'service_healthy',
        'depends-on',
        `${app} must wait for ${store} to be healthy`,
      );
    }
  }
  need(
    condition('migrate', 'postgres') === 'service_healthy',
    'depends-on',
    'migrate must wait for postgres to be healthy',
  );

  for (const [name, service] of Object.entries(services)) {
    const dependsOn = service.depends_on;
    if (Array.isArray(dependsOn)) {
      found.push(
        violation(
          'depends-on',
          `${where} ${name}`,
          'depends_on without conditions starts before dependencies are ready',
        ),
      );
    } else {
      for (const [dependency, spec] of Object.entries(dependsOn ?? {})) {
        if (spec.condition === 'service_healthy') {
          const check = services[dependency]?.healthcheck;
          need(
            check?.test !== undefined && check.disable !== true,
            'healthcheck',
            `${dependency} has no health check but ${name} waits for it to be healthy`,
          );
        }
      }
    }
    const env = Array.isArray(service.environment)
      ? Object.fromEntries(service.environment.map((line) => line.split(/=(.*)/s).slice(0, 2)))
      : (service.environment ?? {});
    for (const [key, value] of Object.entries(env)) {
      if (
        SECRETISH.test(key) &&
        typeof value === 'string' &&
        value !== '' &&
        !value.includes('${')
      ) {
        found.push(
          violation(
            'literal-secret',
            `${where} ${name}`,
            `${key} is a literal; read it from .env (\${${key}:?...})`,
          ),
        );
      }
    }
    if (/--requirepass\s+(?!\$\{)\S+/.test(commandText(service))) {
      found.push(
        violation('literal-secret', `${where} ${name}`, 'the Redis password is a literal'),
      );
    }
  }
  for (const app of ['api']) {
    const check = services[app]?.healthcheck;
    need(
      check?.test !== undefined && check.disable !== true,
      'healthcheck',
      `${app} needs a health check`,
    );
  }
  return found;
}
