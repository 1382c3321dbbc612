import 'reflect-metadata';
import { loadConfigOrExit } from './config';
import { openDatabase, revertLastMigration, runMigrations } from './database';

/** `npm run migrate` applies pending migrations; `npm run migrate:revert` undoes the last. */
async function main(): Promise<void> {
  // Only the database and Redis credentials reach this process in production.
  const config = loadConfigOrExit({ secrets: 'unused' });
  const revert = process.argv.includes('--revert');
  const database = await openDatabase(config, 'tool');
  try {
    if (revert) {
      await revertLastMigration(database.target);
      process.stdout.write('Reverted the last migration\n');
    } else {
      const applied = await runMigrations(database.target);
      process.stdout.write(
        applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'The schema is up to date\n',
      );
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
