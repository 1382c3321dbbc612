import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { userInfo } from 'node:os';
import { ADMIN_ROLES, type AdminRole, formatAccountNumber } from '@atm/contracts';
import { formatCents } from '@atm/money';
import { type INestApplicationContext } from '@nestjs/common';
import { BankAdminService } from '../admin/bank-admin.service';
import { AdminUsersService } from '../admin/identity/admin-users.service';
import { SeedService } from '../admin/seed.service';
import { AuditService } from '../audit/audit.service';
import { CardsService } from '../auth/cards.service';
import { MaintenanceService } from '../maintenance/maintenance.service';
import { CashService } from '../transactions/cash.service';
import { readNewPassword } from './password-input';
import { readNewPin } from './pin-input';

/** Whether a command changes the database; one that does names its target first. */
export type DatabaseAccess = 'read' | 'write';

/**
 * Opens the application context for one command and closes it afterwards. Access defaults
 * to 'write', so that a new command names its target unless it says it only reads.
 */
export type ContextRunner = <T>(
  work: (context: INestApplicationContext) => Promise<T>,
  access?: DatabaseAccess,
) => Promise<T>;

export interface ProgramEnvironment {
  /** NODE_ENV=production: the demo data must never be created there. */
  production: boolean;
}

export interface Output {
  /** Machine-readable output with --json, a human line (or lines) otherwise. */
  result(json: unknown, human: string): void;
}

function positiveInteger(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw new InvalidArgumentError(`${name} must be a whole number`);
    }
    return Number(value);
  };
}

function accountNumber(value: string): string {
  const digits = value.replace(/-/g, '');
  if (!/^\d{12}$/.test(digits))
    throw new InvalidArgumentError('must be 12 digits (dashes allowed)');
  return digits;
}

function cardNumber(value: string): string {
  if (!/^\d{16}$/.test(value)) throw new InvalidArgumentError('must be 16 digits');
  return value;
}

interface GlobalOptions {
  json?: boolean;
  actor?: string;
}

export function buildAdminProgram(
  run: ContextRunner,
  makeOutput: (json: boolean) => Output,
  environment: ProgramEnvironment,
): Command {
  const program = new Command('atm-admin')
    .description('Administer the web ATM: customers, accounts, cards, cash and service state.')
    .option('--json', 'print machine-readable JSON')
    .option('--actor <name>', 'who is acting, for the audit trail (default: the OS user)')
    .showHelpAfterError()
    .exitOverride();

  const globals = (): { output: Output; actor: { actor: string } } => {
    const options = program.opts<GlobalOptions>();
    return {
      output: makeOutput(options.json === true),
      // The contract's CLI actors: `cli:` and --actor, or the OS user.
      actor: { actor: `cli:${options.actor ?? userInfo().username}` },
    };
  };

  program
    .command('seed')
    .description('create the demo customers, accounts, cards and note stock (idempotent)')
    .action(async () => {
      const { output, actor } = globals();
      // Refused before the database is even opened: the demo cards and PINs are published.
      if (environment.production)
        throw new RefusedError(
          'seed is refused in production (NODE_ENV=production): it creates the published demo cards and money',
        );
      const report = await run((ctx) => ctx.get(SeedService).seedDemoData(actor.actor));
      output.result(
        report,
        `Demo data: ${report.customersCreated} customers, ${report.accountsOpened} accounts, ${report.cardsIssued} cards created; ${report.notesLoaded} notes loaded${report.demoAdminCreated ? '; demo admin created' : ''}`,
      );
    });

  const customer = program.command('customer').description('manage customers');
  customer
    .command('create')
    .description('create a customer and print its id')
    .requiredOption('--name <name>', 'full name')
    .option('--email <email>', 'email address')
    .action(async (options: { name: string; email?: string }) => {
      const { output, actor } = globals();
      const id = await run((ctx) => ctx.get(BankAdminService).createCustomer(options, actor));
      output.result({ id }, id);
    });

  const account = program
    .command('account')
    .description('open, freeze, unfreeze and close accounts');
  account
    .command('open')
    .description('open an account; opening money is posted as a ledger entry')
    .requiredOption('--customer <id>', 'customer id')
    .addOption(
      new Option('--type <type>', 'account type')
        .choices(['CHECKING', 'SAVINGS'])
        .makeOptionMandatory(),
    )
    .option(
      '--opening-cents <cents>',
      'opening balance in cents',
      positiveInteger('--opening-cents'),
      0,
    )
    .action(
      async (options: { customer: string; type: 'CHECKING' | 'SAVINGS'; openingCents: number }) => {
        const { output, actor } = globals();
        const opened = await run((ctx) =>
          ctx.get(BankAdminService).openAccount(
            {
              customerId: options.customer,
              type: options.type,
              openingCents: options.openingCents,
            },
            actor,
          ),
        );
        output.result(
          { ...opened, type: options.type, openingCents: options.openingCents },
          `Opened ${options.type} ${formatAccountNumber(opened.number)} (${opened.id}) with ${formatCents(options.openingCents)}`,
        );
      },
    );
  for (const [name, status, verb] of [
    ['freeze', 'FROZEN', 'Froze'],
    ['unfreeze', 'ACTIVE', 'Unfroze'],
    ['close', 'CLOSED', 'Closed'],
  ] as const) {
    account
      .command(name)
      .description(
        name === 'close' ? 'close an account (its balance must be zero)' : `${name} an account`,
      )
      .requiredOption('--number <number>', 'account number', accountNumber)
      .action(async (options: { number: string }) => {
        const { output, actor } = globals();
        const result = await run((ctx) =>
          ctx.get(BankAdminService).setAccountStatus(options.number, status, actor),
        );
        output.result(result, `${verb} account ${formatAccountNumber(result.number)}`);
      });
  }

  const card = program.command('card').description('issue, block and unlock cards');
  card
    .command('issue')
    .description(
      'issue a card; the PIN comes from a hidden prompt or --pin-stdin; the number is printed once',
    )
    .requiredOption('--customer <id>', 'customer id')
    .option(
      '--number <digits>',
      'use this 16-digit card number instead of generating one',
      cardNumber,
    )
    .option('--pin-stdin', 'read the PIN from the first line of standard input')
    .action(async (options: { customer: string; number?: string; pinStdin?: boolean }) => {
      const { output, actor } = globals();
      const pin = await readNewPin(options);
      const issued = await run((ctx) =>
        ctx.get(CardsService).issue(
          {
            customerId: options.customer,
            pin,
            ...(options.number ? { cardNumber: options.number } : {}),
          },
          actor,
        ),
      );
      output.result(
        { cardId: issued.cardId, cardNumber: issued.cardNumber, last4: issued.last4 },
        `Issued card ${issued.cardNumber} (shown once: note it now; afterwards only ••••${issued.last4} is shown)`,
      );
    });
  card
    .command('unlock')
    .description('clear a PIN lockout')
    .requiredOption('--number <digits>', '16-digit card number', cardNumber)
    .action(async (options: { number: string }) => {
      const { output, actor } = globals();
      const result = await run((ctx) => ctx.get(CardsService).unlock(options.number, actor));
      output.result(result, `Unlocked card ••••${result.last4}`);
    });
  card
    .command('block')
    .description('block a card and end its sessions')
    .requiredOption('--number <digits>', '16-digit card number', cardNumber)
    .action(async (options: { number: string }) => {
      const { output, actor } = globals();
      const result = await run((ctx) => ctx.get(CardsService).block(options.number, actor));
      output.result(
        result,
        `Blocked card ••••${result.last4}; ended ${result.sessionsEnded} session(s)`,
      );
    });

  program
    .command('pin')
    .description('PIN administration')
    .command('reset')
    .description("set a card's PIN (hidden prompt or --pin-stdin) and end its sessions")
    .requiredOption('--number <digits>', '16-digit card number', cardNumber)
    .option('--pin-stdin', 'read the PIN from the first line of standard input')
    .action(async (options: { number: string; pinStdin?: boolean }) => {
      const { output, actor } = globals();
      const pin = await readNewPin(options);
      const result = await run((ctx) => ctx.get(CardsService).resetPin(options.number, pin, actor));
      output.result(
        result,
        `Reset the PIN of card ••••${result.last4}; ended ${result.sessionsEnded} session(s)`,
      );
    });

  program
    .command('list')
    .description('customers, their accounts with balances, their cards masked')
    .action(async () => {
      const { output } = globals();
      const customers = await run((ctx) => ctx.get(BankAdminService).listCustomers(), 'read');
      const lines = customers.flatMap((c) => [
        `${c.name} (${c.id})${c.email ? ` <${c.email}>` : ''}`,
        ...c.accounts.map(
          (a) =>
            `  ${formatAccountNumber(a.number)}  ${a.type.padEnd(8)}  ${a.status.padEnd(6)}  ${formatCents(a.balanceCents).padStart(14)}`,
        ),
        ...c.cards.map(
          (k) =>
            `  card ••••${k.last4}  ${k.status}${k.lockedUntil ? `  locked until ${k.lockedUntil}` : ''}`,
        ),
      ]);
      output.result({ customers }, lines.length > 0 ? lines.join('\n') : 'No customers');
    });

  const cash = program.command('cash').description("the ATM's note stock and deposit bin");
  cash
    .command('show')
    .description('notes in stock per denomination, and the deposit bin')
    .action(async () => {
      const { output } = globals();
      const stock = await run((ctx) => ctx.get(CashService).stock(), 'read');
      const lines = [
        ...stock.notes.map(
          (n) =>
            `${formatCents(n.denominationCents).padStart(8)} notes: ${String(n.count).padStart(6)}  (${formatCents(n.totalCents)})`,
        ),
        `Deposit bin: ${stock.depositBin.cashDeposits} cash deposit(s), ${formatCents(stock.depositBin.totalCents)}`,
      ];
      output.result(stock, lines.join('\n'));
    });
  cash
    .command('load')
    .description('add notes of one denomination to the dispenser')
    .requiredOption(
      '--denomination-cents <cents>',
      'note value in cents, e.g. 2000 for $20',
      positiveInteger('--denomination-cents'),
    )
    .requiredOption('--count <n>', 'number of notes', positiveInteger('--count'))
    .action(async (options: { denominationCents: number; count: number }) => {
      const { output, actor } = globals();
      const stock = await run((ctx) =>
        ctx.get(CashService).load(options.denominationCents, options.count, actor),
      );
      output.result(
        stock,
        `Loaded ${options.count} notes of ${formatCents(options.denominationCents)}`,
      );
    });

  const maintenance = program
    .command('maintenance')
    .description('take the ATM out of or back into service');
  for (const state of ['on', 'off'] as const) {
    maintenance
      .command(state)
      .description(
        state === 'on' ? 'out of service: every /api/v1 route answers 503' : 'back into service',
      )
      .action(async () => {
        const { output, actor } = globals();
        const changed = await run((ctx) =>
          ctx.get(MaintenanceService).setByAdmin(state === 'on', actor.actor),
        );
        if (!changed) throw new RefusedError(`Maintenance is already ${state}`);
        output.result(
          { maintenance: state === 'on' },
          state === 'on' ? 'The ATM is out of service' : 'The ATM is back in service',
        );
      });
  }

  program
    .command('audit')
    .description('the newest audit events')
    .option('--limit <n>', 'how many (1 to 1000)', positiveInteger('--limit'), 20)
    .option('--card <last4>', 'only events of the card ending with these four digits')
    .option('--type <type>', 'only events of this type, e.g. LOGIN')
    .action(async (options: { limit: number; card?: string; type?: string }) => {
      const { output } = globals();
      if (options.limit < 1 || options.limit > 1000)
        throw new UsageError('--limit must be from 1 to 1000');
      if (options.card !== undefined && !/^\d{4}$/.test(options.card))
        throw new UsageError('--card takes the last four digits');
      const events = await run(
        (ctx) =>
          ctx.get(AuditService).newest({
            limit: options.limit,
            ...(options.card ? { cardLast4: options.card } : {}),
            ...(options.type ? { type: options.type.toUpperCase() } : {}),
          }),
        'read',
      );
      const lines = events.map(
        (e) =>
          `${e.occurredAt}  ${e.type.padEnd(18)} ${e.outcome.padEnd(8)} ${e.actorType.toLowerCase()}${e.actor ? `:${e.actor}` : ''}${e.cardLast4 ? `  card ••••${e.cardLast4}` : ''}${e.clientIp ? `  ip ${e.clientIp}` : ''}`,
      );
      output.result({ events }, lines.length > 0 ? lines.join('\n') : 'No audit events');
    });

  const adminUser = program
    .command('admin-user')
    .description('administrators of the web console: roles, passwords, one-time codes');
  const roleOption = () =>
    new Option(
      '--role <role>',
      'VIEWER (reads), OPERATOR (+ customers, accounts, cards, cash), ADMIN (+ maintenance, reversals)',
    )
      .choices([...ADMIN_ROLES])
      .makeOptionMandatory();
  adminUser
    .command('create')
    .description('create an administrator; prints the TOTP enrollment URI once')
    .requiredOption('--username <name>', '3 to 32 characters of a-z 0-9 . _ -')
    .addOption(roleOption())
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (options: { username: string; role: AdminRole; passwordStdin?: boolean }) => {
      const { output, actor } = globals();
      const password = await readNewPassword(options);
      const created = await run((ctx) =>
        ctx
          .get(AdminUsersService)
          .create({ username: options.username, role: options.role, password }, actor),
      );
      output.result(
        created,
        [
          `Created ${created.role} ${created.username}.`,
          'Add this to an authenticator app now (shown once; it holds the one-time code secret):',
          created.enrollmentUri,
        ].join('\n'),
      );
    });
  for (const [name, disabled, verb] of [
    ['disable', true, 'Disabled'],
    ['enable', false, 'Enabled'],
  ] as const) {
    adminUser
      .command(name)
      .description(
        disabled ? 'disable an administrator and end their sessions' : 're-enable an administrator',
      )
      .requiredOption('--username <name>', 'the administrator')
      .action(async (options: { username: string }) => {
        const { output, actor } = globals();
        const result = await run((ctx) =>
          ctx.get(AdminUsersService).setDisabled(options.username, disabled, actor),
        );
        output.result(result, `${verb} ${result.username}`);
      });
  }
  adminUser
    .command('unlock')
    .description('clear the sign-in lockout of an administrator, from every address')
    .requiredOption('--username <name>', 'the administrator')
    .action(async (options: { username: string }) => {
      const { output, actor } = globals();
      const result = await run((ctx) => ctx.get(AdminUsersService).unlock(options.username, actor));
      output.result(result, `Unlocked ${result.username} (${result.cleared} address(es) cleared)`);
    });
  adminUser
    .command('set-role')
    .description("change an administrator's role (the last active ADMIN keeps theirs)")
    .requiredOption('--username <name>', 'the administrator')
    .addOption(roleOption())
    .action(async (options: { username: string; role: AdminRole }) => {
      const { output, actor } = globals();
      const result = await run((ctx) =>
        ctx.get(AdminUsersService).setRole(options.username, options.role, actor),
      );
      output.result(result, `${result.username} is now ${result.role}`);
    });
  adminUser
    .command('reset-password')
    .description(
      "set an administrator's password (hidden prompt or --password-stdin) and end their sessions",
    )
    .requiredOption('--username <name>', 'the administrator')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (options: { username: string; passwordStdin?: boolean }) => {
      const { output, actor } = globals();
      const password = await readNewPassword(options);
      const result = await run((ctx) =>
        ctx.get(AdminUsersService).resetPassword(options.username, password, actor),
      );
      output.result(
        result,
        `Reset the password of ${result.username}; ended ${result.sessionsEnded} session(s)`,
      );
    });
  adminUser
    .command('reset-totp')
    .description('give an administrator a new one-time code secret; prints the enrollment URI once')
    .requiredOption('--username <name>', 'the administrator')
    .action(async (options: { username: string }) => {
      const { output, actor } = globals();
      const result = await run((ctx) =>
        ctx.get(AdminUsersService).resetTotp(options.username, actor),
      );
      output.result(
        result,
        [
          `New one-time code secret for ${result.username} (shown once):`,
          result.enrollmentUri,
        ].join('\n'),
      );
    });
  adminUser
    .command('list')
    .description('administrators, their roles and state')
    .action(async () => {
      const { output } = globals();
      const users = await run((ctx) => ctx.get(AdminUsersService).list());
      const lines = users.map(
        (u) =>
          `${u.username.padEnd(32)} ${u.role.padEnd(8)} ${u.disabled ? 'disabled' : 'active  '} ${u.totpEnrolled ? 'TOTP' : 'no TOTP'}`,
      );
      output.result({ users }, lines.length > 0 ? lines.join('\n') : 'No administrators');
    });

  return program;
}

/** A refusal the administrator must read (exit 1). */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';
}

/** A command used the wrong way (exit 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export { CommanderError };
