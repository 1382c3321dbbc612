import { type Violation, violation } from './types';
import {
  type HclBody,
  type HclValue,
  type TfResource,
  blocks,
  isExpression,
  strings,
  whereOf,
} from './terraform';

/**
 * The production path's policies (issue 16): alarms that can reach someone, the edge of
 * the load balancer (WAF, access logs, no public /metrics, the admin allowlist) and least
 * privilege for the database and the secrets. Each answers violations, so a test can feed
 * it a broken fixture and see it fail.
 */

const ofType = (resources: TfResource[], type: string) => resources.filter((r) => r.type === type);

const label = (resource: TfResource) => resource.name.split('.').pop() ?? resource.name;

/** Every string anywhere in a value, joined (for "does this mention X" checks). */
const text = (value: HclValue | undefined) => strings(value).join('\n');

/**
 * Every value of an attribute of that name anywhere in a body: an alarm's own metric, the
 * metrics of its metric_query blocks, and those of a `dynamic` block's for_each list.
 */
const valuesNamed = (value: HclValue | undefined, name: string): HclValue[] => {
  if (Array.isArray(value)) return value.flatMap((v) => valuesNamed(v, name));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === name ? [v, ...valuesNamed(v, name)] : valuesNamed(v, name),
  );
};

/** The statements of an aws_iam_policy_document. */
const statements = (document: TfResource) => blocks(document.body, 'statement');

const servicePrincipals = (statement: HclBody) =>
  blocks(statement, 'principals')
    .filter((p) => p['type'] === 'Service')
    .flatMap((p) => strings(p['identifiers']));

/**
 * SNS topics that alarms notify are encrypted with a customer-managed key whose policy
 * lets CloudWatch use it: CloudWatch cannot use the AWS-managed alias/aws/sns key, and
 * then every alarm action fails without anyone noticing.
 */
export function checkAlarmTopicEncryption(resources: TfResource[]): Violation[] {
  const found: Violation[] = [];
  for (const topic of ofType(resources, 'aws_sns_topic')) {
    const key = topic.body['kms_master_key_id'];
    const scope = topic.name.split('.').slice(0, -1).join('.');
    const keyLabel =
      typeof key === 'string' ? /aws_kms_key\.([A-Za-z0-9_-]+)\./.exec(key)?.[1] : undefined;
    if (typeof key !== 'string' || key === '') {
      found.push(violation('alarm-topic-key', whereOf(topic), 'the topic is not encrypted'));
      continue;
    }
    if (keyLabel === undefined) {
      found.push(
        violation(
          'alarm-topic-key',
          whereOf(topic),
          `kms_master_key_id is ${key}; CloudWatch cannot use an AWS-managed key: use an aws_kms_key whose policy allows cloudwatch.amazonaws.com`,
        ),
      );
      continue;
    }
    const kmsKey = resources.find(
      (r) =>
        r.type === 'aws_kms_key' &&
        label(r) === keyLabel &&
        r.name.split('.').slice(0, -1).join('.') === scope,
    );
    const documentLabel = /data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\./.exec(
      text(kmsKey?.body['policy']),
    )?.[1];
    const document = resources.find(
      (r) =>
        r.type === 'data.aws_iam_policy_document' &&
        label(r) === documentLabel &&
        r.name.split('.').slice(0, -1).join('.') === scope,
    );
    const allowsCloudWatch =
      document !== undefined &&
      statements(document).some(
        (s) =>
          s['effect'] !== 'Deny' &&
          servicePrincipals(s).includes('cloudwatch.amazonaws.com') &&
          strings(s['actions']).includes('kms:Decrypt') &&
          strings(s['actions']).some((a) => a.startsWith('kms:GenerateDataKey')),
      );
    if (!allowsCloudWatch) {
      found.push(
        violation(
          'alarm-topic-key',
          whereOf(topic),
          `the key ${keyLabel} has no policy statement allowing cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey*`,
        ),
      );
    }
  }
  return found;
}

/** The alarms the worker, the queue and the deployments need (issue 16, gap 1). */
export function checkOperationalAlarms(resources: TfResource[]): Violation[] {
  const found: Violation[] = [];
  const alarms = ofType(resources, 'aws_cloudwatch_metric_alarm');
  const alarmOn = (metric: string, extra: (alarm: TfResource) => boolean = () => true) =>
    alarms.some(
      (a) =>
        valuesNamed(a.body, 'metric_name').includes(metric) &&
        strings(a.body['alarm_actions']).length > 0 &&
        extra(a),
    );
  const need = (ok: boolean, rule: string, message: string) => {
    if (!ok) found.push(violation(rule, 'monitoring', message));
  };
  need(
    alarmOn('RunningTaskCount', (a) => text(a.body['dimensions']).includes('worker')),
    'worker-alarm',
    'no alarm on the worker service running fewer tasks than it should',
  );
  need(alarmOn('StatementQueueFailed'), 'worker-alarm', 'no alarm on failed statement jobs');
  need(alarmOn('StatementQueueWaiting'), 'queue-alarm', "no alarm on the statement queue's depth");
  // A filter names its metric literally or by the key of a literal for_each map.
  const filtered = ofType(resources, 'aws_cloudwatch_log_metric_filter').flatMap((f) =>
    blocks(f.body, 'metric_transformation').flatMap((t) =>
      t['name'] === '${each.key}'
        ? Object.keys(blocks(f.body, 'for_each')[0] ?? {})
        : strings(t['name']),
    ),
  );
  for (const metric of ['StatementQueueWaiting', 'StatementQueueFailed']) {
    need(
      filtered.includes(metric),
      'queue-alarm',
      `no metric filter makes ${metric} from the worker's log`,
    );
  }
  const deploymentRules = ofType(resources, 'aws_cloudwatch_event_rule').filter((r) =>
    text(r.body['event_pattern']).includes('SERVICE_DEPLOYMENT_FAILED'),
  );
  need(
    deploymentRules.some((rule) =>
      ofType(resources, 'aws_cloudwatch_event_target').some(
        (t) =>
          text(t.body['rule']).includes(`aws_cloudwatch_event_rule.${label(rule)}.`) &&
          text(t.body['arn']).includes('aws_sns_topic.'),
      ),
    ),
    'deployment-alarm',
    'failed ECS deployments (SERVICE_DEPLOYMENT_FAILED) reach no SNS topic',
  );
  return found;
}

/**
 * Every byte_match_statement below a WAF statement, with its search string; a `dynamic`
 * block's content counts once per string of its literal for_each list.
 */
const byteMatches = (value: HclValue | undefined): HclBody[] => {
  if (Array.isArray(value)) return value.flatMap(byteMatches);
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value['for_each']) && value['content'] !== undefined) {
    const each = strings(value['for_each']);
    return byteMatches(value['content']).flatMap((match) =>
      isExpression(match['search_string'])
        ? each.map((path) => ({ ...match, search_string: path }))
        : [match],
    );
  }
  const own = blocks(value, 'byte_match_statement');
  return [...own, ...Object.values(value).flatMap(byteMatches)];
};

const has = (value: HclValue | undefined, key: string): boolean => {
  if (Array.isArray(value)) return value.some((v) => has(v, key));
  if (value === null || typeof value !== 'object') return false;
  return key in value || Object.values(value).some((v) => has(v, key));
};

/** The web ACL's rules, static and from `dynamic "rule"` blocks. */
const wafRules = (acl: TfResource): HclBody[] => [
  ...blocks(acl.body, 'rule'),
  ...blocks(acl.body, 'dynamic').flatMap((d) =>
    blocks(d, 'rule').flatMap((r) =>
      blocks(r, 'content').map((content) => ({ ...content, for_each: r['for_each'] ?? null })),
    ),
  ),
];

/**
 * The production edge (issue 16, gap 3): a WAFv2 web ACL on the load balancer with AWS
 * managed rules, a rate-based rule on both sign-in routes and the admin allowlist; access
 * logs to S3; a listener rule that never forwards /metrics.
 */
export function checkProductionEdge(resources: TfResource[]): Violation[] {
  const found: Violation[] = [];
  const need = (ok: boolean, rule: string, message: string) => {
    if (!ok) found.push(violation(rule, 'load balancer', message));
  };
  const lbs = ofType(resources, 'aws_lb');
  const acls = ofType(resources, 'aws_wafv2_web_acl');
  const associated = acls.filter((acl) =>
    ofType(resources, 'aws_wafv2_web_acl_association').some(
      (a) =>
        text(a.body['web_acl_arn']).includes(`aws_wafv2_web_acl.${label(acl)}.`) &&
        lbs.some((lb) => text(a.body['resource_arn']).includes(`aws_lb.${label(lb)}.`)),
    ),
  );
  need(associated.length > 0, 'waf', 'no WAFv2 web ACL is associated with the load balancer');
  const rules = associated.flatMap(wafRules);

  const managed = rules
    .filter((r) => has(r['statement'], 'managed_rule_group_statement'))
    .flatMap((r) => {
      const names = blocks(r, 'statement')
        .flatMap((s) => blocks(s, 'managed_rule_group_statement'))
        .map((m) => m['name']);
      // A dynamic block names its groups through for_each.
      return names.some((n) => typeof n === 'string' && n.includes('${'))
        ? strings(r['for_each'])
        : strings(names);
    });
  need(
    managed.includes('AWSManagedRulesCommonRuleSet'),
    'waf',
    'the web ACL does not use the AWS managed rules (AWSManagedRulesCommonRuleSet)',
  );

  const rateRules = rules.filter((r) => has(r['statement'], 'rate_based_statement'));
  const rateLimited = rateRules.flatMap((r) =>
    byteMatches(r['statement']).map((b) => b['search_string']),
  );
  for (const path of ['/api/v1/auth/login', '/api/v1/admin/auth/login']) {
    need(rateLimited.includes(path), 'waf-rate', `no rate-based rule covers ${path}`);
  }

  const adminRules = rules.filter(
    (r) =>
      has(r['statement'], 'ip_set_reference_statement') &&
      has(r['statement'], 'not_statement') &&
      has(r['action'], 'block'),
  );
  const adminPaths = adminRules.flatMap((r) =>
    byteMatches(r['statement']).map((b) => b['search_string']),
  );
  for (const path of ['/admin', '/api/v1/admin/']) {
    need(
      adminPaths.includes(path),
      'admin-allowlist',
      `${path} is not blocked for addresses outside the admin allowlist`,
    );
  }
  need(
    adminRules.some((r) =>
      ofType(resources, 'aws_wafv2_ip_set').some((set) =>
        text(r['statement']).includes(`aws_wafv2_ip_set.${label(set)}.`),
      ),
    ),
    'admin-allowlist',
    'the admin rule refers to no WAF IP set (the admin allowlist)',
  );
  need(
    lbs.length > 0 &&
      lbs.every((lb) => blocks(lb.body, 'access_logs').some((l) => l['enabled'] === true)),
    'access-logs',
    'the load balancer does not write access logs to S3',
  );

  need(
    ofType(resources, 'aws_lb_listener_rule').some(
      (r) =>
        blocks(r.body, 'condition').some((c) =>
          blocks(c, 'path_pattern').some((p) => strings(p['values']).includes('/metrics')),
        ) && blocks(r.body, 'action').every((a) => a['type'] === 'fixed-response'),
    ),
    'metrics-private',
    'no listener rule keeps /metrics from being forwarded from outside',
  );
  return found;
}

const APP_SECRETS = [
  'DATABASE_URL',
  'REDIS_URL',
  'SECRET_KEY',
  'PIN_PEPPER',
  'CARD_HASH_KEY',
  'ADMIN_TOTP_KEY',
];

/**
 * Least privilege (issue 16, gap 4): RDS manages the owner's password (nothing connects
 * with it but the migrate task), each task family gets only the secrets its process
 * reads, and each family's execution role may fetch only those.
 *
 * `secretNames` is the ecs module's `local.secret_names`: family => names.
 */
export function checkLeastPrivilege(
  resources: TfResource[],
  secretNames: HclValue | undefined,
): Violation[] {
  const found: Violation[] = [];
  for (const db of ofType(resources, 'aws_db_instance')) {
    if (db.body['manage_master_user_password'] !== true || db.body['password'] !== undefined) {
      found.push(
        violation(
          'database-owner',
          whereOf(db),
          'the master password must be managed by RDS (manage_master_user_password = true, no password)',
        ),
      );
    }
  }
  const families =
    secretNames !== null && typeof secretNames === 'object' && !Array.isArray(secretNames)
      ? Object.fromEntries(Object.entries(secretNames).map(([k, v]) => [k, strings(v)]))
      : {};
  const want: Record<string, (names: string[]) => string | undefined> = {
    app: (names) =>
      APP_SECRETS.every((n) => names.includes(n))
        ? undefined
        : `app must read ${APP_SECRETS.join(', ')}`,
    worker: (names) =>
      [...names].sort().join(',') === 'DATABASE_URL,REDIS_URL'
        ? undefined
        : `the worker reads DATABASE_URL and REDIS_URL only, not ${names.join(', ')}`,
    migrate: (names) =>
      names.some((n) => n !== 'APP_DATABASE_PASSWORD')
        ? `the migrate task reads the owner's credentials and APP_DATABASE_PASSWORD only, not ${names.join(', ')}`
        : undefined,
  };
  for (const [family, check] of Object.entries(want)) {
    const names = families[family];
    const problem = names === undefined ? `no secret list for ${family}` : check(names);
    if (problem !== undefined) found.push(violation('secrets-per-container', 'ecs', problem));
  }
  const executionRoles = ofType(resources, 'aws_iam_role').filter((r) =>
    /execution/.test(label(r)),
  );
  if (
    executionRoles.length === 0 ||
    executionRoles.some((r) => !text(r.body['for_each']).includes('secret_names'))
  ) {
    found.push(
      violation(
        'secrets-per-container',
        'ecs',
        'one execution role must exist per task family (for_each over local.secret_names)',
      ),
    );
  }
  const readers = ofType(resources, 'data.aws_iam_policy_document').filter((d) =>
    statements(d).some((s) => strings(s['actions']).includes('secretsmanager:GetSecretValue')),
  );
  for (const reader of readers) {
    for (const s of statements(reader)) {
      if (text(s['resources']).includes('values(var.secret_arns)')) {
        found.push(
          violation(
            'secrets-per-container',
            whereOf(reader),
            'an execution role may read every secret; give each family only its own',
          ),
        );
      }
    }
  }
  return found;
}
