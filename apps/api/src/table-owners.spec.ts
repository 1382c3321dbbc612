import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MONEY_PATH_TABLES } from './transactions';

/** Each table and the module (folder under apps/api/src) that reads and writes it. */
const OWNERS: Record<string, string> = {
  accounts: 'accounts',
  admin_idempotency_records: 'admin',
  admin_login_attempts: 'admin',
  admin_sessions: 'admin',
  admin_users: 'admin',
  atm_settings: 'maintenance',
  audit_events: 'audit',
  cards: 'auth',
  customers: 'accounts',
  daily_limit_usage: 'transactions',
  deposit_holds: 'transactions',
  idempotency_records: 'transactions',
  ledger_entries: 'transactions',
  ledger_transactions: 'transactions',
  note_cassettes: 'transactions',
  sessions: 'auth',
  statements: 'statements',
  unknown_card_attempts: 'auth',
};

/**
 * The money path's files (transactions/money-path-tables.ts): they move money in one
 * transaction, so they touch the MONEY_PATH_TABLES directly whoever owns them.
 */
const MONEY_PATH_FILES = [
  'transactions/cash.service.ts',
  'transactions/ledger-writer.ts',
  'transactions/money-movements.service.ts',
  'transactions/reversals.service.ts',
];

/**
 * Statements that read another module's table inside their own, each for a reason: a join
 * that reads a column or two, kept as one statement rather than a second round trip.
 */
const EXCEPTIONS: Array<{ file: string; table: string; reason: string }> = [
  {
    file: 'auth/cards.service.ts',
    table: 'customers',
    reason: "the sign-in's card read joins the holder's name: asking accounts adds a round trip",
  },
  {
    file: 'statements/statement-store.ts',
    table: 'accounts',
    reason: "a statement's download joins the account number for the file name",
  },
  {
    file: 'transactions/ledger.repository.ts',
    table: 'accounts',
    reason: 'counterparty numbers, the owner check, and the available balance (holds)',
  },
  {
    file: 'transactions/receipt.service.ts',
    table: 'accounts',
    reason: 'the receipt joins the account numbers and type it prints',
  },
];

const SRC = __dirname;
const MIGRATIONS = join(SRC, 'database', 'migrations');

/** The non-spec TypeScript files below `dir`, in subfolders too, but not below `skip`. */
function sourceFiles(dir: string, skip?: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === skip ? [] : sourceFiles(path, skip);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** `module table file` for every table a file's SQL names after FROM, JOIN, INTO or UPDATE. */
function tablesTouched(): string[] {
  const found = new Set<string>();
  for (const path of sourceFiles(SRC, MIGRATIONS)) {
    const file = relative(SRC, path).split(sep).join('/');
    const module = file.includes('/') ? file.slice(0, file.indexOf('/')) : '(root)';
    const sql = readFileSync(path, 'utf8');
    for (const match of sql.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+([a-z_]+)\b/g)) {
      const table = match[1];
      if (table && table in OWNERS) found.add(`${module} ${table} ${file}`);
    }
  }
  return [...found].sort();
}

function allowed(touch: string): boolean {
  const [module, table, file] = touch.split(' ') as [string, string, string];
  if (OWNERS[table] === module) return true;
  if (MONEY_PATH_FILES.includes(file) && (MONEY_PATH_TABLES as readonly string[]).includes(table))
    return true;
  return EXCEPTIONS.some((e) => e.file === file && e.table === table);
}

describe('table owners', () => {
  it('names an owner for every table the migrations create', () => {
    const created = new Set<string>();
    for (const path of sourceFiles(MIGRATIONS)) {
      const sql = readFileSync(path, 'utf8');
      for (const match of sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)/g)) {
        if (match[1]) created.add(match[1]);
      }
    }
    expect([...created].sort()).toEqual(Object.keys(OWNERS).sort());
  });

  it('finds the SQL it checks (the scan is not blind)', () => {
    expect(tablesTouched()).toContain('accounts accounts accounts/accounts.repository.ts');
  });

  it('touches each table only from its owning module, the money path and the listed exceptions', () => {
    expect(tablesTouched().filter((touch) => !allowed(touch))).toEqual([]);
  });

  it('lists no exception that is no longer needed', () => {
    const touched = tablesTouched();
    const stale = EXCEPTIONS.filter(
      (e) => !touched.some((touch) => touch.endsWith(` ${e.table} ${e.file}`)),
    );
    expect(stale).toEqual([]);
  });
});
