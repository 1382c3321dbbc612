import { type Command, Option } from 'commander';
import { ADMIN_ROLES, type AdminRole } from '@atm/contracts';
import { AdminUsersService } from '../../admin';
import { type CommandContext, listing } from '../command-context';
import { readNewPassword } from '../password-input';

const ENABLEMENT_CHANGES = [
  { name: 'disable', disabled: true, verb: 'Disabled', auditType: 'ADMIN_USER_DISABLED' },
  { name: 'enable', disabled: false, verb: 'Enabled', auditType: 'ADMIN_USER_ENABLED' },
] as const;

function roleOption(): Option {
  return new Option(
    '--role <role>',
    'VIEWER (reads), OPERATOR (+ customers, accounts, cards, cash), ADMIN (+ maintenance, reversals)',
  )
    .choices([...ADMIN_ROLES])
    .makeOptionMandatory();
}

/** The web console's administrators: roles, passwords, one-time code secrets. */
export function registerAdminUserCommands(program: Command, context: CommandContext): void {
  const adminUser = program
    .command('admin-user')
    .description('administrators of the web console: roles, passwords, one-time codes');
  adminUser
    .command('create')
    .description('create an administrator; prints the TOTP enrollment URI once')
    .requiredOption('--username <name>', '3 to 32 characters of a-z 0-9 . _ -')
    .addOption(roleOption())
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (options: { username: string; role: AdminRole; passwordStdin?: boolean }) => {
      const { output, actor } = context.globals();
      const password = await readNewPassword(options);
      const created = await context.write(
        {
          type: 'ADMIN_USER_CREATED',
          details: { username: options.username, role: options.role },
        },
        (ctx) =>
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
  for (const { name, disabled, verb, auditType } of ENABLEMENT_CHANGES) {
    adminUser
      .command(name)
      .description(
        disabled ? 'disable an administrator and end their sessions' : 're-enable an administrator',
      )
      .requiredOption('--username <name>', 'the administrator')
      .action((options: { username: string }) =>
        context.change(
          { type: auditType, details: { username: options.username } },
          (ctx, actor) => ctx.get(AdminUsersService).setDisabled(options.username, disabled, actor),
          (result) => `${verb} ${result.username}`,
        ),
      );
  }
  adminUser
    .command('unlock')
    .description('clear the sign-in lockout of an administrator, from every address')
    .requiredOption('--username <name>', 'the administrator')
    .action((options: { username: string }) =>
      context.change(
        { type: 'ADMIN_USER_UNLOCKED', details: { username: options.username } },
        (ctx, actor) => ctx.get(AdminUsersService).unlock(options.username, actor),
        (result) => `Unlocked ${result.username} (${result.cleared} address(es) cleared)`,
      ),
    );
  adminUser
    .command('set-role')
    .description("change an administrator's role (the last active ADMIN keeps theirs)")
    .requiredOption('--username <name>', 'the administrator')
    .addOption(roleOption())
    .action((options: { username: string; role: AdminRole }) =>
      context.change(
        {
          type: 'ADMIN_USER_ROLE_CHANGED',
          details: { username: options.username, role: options.role },
        },
        (ctx, actor) => ctx.get(AdminUsersService).setRole(options.username, options.role, actor),
        (result) => `${result.username} is now ${result.role}`,
      ),
    );
  adminUser
    .command('reset-password')
    .description(
      "set an administrator's password (hidden prompt or --password-stdin) and end their sessions",
    )
    .requiredOption('--username <name>', 'the administrator')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (options: { username: string; passwordStdin?: boolean }) => {
      const { output, actor } = context.globals();
      const password = await readNewPassword(options);
      const result = await context.write(
        { type: 'ADMIN_USER_PASSWORD_RESET', details: { username: options.username } },
        (ctx) => ctx.get(AdminUsersService).resetPassword(options.username, password, actor),
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
    .action((options: { username: string }) =>
      context.change(
        { type: 'ADMIN_USER_TOTP_RESET', details: { username: options.username } },
        (ctx, actor) => ctx.get(AdminUsersService).resetTotp(options.username, actor),
        (result) =>
          [
            `New one-time code secret for ${result.username} (shown once):`,
            result.enrollmentUri,
          ].join('\n'),
      ),
    );
  adminUser
    .command('list')
    .description('administrators, their roles and state')
    .action(async () => {
      const { output } = context.globals();
      // Opened for writing (it names its target), as it always has.
      const users = await context.run((ctx) => ctx.get(AdminUsersService).list());
      const lines = users.map(
        (u) =>
          `${u.username.padEnd(32)} ${u.role.padEnd(8)} ${u.disabled ? 'disabled' : 'active  '} ${u.totpEnrolled ? 'TOTP' : 'no TOTP'}`,
      );
      output.result({ users }, listing(lines, 'No administrators'));
    });
}
