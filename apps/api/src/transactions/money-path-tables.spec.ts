import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MONEY_PATH_TABLES } from './money-path-tables';

/** The tables the SQL in these files writes (INSERT, UPDATE, DELETE). */
function tablesWritten(files: string[]): string[] {
  const written = new Set<string>();
  for (const file of files) {
    const sql = readFileSync(file, 'utf8');
    for (const match of sql.matchAll(/\b(?:INSERT INTO|UPDATE|DELETE FROM)\s+([a-z_]+)/g)) {
      if (match[1]) written.add(match[1]);
    }
  }
  return [...written].sort();
}

describe('MONEY_PATH_TABLES', () => {
  it('names every table the money path writes, and no other', () => {
    const moduleFiles = readdirSync(__dirname)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
      .filter((name) => name !== 'money-path-tables.ts')
      .map((name) => join(__dirname, name));
    // The migrations that define the money path's database functions (atm_*), and the
    // fragments they are composed from (a fragment that writes a table counts the same).
    const migrations = join(__dirname, '../database/migrations');
    const moneyFunctions = readdirSync(migrations)
      .map((name) => join(migrations, name))
      .filter(
        (file) =>
          file.endsWith('money-path-sql.ts') ||
          /CREATE (OR REPLACE )?FUNCTION atm_/.test(readFileSync(file, 'utf8')),
      );
    expect(moneyFunctions.length).toBeGreaterThan(0);
    expect(tablesWritten([...moduleFiles, ...moneyFunctions])).toEqual([...MONEY_PATH_TABLES]);
  });
});
