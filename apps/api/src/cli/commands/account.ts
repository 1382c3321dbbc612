import { type Command, Option } from 'commander';
import { formatAccountNumber } from '@atm/contracts';
import { formatCents } from '@atm/money';
import { BankAdminService, OverdraftLinksService } from '../../admin';
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
    .description('open, freeze, unfreeze and close accounts, and link overdraft protection');
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
      .action((options: { number: string }) =>
        context.change(
          // The service records a refusal once the account is known, with its ids.
          { type: auditType, serviceRecordsRefusals: true },
          (ctx, actor) => ctx.get(BankAdminService).setAccountStatus(options.number, status, actor),
          (result) => `${verb} account ${formatAccountNumber(result.number)}`,
        ),
      );
  }
  registerOverdraftCommands(account, context);
}

/**
 * Overdraft protection (contract v1.1): a checking account covered by a savings account of
 * the same customer. Here, unlike the admin API, another customer's savings account is the
 * link refusal (INVALID_OVERDRAFT_LINK), as the contract's CLI list says.
 */
function registerOverdraftCommands(account: Command, context: CommandContext): void {
  /** Sets the link (null ends it); the JSON answer names the covering account. */
  const setLink = (number: string, from: string | null) =>
    context.change(
      {
        type: from === null ? 'OVERDRAFT_UNLINKED' : 'OVERDRAFT_LINKED',
        serviceRecordsRefusals: true,
      },
      async (ctx, actor) => ({
        ...(await ctx
          .get(OverdraftLinksService)
          .setLink({ number }, from, actor, 'INVALID_OVERDRAFT_LINK')),
        overdraftFromAccountNumber: from,
      }),
      (linked) =>
        from === null
          ? `Unlinked overdraft protection of ${formatAccountNumber(linked.number)}`
          : `Linked ${formatAccountNumber(linked.number)} to savings ${formatAccountNumber(from)} for overdraft protection`,
    );
  account
    .command('link-overdraft')
    .description(
      "cover a checking account's shortfalls from a savings account of the same customer",
    )
    .requiredOption('--number <number>', 'the checking account number', accountNumber)
    .requiredOption('--from <number>', 'the savings account number', accountNumber)
    .action((options: { number: string; from: string }) => setLink(options.number, options.from));
  account
    .command('unlink-overdraft')
    .description("end a checking account's overdraft protection")
    .requiredOption('--number <number>', 'the checking account number', accountNumber)
    .action((options: { number: string }) => setLink(options.number, null));
}
