// The database module's public surface: other modules import from here, never a file inside.
export { type DatabaseTarget } from './data-source-options';
export {
  embeddedDirectories,
  openDatabase,
  pendingMigrations,
  revertLastMigration,
  runMigrations,
} from './database-runtime';
export { DatabaseModule } from './database.module';
export { EmbeddedPostgres } from './embedded-postgres';
export { execute, inTransaction, type Queryable, queryRows } from './transaction';
