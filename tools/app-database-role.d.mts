import { type Client } from 'pg';

/** Creates or updates the application's DML-only role (see app-database-role.mjs). */
export function grantAppDatabaseRole(
  client: Client,
  role: { database: string; user: string; password: string },
): Promise<void>;
