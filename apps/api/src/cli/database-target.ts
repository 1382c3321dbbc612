import { isIP } from 'node:net';
import { type AppConfig, DEVELOPMENT_SECRETS } from '../config';

/**
 * What the admin CLI is about to write to, and whether it may: an administrator must see
 * which database a command changes, and the development secrets (published in the code)
 * must never hash PINs or card numbers into a database that is not on this machine.
 */

interface UrlTarget {
  host: string;
  database: string;
}

/** Host (or Unix socket directory) and database of a postgres:// URL, never its credentials. */
export function parseDatabaseUrl(databaseUrl: string): UrlTarget {
  const url = new URL(databaseUrl);
  // libpq's `?host=` wins over the authority, and is how a Unix socket directory is named.
  const queryHost = url.searchParams.get('host');
  const authorityHost = decodeURIComponent(url.hostname);
  const host = queryHost ?? (authorityHost === '' ? 'localhost' : authorityHost);
  const database =
    decodeURIComponent(url.pathname.replace(/^\//, '')) || url.username || 'postgres';
  return { host: url.port && queryHost === null ? `${host}:${url.port}` : host, database };
}

/** The line the CLI prints before it writes: `host/database`, or `embedded`. */
export function describeTarget(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): string {
  if (config.databaseUrl === undefined) return `embedded (${config.dataDir})`;
  const target = parseDatabaseUrl(config.databaseUrl);
  return `${target.host}/${target.database}`;
}

/** 127.0.0.0/8, ::1, localhost or a Unix socket path: a database on this machine. */
export function isLoopbackHost(hostWithPort: string): boolean {
  if (hostWithPort.startsWith('/')) return true;
  const host = hostWithPort
    .replace(/^\[(.*)\](:\d+)?$/, '$1')
    .replace(/^([^:]*):\d+$/, '$1')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^::ffff:127\./.test(host);
  return false;
}

const SECRET_VARIABLES = {
  SECRET_KEY: 'secretKey',
  PIN_PEPPER: 'pinPepper',
  CARD_HASH_KEY: 'cardHashKey',
  ADMIN_TOTP_KEY: 'adminTotpKey',
} as const satisfies Record<keyof typeof DEVELOPMENT_SECRETS, keyof AppConfig>;

/**
 * Why the CLI must not touch this database, in one line, or undefined: the development
 * secrets in use (unset, or set to the published values) with a DATABASE_URL that is
 * not on loopback.
 */
export function developmentSecretsRefusal(
  config: Pick<
    AppConfig,
    'databaseUrl' | 'secretKey' | 'pinPepper' | 'cardHashKey' | 'adminTotpKey'
  >,
): string | undefined {
  if (config.databaseUrl === undefined) return undefined;
  const target = parseDatabaseUrl(config.databaseUrl);
  if (isLoopbackHost(target.host)) return undefined;
  const names = (Object.keys(SECRET_VARIABLES) as (keyof typeof SECRET_VARIABLES)[]).filter(
    (name) => config[SECRET_VARIABLES[name]] === DEVELOPMENT_SECRETS[name],
  );
  if (names.length === 0) return undefined;
  return `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} the development default while DATABASE_URL (${target.host}/${target.database}) is not on this machine: set the real secrets`;
}
