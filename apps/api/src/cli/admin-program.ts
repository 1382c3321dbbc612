import { Command } from 'commander';
import { type ContextRunner, type Output, createCommandContext } from './command-context';
import { registerAccountCommands } from './commands/account';
import { registerAdminUserCommands } from './commands/admin-user';
import { registerAuditCommand } from './commands/audit';
import { registerCardCommands } from './commands/card';
import { registerCashCommands } from './commands/cash';
import { registerCustomerCommands, registerListCommand } from './commands/customer';
import { registerMaintenanceCommands } from './commands/maintenance';
import { type SeedEnvironment, registerSeedCommand } from './commands/seed';

/**
 * The admin CLI: one file per command group under `commands/`, each reaching the database
 * through the command context (reads, and writes whose refusals are audited alike).
 */
export function buildAdminProgram(
  run: ContextRunner,
  makeOutput: (json: boolean) => Output,
  environment: SeedEnvironment,
): Command {
  const program = new Command('atm-admin')
    .description('Administer the web ATM: customers, accounts, cards, cash and service state.')
    .option('--json', 'print machine-readable JSON')
    .option('--actor <name>', 'who is acting, for the audit trail (default: the OS user)')
    .showHelpAfterError()
    .exitOverride();
  const context = createCommandContext(program, run, makeOutput);
  // In the order `--help` has always listed them.
  registerSeedCommand(program, context, environment);
  registerCustomerCommands(program, context);
  registerAccountCommands(program, context);
  registerCardCommands(program, context);
  registerListCommand(program, context);
  registerCashCommands(program, context);
  registerMaintenanceCommands(program, context);
  registerAuditCommand(program, context);
  registerAdminUserCommands(program, context);
  return program;
}
