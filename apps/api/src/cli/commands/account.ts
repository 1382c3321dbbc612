import { type Command, Option } from 'commander';
import { formatAccountNumber } from '@atm/contracts';
import { formatCents } from '@atm/money';
import { BankAdminService } from '../../admin/bank-admin.service';
import { type CommandContext } from '../command-context';
import { accountNumber, positiveInteger } from '../option-parsers';

const STATUS_CHANGES = [
  { name: 'freeze', status: 'FROZEN', verb: 'Froze', auditType: 'ACCOUNT_FROZEN' },
  { name: 'unfreeze', status: 'ACTIVE', verb: 'Unfroze', auditType: 'ACCOUNT_UNFROZEN' },
  { name: 'close', status: 'CLOSED', verb: 'Closed', auditType: 'ACCOUNT_CLOSED' },
] as const;

export function registerAccountCommands(program: Command, context: CommandContext): void {
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
        const { output, actor } = context.globals();
        const opened = await context.write(
          { type: 'ACCOUNT_OPENED', details: { customerId: options.customer } },
          (ctx) =>
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
  for (const { name, status, verb, auditType } of STATUS_CHANGES) {
    account
      .command(name)
      .description(
        name === 'close' ? 'close an account (its balance must be zero)' : `${name} an account`,
      )
      .requiredOption('--number <number>', 'account number', accountNumber)
      .action(async (options: { number: string }) => {
        const { output, actor } = context.globals();
        const result = await context.write(
          // The service records a refusal once the account is known, with its ids.
          { type: auditType, serviceRecordsRefusals: true },
          (ctx) => ctx.get(BankAdminService).setAccountStatus(options.number, status, actor),
        );
        output.result(result, `${verb} account ${formatAccountNumber(result.number)}`);
      });
  }
}
