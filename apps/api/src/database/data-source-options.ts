import { type DataSourceOptions } from 'typeorm';
import { type PgConnectionTarget } from './embedded-postgres';
import { InitialSchema1732000000000 } from './migrations/1732000000000-initial-schema';
import { StatementClaims1733000000000 } from './migrations/1733000000000-statement-claims';
import { NoteCassetteSlots1734000000000 } from './migrations/1734000000000-note-cassette-slots';
import { CardPinAttemptDecay1734000000001 } from './migrations/1734000000001-card-pin-attempt-decay';
import { MoneyFunctions1735000000000 } from './migrations/1735000000000-money-functions';
import { AdminConsole1735100000000 } from './migrations/1735100000000-admin-console';
import { StatementLanguage1735150000000 } from './migrations/1735150000000-statement-language';
import { OverdraftProtection1736100000000 } from './migrations/1736100000000-overdraft-protection';

/** Every migration, in order. Schema changes are migrations only (synchronize is off). */
export const MIGRATIONS = [
  InitialSchema1732000000000,
  StatementClaims1733000000000,
  NoteCassetteSlots1734000000000,
  CardPinAttemptDecay1734000000001,
  MoneyFunctions1735000000000,
  AdminConsole1735100000000,
  StatementLanguage1735150000000,
  OverdraftProtection1736100000000,
];

export type DatabaseTarget = { url: string } | PgConnectionTarget;

/**
 * TypeORM over `pg` for both engines: a real server by URL, or the embedded PGlite through
 * its socket. Connection timeouts are short so that a database that is down answers 503
 * quickly instead of holding requests.
 */
export function buildDataSourceOptions(
  target: DatabaseTarget,
  options: { poolSize: number; applicationName: string },
): DataSourceOptions {
  return {
    type: 'postgres',
    ...('url' in target
      ? { url: target.url }
      : { host: target.host, port: target.port, username: target.user, database: target.database }),
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    entities: [],
    logging: false,
    poolSize: options.poolSize,
    applicationName: options.applicationName,
    connectTimeoutMS: 3000,
    extra: {
      // Fail fast when no connection can be had (database down or pool exhausted).
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30000,
      // Long statements are bugs; never hold a row lock for ever.
      statement_timeout: 15000,
      // A request waiting on another's idempotency key gives up with 409 after this.
      lock_timeout: 5000,
      idle_in_transaction_session_timeout: 30000,
    },
  };
}
