import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Reads an optional `.env` from the working directory into `process.env` without
 * overriding variables that are already set (the real environment wins).
 */
export function loadDotEnvFile(path = resolve('.env')): void {
  if (existsSync(path)) {
    process.loadEnvFile(path);
  }
}
