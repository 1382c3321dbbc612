import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createHttpApp } from './bootstrap';
import { loadConfigOrExit } from './config';
import { AdminUsersService, SeedService, BankAdminService } from './admin';
import { openDatabase, runMigrations } from './database';
import { gracefulShutdown } from './graceful-shutdown';

/**
 * The HTTP server. Outside production it migrates and seeds the demo data into an empty
 * database, on either engine, so that `npm start` alone gives a working ATM. In production
 * migrations are a one-shot task of their own and nothing is seeded.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = new Logger('Main');
  const database = await openDatabase(config, 'server');
  try {
    if (!config.isProduction) {
      const applied = await runMigrations(database.target);
      if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
    }
    const app = await createHttpApp({ config, database: database.target });
    if (!config.isProduction && (await app.get(BankAdminService).customerCount()) === 0) {
      const report = await app.get(SeedService).seedDemoData('npm-start');
      logger.log(`Seeded the demo data: ${JSON.stringify(report)}`);
    } else if (
      !config.isProduction &&
      (await app.get(AdminUsersService).ensureDemoAdmin({ actor: 'npm-start' }))
    ) {
      // A database seeded before admins existed gets the demo admin too.
      logger.log('Added the demo admin');
    }
    await app.listen({ port: config.port, host: config.host });
    logger.log(
      `ATM listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
    );

    const shutdown = gracefulShutdown(app, () => database.close(), logger);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.on(signal, () => void shutdown(signal).then((code) => process.exit(code)));
    }
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    await database.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();
