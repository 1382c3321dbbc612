import { type Command } from 'commander';
import { formatAccountNumber } from '@atm/contracts';
import { formatCents } from '@atm/money';
import { BankAdminService } from '../../admin';
import { type CommandContext, listing } from '../command-context';

export function registerCustomerCommands(program: Command, context: CommandContext): void {
  program
    .command('customer')
    .description('manage customers')
    .command('create')
    .description('create a customer and print its id')
    .requiredOption('--name <name>', 'full name')
    .option('--email <email>', 'email address')
    .action(async (options: { name: string; email?: string }) => {
      const { output, actor } = context.globals();
      const id = await context.write({ type: 'CUSTOMER_CREATED' }, (ctx) =>
        ctx.get(BankAdminService).createCustomer(options, actor),
      );
      output.result({ id }, id);
    });
}

/** `list`: the customers with their accounts and cards. */
export function registerListCommand(program: Command, context: CommandContext): void {
  program
    .command('list')
    .description('customers, their accounts with balances, their cards masked')
    .action(() =>
      context.show(
        (ctx) => ctx.get(BankAdminService).listCustomers(),
        (customers) => ({
          json: { customers },
          human: listing(
            customers.flatMap((c) => [
              `${c.name} (${c.id})${c.email ? ` <${c.email}>` : ''}`,
              ...c.accounts.map(
                (a) =>
                  `  ${formatAccountNumber(a.number)}  ${a.type.padEnd(8)}  ${a.status.padEnd(6)}  ${formatCents(a.balanceCents).padStart(14)}`,
              ),
              ...c.cards.map(
                (k) =>
                  `  card ••••${k.last4}  ${k.status}${k.lockedUntil ? `  locked until ${k.lockedUntil}` : ''}`,
              ),
            ]),
            'No customers',
          ),
        }),
      ),
    );
}
