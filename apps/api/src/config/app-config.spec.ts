import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigError,
  DEVELOPMENT_SECRETS,
  DOCUMENTED_SECRET_DEFAULTS,
  loadConfig,
} from './app-config';

const SECRET_NAMES = ['SECRET_KEY', 'PIN_PEPPER', 'CARD_HASH_KEY', 'ADMIN_TOTP_KEY'] as const;

/** Four distinct, long, random-looking secrets and a bucket: a valid production setup. */
const PRODUCTION: Record<string, string> = {
  NODE_ENV: 'production',
  SECRET_KEY: '7f3c9a1e5b2d8f4a6c0e9b3d7a1f5c2e8b4d6a0f',
  PIN_PEPPER: 'c4e8a2f6b0d4e8a2c6f0b4d8e2a6c0f4b8d2e6a0',
  CARD_HASH_KEY: '1b5f9d3a7e2c6b0f4a8d1e5c9b3f7a2d6e0c4b8f',
  ADMIN_TOTP_KEY: 'e9d3c7b1a5f0e4d8c2b6a0f5e9d3c7b1a6f0e4d8',
  STATEMENT_S3_BUCKET: 'statements',
};

/** The one-line message loadConfig stops with, or a failure when it does not stop. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted the configuration');
}

describe('loadConfig', () => {
  it('uses the contract defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      redisUrl: undefined,
      sessionTimeoutSeconds: 120,
      sessionMaxSeconds: 900,
      maxFailedPinAttempts: 3,
      lockoutDurationSeconds: 1800,
      dailyWithdrawalLimitCents: 50000,
      dailyTransferLimitCents: 250000,
      withdrawalMultipleCents: 2000,
      maxDepositCents: 1000000,
      atmTimeZone: 'UTC',
      loginRateLimitPerMinute: 20,
      apiRateLimitPerMinute: 600,
      frontendEnabled: true,
      trustProxy: ['loopback'],
      logLevel: 'info',
      nodeEnv: 'development',
    });
    expect(config.metrics).toEqual({
      enabled: false,
      guard: 'secret',
      secret: undefined,
      allowlist: [],
    });
    expect(config.statementOutputDir).toMatch(/\.data\/statements$/);
  });

  it.each([
    ['PORT', 'eighty'],
    ['SESSION_TIMEOUT_SECONDS', '0'],
    ['SESSION_TIMEOUT_SECONDS', '1.5'],
    ['MAX_FAILED_PIN_ATTEMPTS', '-3'],
    ['ATM_TIMEZONE', 'Mars/Olympus'],
    ['DATABASE_URL', 'mysql://x'],
    ['FRONTEND_ENABLED', 'yes'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'everyone'],
  ])('refuses %s=%s with one line naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      expect((error as Error).message).toContain(name);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('refuses production without secrets, naming them', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /SECRET_KEY, PIN_PEPPER, CARD_HASH_KEY/,
    );
  });

  it('refuses production with the development secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...DEVELOPMENT_SECRETS })).toThrow(
      /must be set to a non-default secret/,
    );
  });

  it('accepts production with real secrets and a bucket', () => {
    expect(loadConfig(PRODUCTION).isProduction).toBe(true);
  });

  describe.each(SECRET_NAMES)('the production secret %s', (name) => {
    const others = SECRET_NAMES.filter((other) => other !== name);

    it('must be at least 32 characters', () => {
      const message = refusal({ ...PRODUCTION, [name]: PRODUCTION[name]?.slice(0, 31) ?? '' });
      expect(message).toMatch(new RegExp(`^Invalid configuration: ${name} must be at least 32`));
      expect(message).not.toContain('\n');
      expect(
        loadConfig({ ...PRODUCTION, [name]: PRODUCTION[name]?.slice(0, 32) ?? '' }),
      ).toBeTruthy();
    });

    it('must not be one repeated character', () => {
      const message = refusal({ ...PRODUCTION, [name]: 'a'.repeat(40) });
      expect(message).toMatch(
        new RegExp(`^Invalid configuration: ${name} must not be one repeated`),
      );
      expect(message).not.toContain('\n');
    });

    it('must not be a documented default', () => {
      for (const published of DOCUMENTED_SECRET_DEFAULTS) {
        const message = refusal({ ...PRODUCTION, [name]: published });
        expect(message).toMatch(
          new RegExp(`^Invalid configuration: ${name} must be set to a non-default`),
        );
        for (const other of others) expect(message).not.toContain(other);
      }
    });

    it.each(others)('must differ from %s', (other) => {
      const message = refusal({ ...PRODUCTION, [name]: PRODUCTION[other] ?? '' });
      expect(message).toMatch(/^Invalid configuration: \w+ and \w+ must be different secrets/);
      expect(message).toContain(name);
      expect(message).toContain(other);
      expect(message).not.toContain('\n');
    });
  });

  it('refuses PIN_PEPPER = CARD_HASH_KEY = one character repeated (the review finding)', () => {
    const weak = 'a'.repeat(40);
    expect(refusal({ ...PRODUCTION, PIN_PEPPER: weak, CARD_HASH_KEY: weak })).toMatch(
      /PIN_PEPPER, CARD_HASH_KEY must not be one repeated character/,
    );
  });

  it('knows every secret value the documentation publishes', () => {
    const root = join(__dirname, '../../../..');
    const documents = ['.env.example', 'docker/.env.example', 'README.md'].map((file) =>
      readFileSync(join(root, file), 'utf8'),
    );
    for (const text of documents) {
      for (const name of SECRET_NAMES) {
        for (const match of text.matchAll(
          new RegExp(`(?:^|\\s)${name}=[ \\t]*['"]?([^\\s'"]+)`, 'gm'),
        )) {
          expect(DOCUMENTED_SECRET_DEFAULTS).toContain(match[1]);
        }
      }
    }
  });

  it('lets the worker and the migrations run in production with no signing or hashing secret', () => {
    const env = { NODE_ENV: 'production', STATEMENT_S3_BUCKET: 'statements' };
    expect(() => loadConfig(env)).toThrow(/SECRET_KEY/);
    expect(loadConfig(env, { secrets: 'unused' }).isProduction).toBe(true);
    // The other production rules still hold for them.
    expect(() => loadConfig({ NODE_ENV: 'production' }, { secrets: 'unused' })).toThrow(
      /STATEMENT_S3_BUCKET/,
    );
  });

  it('refuses enabled metrics behind a secret guard with no secret', () => {
    expect(() => loadConfig({ METRICS_ENABLED: 'true' })).toThrow(/METRICS_GUARD_SECRET/);
  });

  it('parses lists', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://a.example, https://b.example',
      TRUST_PROXY: '2',
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.trustProxy).toBe(2);
  });
});
