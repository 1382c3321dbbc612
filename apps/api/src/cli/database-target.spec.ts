import { DEVELOPMENT_SECRETS } from '../config';
import {
  describeTarget,
  developmentSecretsRefusal,
  isLoopbackHost,
  parseDatabaseUrl,
} from './database-target';

const developmentSecrets = {
  secretKey: DEVELOPMENT_SECRETS.SECRET_KEY,
  pinPepper: DEVELOPMENT_SECRETS.PIN_PEPPER,
  cardHashKey: DEVELOPMENT_SECRETS.CARD_HASH_KEY,
  adminTotpKey: DEVELOPMENT_SECRETS.ADMIN_TOTP_KEY,
};

describe('the CLI database target', () => {
  it('names host and database without credentials', () => {
    const line = describeTarget({
      databaseUrl: 'postgres://atm:s3cret-password@db.internal:6543/bank?sslmode=require',
      dataDir: '/srv/.data',
    });
    expect(line).toBe('db.internal:6543/bank');
    expect(line).not.toMatch(/s3cret|atm:/);
  });

  it('names the embedded database', () => {
    expect(describeTarget({ databaseUrl: undefined, dataDir: '/srv/.data' })).toBe(
      'embedded (/srv/.data)',
    );
  });

  it('reads a Unix socket directory from ?host=', () => {
    expect(parseDatabaseUrl('postgresql:///bank?host=/var/run/postgresql')).toEqual({
      host: '/var/run/postgresql',
      database: 'bank',
    });
  });

  it.each([
    ['127.0.0.1', true],
    ['127.10.20.30:5432', true],
    ['localhost', true],
    ['LOCALHOST:5432', true],
    ['[::1]:5432', true],
    ['::1', true],
    ['/var/run/postgresql', true],
    ['10.0.0.5', false],
    ['128.0.0.1', false],
    ['db.internal', false],
    ['localhost.evil.example', false],
    ['[2001:db8::1]:5432', false],
  ])('treats %s as loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('refuses the development secrets against a database elsewhere, naming the variables', () => {
    const refusal = developmentSecretsRefusal({
      ...developmentSecrets,
      databaseUrl: 'postgres://atm:pw@db.internal:5432/bank',
      pinPepper: 'a real pepper of more than thirty-two characters',
    });
    expect(refusal).toMatch(
      /^SECRET_KEY, CARD_HASH_KEY, ADMIN_TOTP_KEY are the development default/,
    );
    expect(refusal).not.toContain('PIN_PEPPER');
    expect(refusal).not.toContain('pw');
  });

  it('allows the development secrets on loopback and on the embedded database', () => {
    for (const databaseUrl of [
      'postgres://atm:atm@127.0.0.1:5432/atm',
      'postgres://atm:atm@localhost/atm',
      'postgres://atm:atm@[::1]:5432/atm',
      'postgresql:///atm?host=/var/run/postgresql',
      undefined,
    ]) {
      expect(developmentSecretsRefusal({ ...developmentSecrets, databaseUrl })).toBeUndefined();
    }
  });

  it('allows real secrets anywhere', () => {
    expect(
      developmentSecretsRefusal({
        databaseUrl: 'postgres://atm:pw@db.internal:5432/bank',
        secretKey: 'k'.repeat(20) + 'x'.repeat(20),
        pinPepper: 'p'.repeat(20) + 'x'.repeat(20),
        cardHashKey: 'c'.repeat(20) + 'x'.repeat(20),
        adminTotpKey: 't'.repeat(20) + 'x'.repeat(20),
      }),
    ).toBeUndefined();
  });
});
