import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { type AppConfig } from '../config';
import { buildDataSourceOptions, type DatabaseTarget, MIGRATIONS } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';

export interface DatabaseRuntime {
  engine: 'postgres' | 'pglite';
  target: DatabaseTarget;
  /** Stops the embedded engine if this process started it. */
  close(): Promise<void>;
}

export function embeddedDirectories(dataDir: string): { dataDir: string; runDir: string } {
  return { dataDir: join(dataDir, 'pglite'), runDir: join(dataDir, 'run') };
}

/**
 * Where this process's database is. With DATABASE_URL, that server. Without it, the
 * embedded PGlite under DATA_DIR: the HTTP server owns it (and serves it on a socket);
 * the CLI and other tools connect to that socket while the server runs, and otherwise
 * open the directory themselves for the duration of the command.
 */
export async function openDatabase(
  config: AppConfig,
  role: 'server' | 'tool',
): Promise<DatabaseRuntime> {
  if (config.databaseUrl) {
    return {
      engine: 'postgres',
      target: { url: config.databaseUrl },
      close: async () => undefined,
    };
  }
  const directories = embeddedDirectories(config.dataDir);
  const running = EmbeddedPostgres.findRunning(directories.dataDir);
  if (running) {
    if (role === 'server') {
      throw new Error(
        `Another ATM server already uses the embedded database in ${config.dataDir}; stop it or set DATA_DIR`,
      );
    }
    return { engine: 'pglite', target: running, close: async () => undefined };
  }
  const embedded = await EmbeddedPostgres.start(directories);
  return { engine: 'pglite', target: embedded.target, close: () => embedded.stop() };
}

async function withMigrationSource<T>(
  target: DatabaseTarget,
  work: (source: DataSource) => Promise<T>,
): Promise<T> {
  const source = new DataSource(
    buildDataSourceOptions(target, { poolSize: 1, applicationName: 'atm-migrate' }),
  );
  await source.initialize();
  try {
    return await work(source);
  } finally {
    await source.destroy();
  }
}

/** Applies pending migrations, each in its own transaction; answers their names. */
export function runMigrations(target: DatabaseTarget): Promise<string[]> {
  return withMigrationSource(target, async (source) => {
    const applied = await source.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  });
}

/**
 * The migrations this database has not applied, by name, read without writing anything
 * (TypeORM's own check creates its table, which a read must not).
 */
export function pendingMigrations(target: DatabaseTarget): Promise<string[]> {
  return withMigrationSource(target, async (source) => {
    const tableName = source.options.migrationsTableName ?? 'migrations';
    const [{ present }] = await source.query<[{ present: boolean }]>(
      'SELECT to_regclass($1) IS NOT NULL AS present',
      [tableName],
    );
    const applied = present
      ? new Set(
          (await source.query<{ name: string }[]>(`SELECT name FROM "${tableName}"`)).map(
            (row) => row.name,
          ),
        )
      : new Set<string>();
    return MIGRATIONS.map((Migration) => new Migration().name).filter((name) => !applied.has(name));
  });
}

export function revertLastMigration(target: DatabaseTarget): Promise<void> {
  return withMigrationSource(target, (source) => source.undoLastMigration({ transaction: 'each' }));
}
