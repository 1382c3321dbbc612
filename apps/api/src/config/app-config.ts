import { z } from 'zod';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * The one typed configuration of every entry point (HTTP server, worker, CLI), parsed once
 * from the environment. A bad value stops the process with one line naming the variable.
 */

export const DEVELOPMENT_SECRETS = {
  SECRET_KEY: 'dev-only-secret-key-change-me-0123456789abcdef',
  PIN_PEPPER: 'dev-only-pin-pepper-change-me-0123456789abcdef',
  CARD_HASH_KEY: 'dev-only-card-hash-key-change-me-0123456789ab',
  ADMIN_TOTP_KEY: 'dev-only-admin-totp-key-change-me-0123456789',
} as const;

const positiveInt = (fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be an integer >= 1')
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n) && n >= 1, 'must be an integer >= 1')
    .optional()
    .transform((n) => n ?? fallback);

const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'));

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const isValidTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const CIDR = /^(\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?|[0-9a-fA-F:]+(\/\d{1,3})?)$/;

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional().default('development'),
  PORT: z
    .string()
    .regex(/^\d+$/, 'must be a port number')
    .transform(Number)
    .refine((n) => n >= 0 && n <= 65535, 'must be a port number')
    .optional()
    .transform((n) => n ?? 8000),
  HOST: optionalText.transform((v) => v ?? '0.0.0.0'),
  DATABASE_URL: optionalText.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    'must be a postgres:// URL',
  ),
  DATA_DIR: optionalText.transform((v) => v ?? '.data'),
  REDIS_URL: optionalText.refine(
    (v) => v === undefined || /^rediss?:\/\//.test(v),
    'must be a redis:// or rediss:// URL',
  ),
  SECRET_KEY: optionalText,
  PIN_PEPPER: optionalText,
  CARD_HASH_KEY: optionalText,
  ADMIN_TOTP_KEY: optionalText,
  ADMIN_TOTP_REQUIRED: z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .optional(),
  ADMIN_ALLOWLIST: optionalText.refine(
    (v) => v === undefined || v.split(',').every((part) => CIDR.test(part.trim())),
    'must be a comma-separated list of IP addresses or CIDR ranges',
  ),
  STATEMENT_RETENTION_DAYS: positiveInt(30),
  SESSION_TIMEOUT_SECONDS: positiveInt(120),
  SESSION_MAX_SECONDS: positiveInt(900),
  MAX_FAILED_PIN_ATTEMPTS: positiveInt(3),
  LOCKOUT_DURATION_SECONDS: positiveInt(1800),
  DAILY_WITHDRAWAL_LIMIT: positiveInt(50000),
  DAILY_TRANSFER_LIMIT: positiveInt(250000),
  WITHDRAWAL_MULTIPLE_CENTS: positiveInt(2000),
  MAX_DEPOSIT_CENTS: positiveInt(1000000),
  ATM_TIMEZONE: optionalText
    .transform((v) => v ?? 'UTC')
    .refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York'),
  LOGIN_RATE_LIMIT_PER_MINUTE: positiveInt(20),
  API_RATE_LIMIT_PER_MINUTE: positiveInt(600),
  STATEMENT_OUTPUT_DIR: optionalText,
  STATEMENT_S3_BUCKET: optionalText,
  STATEMENT_S3_ENDPOINT: optionalText,
  STATEMENT_S3_REGION: optionalText,
  STATEMENT_WORKER_CONCURRENCY: positiveInt(2),
  FRONTEND_ENABLED: booleanFlag(true),
  METRICS_ENABLED: booleanFlag(false),
  METRICS_GUARD: z
    .enum(['secret', 'cidr'], { message: 'must be secret or cidr' })
    .optional()
    .default('secret'),
  METRICS_GUARD_SECRET: optionalText,
  METRICS_GUARD_ALLOWLIST: optionalText.refine(
    (v) => v === undefined || v.split(',').every((part) => CIDR.test(part.trim())),
    'must be a comma-separated list of IP addresses or CIDR ranges',
  ),
  CORS_ORIGINS: optionalText.refine(
    (v) => v === undefined || v.split(',').every((o) => /^https?:\/\/[^\s/]+$/.test(o.trim())),
    'must be a comma-separated list of origins such as https://atm.example.com',
  ),
  TRUST_PROXY: optionalText
    .transform((v) => v ?? 'loopback')
    .refine(
      (v) =>
        /^\d+$/.test(v) ||
        v === 'true' ||
        v === 'false' ||
        v
          .split(',')
          .map((p) => p.trim())
          .every((p) => ['loopback', 'linklocal', 'uniquelocal'].includes(p) || CIDR.test(p)),
      'must be a hop count, true/false, or a comma-separated list of CIDRs',
    ),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .optional()
    .default('info'),
  DB_POOL_SIZE: positiveInt(20),
});

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  secretKey: string;
  pinPepper: string;
  cardHashKey: string;
  /** Encrypts admins' TOTP secrets at rest (AES-256-GCM, key derived from this value). */
  adminTotpKey: string;
  /** Whether an admin without a TOTP secret may not sign in at all. */
  adminTotpRequired: boolean;
  /** Networks allowed to reach /admin and /api/v1/admin/ (empty: everyone). */
  adminAllowlist: string[];
  statementRetentionDays: number;
  sessionTimeoutSeconds: number;
  sessionMaxSeconds: number;
  maxFailedPinAttempts: number;
  lockoutDurationSeconds: number;
  dailyWithdrawalLimitCents: number;
  dailyTransferLimitCents: number;
  withdrawalMultipleCents: number;
  maxDepositCents: number;
  atmTimeZone: string;
  loginRateLimitPerMinute: number;
  apiRateLimitPerMinute: number;
  statementOutputDir: string;
  statementS3Bucket: string | undefined;
  statementS3Endpoint: string | undefined;
  statementS3Region: string | undefined;
  statementWorkerConcurrency: number;
  frontendEnabled: boolean;
  metrics: {
    enabled: boolean;
    guard: 'secret' | 'cidr';
    secret: string | undefined;
    allowlist: string[];
  };
  corsOrigins: string[];
  trustProxy: boolean | number | string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  dbPoolSize: number;
}

/** Thrown for a configuration the process must not run with; its message is one line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const SECRET_NAMES = ['SECRET_KEY', 'PIN_PEPPER', 'CARD_HASH_KEY', 'ADMIN_TOTP_KEY'] as const;
const MIN_SECRET_LENGTH = 32;

/**
 * Secret values published anywhere (the development defaults in this file; .env.example,
 * docker/.env.example and README.md document none, and a unit test keeps it so): an
 * attacker knows them, so production refuses them.
 */
export const DOCUMENTED_SECRET_DEFAULTS: ReadonlySet<string> = new Set(
  Object.values(DEVELOPMENT_SECRETS),
);

type SecretName = (typeof SECRET_NAMES)[number];

/**
 * The contract's production secret rule, checked in order: set, at least 32 characters,
 * not one repeated character, not a documented default, pairwise different. Answers one
 * line naming the variable(s) that break the first rule broken, or undefined.
 */
export function productionSecretProblem(
  secrets: Partial<Record<SecretName, string | undefined>>,
): string | undefined {
  const named = (test: (value: string) => boolean): SecretName[] =>
    SECRET_NAMES.filter((name) => {
      const value = secrets[name];
      return value !== undefined && test(value);
    });
  const missing = SECRET_NAMES.filter((name) => secrets[name] === undefined);
  if (missing.length > 0)
    return `${missing.join(', ')} must be set to a non-default secret in production`;
  const short = named((value) => value.length < MIN_SECRET_LENGTH);
  if (short.length > 0)
    return `${short.join(', ')} must be at least ${MIN_SECRET_LENGTH} characters in production`;
  const repeated = named((value) => new Set(value).size === 1);
  if (repeated.length > 0)
    return `${repeated.join(', ')} must not be one repeated character in production`;
  const published = named((value) => DOCUMENTED_SECRET_DEFAULTS.has(value));
  if (published.length > 0)
    return `${published.join(', ')} must be set to a non-default secret in production (this value is published)`;
  for (const [index, first] of SECRET_NAMES.entries()) {
    const twin = SECRET_NAMES.slice(index + 1).find((other) => secrets[other] === secrets[first]);
    if (twin !== undefined) return `${first} and ${twin} must be different secrets in production`;
  }
  return undefined;
}

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((p) => p.trim());
}

/**
 * What the process that loads the configuration does with the signing, hashing and admin
 * secrets. The statement worker and the migrations never read them, so in production they
 * are given only the database and Redis credentials (least privilege) and must not demand
 * the others.
 */
export interface LoadConfigOptions {
  secrets?: 'required' | 'unused';
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  options: LoadConfigOptions = {},
): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${messages.join('; ')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';

  if (isProduction && options.secrets !== 'unused') {
    const secretProblem = productionSecretProblem(e);
    if (secretProblem !== undefined)
      throw new ConfigError(`Invalid configuration: ${secretProblem}`);
  }
  if (isProduction) {
    if (e.ADMIN_TOTP_REQUIRED === 'false' || e.ADMIN_TOTP_REQUIRED === '0') {
      throw new ConfigError(
        'Invalid configuration: ADMIN_TOTP_REQUIRED must not be false in production',
      );
    }
    // Local files neither survive a task nor are shared between tasks.
    if (e.STATEMENT_S3_BUCKET === undefined) {
      throw new ConfigError('Invalid configuration: STATEMENT_S3_BUCKET must be set in production');
    }
  }
  if (e.SESSION_TIMEOUT_SECONDS > e.SESSION_MAX_SECONDS) {
    throw new ConfigError(
      'Invalid configuration: SESSION_TIMEOUT_SECONDS must not exceed SESSION_MAX_SECONDS',
    );
  }
  if (e.METRICS_ENABLED && e.METRICS_GUARD === 'secret' && e.METRICS_GUARD_SECRET === undefined) {
    throw new ConfigError(
      'Invalid configuration: METRICS_GUARD_SECRET must be set when METRICS_ENABLED=true and METRICS_GUARD=secret',
    );
  }
  if (e.METRICS_ENABLED && e.METRICS_GUARD === 'cidr' && e.METRICS_GUARD_ALLOWLIST === undefined) {
    throw new ConfigError(
      'Invalid configuration: METRICS_GUARD_ALLOWLIST must be set when METRICS_ENABLED=true and METRICS_GUARD=cidr',
    );
  }

  const dataDir = resolve(e.DATA_DIR);
  const statementOutputDir = e.STATEMENT_OUTPUT_DIR
    ? isAbsolute(e.STATEMENT_OUTPUT_DIR)
      ? e.STATEMENT_OUTPUT_DIR
      : resolve(e.STATEMENT_OUTPUT_DIR)
    : join(dataDir, 'statements');

  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    redisUrl: e.REDIS_URL,
    secretKey: e.SECRET_KEY ?? DEVELOPMENT_SECRETS.SECRET_KEY,
    pinPepper: e.PIN_PEPPER ?? DEVELOPMENT_SECRETS.PIN_PEPPER,
    cardHashKey: e.CARD_HASH_KEY ?? DEVELOPMENT_SECRETS.CARD_HASH_KEY,
    adminTotpKey: e.ADMIN_TOTP_KEY ?? DEVELOPMENT_SECRETS.ADMIN_TOTP_KEY,
    adminTotpRequired:
      e.ADMIN_TOTP_REQUIRED === undefined
        ? isProduction
        : e.ADMIN_TOTP_REQUIRED === 'true' || e.ADMIN_TOTP_REQUIRED === '1',
    adminAllowlist: e.ADMIN_ALLOWLIST?.split(',').map((p) => p.trim()) ?? [],
    statementRetentionDays: e.STATEMENT_RETENTION_DAYS,
    sessionTimeoutSeconds: e.SESSION_TIMEOUT_SECONDS,
    sessionMaxSeconds: e.SESSION_MAX_SECONDS,
    maxFailedPinAttempts: e.MAX_FAILED_PIN_ATTEMPTS,
    lockoutDurationSeconds: e.LOCKOUT_DURATION_SECONDS,
    dailyWithdrawalLimitCents: e.DAILY_WITHDRAWAL_LIMIT,
    dailyTransferLimitCents: e.DAILY_TRANSFER_LIMIT,
    withdrawalMultipleCents: e.WITHDRAWAL_MULTIPLE_CENTS,
    maxDepositCents: e.MAX_DEPOSIT_CENTS,
    atmTimeZone: e.ATM_TIMEZONE,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    statementOutputDir,
    statementS3Bucket: e.STATEMENT_S3_BUCKET,
    statementS3Endpoint: e.STATEMENT_S3_ENDPOINT,
    statementS3Region: e.STATEMENT_S3_REGION,
    statementWorkerConcurrency: e.STATEMENT_WORKER_CONCURRENCY,
    frontendEnabled: e.FRONTEND_ENABLED,
    metrics: {
      enabled: e.METRICS_ENABLED,
      guard: e.METRICS_GUARD,
      secret: e.METRICS_GUARD_SECRET,
      allowlist: e.METRICS_GUARD_ALLOWLIST?.split(',').map((p) => p.trim()) ?? [],
    },
    corsOrigins: e.CORS_ORIGINS?.split(',').map((o) => o.trim()) ?? [],
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    dbPoolSize: e.DB_POOL_SIZE,
  };
}
