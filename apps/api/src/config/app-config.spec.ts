import { ConfigError, DEVELOPMENT_SECRETS, loadConfig } from './app-config';

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
    const secret = 'x'.repeat(40);
    const config = loadConfig({
      NODE_ENV: 'production',
      SECRET_KEY: secret,
      PIN_PEPPER: `${secret}p`,
      CARD_HASH_KEY: `${secret}c`,
      ADMIN_TOTP_KEY: `${secret}t`,
      STATEMENT_S3_BUCKET: 'statements',
    });
    expect(config.isProduction).toBe(true);
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
